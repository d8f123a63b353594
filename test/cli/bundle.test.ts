import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../services/store/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.js');
const BUNDLE = join(ROOT, 'dist', 'cli', 'nianbao.mjs');

/** Logs every module specifier the process resolves, one per line, to stderr. */
const RESOLVE_LOGGER = `data:text/javascript,${encodeURIComponent(
  "import { registerHooks } from 'node:module'; registerHooks({ resolve(s, c, next) { process.stderr.write('resolve ' + s + '\\n'); return next(s, c); } });",
)}`;

function runLogged(args: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'nianbao-bundle-'));
  return spawnSync(process.execPath, ['--import', RESOLVE_LOGGER, BIN, ...args], { cwd, encoding: 'utf8' });
}

describe('the CLI bundle (dist/cli/nianbao.mjs)', () => {
  it('is what the bin runs: no TypeScript source is loaded', () => {
    const run = runLogged(['new', '--agency', '湖滨区政府办', '--year', '2025', '-o', 'r.json']);
    expect(run.status).toBe(0);
    const resolved = run.stderr.split('\n').filter((l) => l.startsWith('resolve ')).map((l) => l.slice('resolve '.length));
    expect(resolved.some((s) => s.includes('dist/cli/nianbao.mjs'))).toBe(true);
    expect(resolved.filter((s) => s.endsWith('.ts'))).toEqual([]);
  });

  it('starts a command without the heavy packages it does not use', () => {
    const run = runLogged(['new', '--agency', '湖滨区政府办', '--year', '2025', '-o', 'r.json']);
    expect(run.status).toBe(0);
    for (const heavy of ['better-sqlite3', 'playwright-core', 'pdfjs-dist']) expect(run.stderr).not.toContain(`resolve ${heavy}`);
  });

  it('keeps the native, browser and PDF packages external and loads them when a command needs them', async () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    for (const external of ['better-sqlite3', 'playwright-core', 'pdfjs-dist']) expect(bundle).toContain(`"${external}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-bundle-data-'));
    const store = openStore({ dataDir });
    if (!store.ok) throw new Error(store.error);
    await store.value.close();
    const list = runLogged(['list', '--data-dir', dataDir]);
    expect(list.status).toBe(0);
    expect(list.stderr).toContain('resolve better-sqlite3');
  });
});
