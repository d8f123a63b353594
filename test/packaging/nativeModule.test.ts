import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRoot, OLD_ROOT, oldRootReady, runInRoot } from '../../scripts/oldLinuxRoot.ts';
import { inspectModule, NATIVE_ARCHES, nativeModulePath, NODE_IN_ROOT, PROJECT_ROOT } from '../../scripts/nativeModules.ts';

/**
 * better-sqlite3 built for old Linux (`npm run build:native`): each module needs at most
 * GLIBC_2.28 and no newer GLIBCXX than 3.4.25, is of its architecture and links libstdc++
 * statically (objdump, from the Debian 11 root); the x64 one, loaded by Node 24 inside that
 * root (glibc 2.31, as Kylin V10), opens a WAL database, writes and reads it back, where the
 * package's own prebuild does not even load. Needs root (chroot) and the built modules:
 * skipped with a message without them, required under CI=true (`npm test` builds them first).
 */

function nativeBuilt(): boolean {
  const missing = [
    ...(isRoot() ? [] : ['root (chroot, mount)']),
    ...(oldRootReady() ? [] : [`the Debian root ${OLD_ROOT}`]),
    ...NATIVE_ARCHES.map((arch) => nativeModulePath(arch)).filter((file) => !existsSync(file)),
  ];
  if (missing.length === 0) return true;
  const message = `the native module test needs ${missing.join(', ')}: run npm run build:native as root`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}

const BETTER_SQLITE3 = realpathSync(join(PROJECT_ROOT, 'node_modules', 'better-sqlite3'));

/** Runs in the root: opens a WAL database with the given module, writes, closes, reads back. */
const CHECK = `
const fs = require('fs');
const Database = require('/check/better-sqlite3');
const [binding, file] = process.argv.slice(2);
const result = { glibc: process.report.getReport().header.glibcVersionRuntime, node: process.version };
try {
  const db = new Database(file, { nativeBinding: binding });
  result.journalMode = db.pragma('journal_mode = WAL', { simple: true });
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE drafts (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO drafts (text) VALUES (?)');
  db.transaction(() => { for (let i = 0; i < 100; i++) insert.run('本年度主动公开政府信息' + i + '条'); })();
  result.walWhileOpen = fs.existsSync(file + '-wal');
  db.close();
  const again = new Database(file, { readonly: true, nativeBinding: binding });
  result.rows = again.prepare('SELECT count(*) AS n FROM drafts').get().n;
  result.last = again.prepare('SELECT text FROM drafts ORDER BY id DESC LIMIT 1').get().text;
  result.sqlite = again.prepare('SELECT sqlite_version() AS v').get().v;
  again.close();
} catch (error) {
  result.error = String(error.message).split('\\n')[0];
}
process.stdout.write(JSON.stringify(result));
`;

describe.runIf(nativeBuilt())('better-sqlite3 for old Linux (build/native)', () => {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-native-check-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  writeFileSync(join(work, 'check.cjs'), CHECK);

  it.each(NATIVE_ARCHES)('linux-%s: at most GLIBC_2.28, no newer GLIBCXX than 3.4.25, libstdc++ static, its own ELF machine', (arch) => {
    const report = inspectModule(OLD_ROOT, arch, nativeModulePath(arch));
    expect(report.problems).toEqual([]);
    expect(report.format).toBe(arch === 'x64' ? 'elf64-x86-64' : 'elf64-littleaarch64');
    expect(report.needed.some((lib) => lib.startsWith('libstdc++'))).toBe(false);
  });

  const runCheck = (module: string) => {
    const output = runInRoot(OLD_ROOT, [NODE_IN_ROOT, '/check/script/check.cjs', `/check/module/${module.split('/').at(-1)}`, `/tmp/nianbao-wal-${process.pid}-${Date.now()}.db`], {
      binds: [
        { host: BETTER_SQLITE3, inRoot: '/check/better-sqlite3' },
        { host: work, inRoot: '/check/script' },
        { host: dirname(module), inRoot: '/check/module' },
      ],
    });
    return JSON.parse(output) as Record<string, unknown>;
  };

  it('linux-x64: Node 24 in Debian 11 (glibc 2.31) opens, writes and reads a WAL database with it', () => {
    const result = runCheck(nativeModulePath('x64'));
    expect(result).toMatchObject({ glibc: '2.31', journalMode: 'wal', walWhileOpen: true, rows: 100, last: '本年度主动公开政府信息99条' });
    expect(result.node).toMatch(/^v24\./);
    expect(result.error).toBeUndefined();
  });

  it('…where the package’s own linux-x64 prebuild does not load (it needs a newer glibc)', () => {
    const result = runCheck(join(BETTER_SQLITE3, 'prebuilds', 'linux-x64.node'));
    expect(result.glibc).toBe('2.31');
    expect(result.error).toMatch(/GLIBC_2\.3[2-9]' not found|GLIBCXX_3\.4\.(2[6-9]|3\d)' not found/);
  });
});
