import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, expect, test } from 'vitest';
import { inspectDatabaseFile } from '../../services/store/database.ts';
import { openStore } from '../../services/store/index.ts';
import { latestVersion } from '../../services/store/migrate.ts';
import { migrations } from '../../services/store/migrations/index.ts';
import { storePaths } from '../../services/store/paths.ts';
import { testOutputDir } from '../support/tools.ts';
import { tempDir, unwrap } from './support.ts';

/**
 * Crash test: a child process edits the store and acknowledges each change the store
 * confirmed; the test kills it with SIGKILL at a random moment, at least 200 times.
 * After every kill the database must pass `integrity_check` as it lies on disk and
 * hold every acknowledged change; the next child must open it for writing (lock free)
 * without any recovery, and so must the test at the end.
 */

const KILLS = 200;
/** Children load (the slow part) while another one runs. */
const WAITING_CHILDREN = 3;
const MAX_RUN_MS = 60;

const cacheDir = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'nianbao-crash-test');
const childScript = join(cacheDir, 'crashChild.mjs');

beforeAll(() => {
  // One bundled file with V8's compile cache starts about twice as fast as the TypeScript sources.
  mkdirSync(cacheDir, { recursive: true });
  buildSync({
    entryPoints: [join(import.meta.dirname, 'crashChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    outfile: childScript,
    logLevel: 'warning',
  });
});

interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Loaded, waiting for `go`. */
  readonly ready: Promise<void>;
  /** Its first edit is acknowledged. */
  readonly editing: Promise<void>;
  /** Complete lines printed after `ready`. */
  readonly lines: string[];
  /** Exited, and all its output read. */
  readonly closed: Promise<void>;
}

function startChild(dataDir: string, run: number): Child {
  const child = spawn(process.execPath, [childScript, dataDir, String(run)], {
    env: { ...process.env, NODE_COMPILE_CACHE: join(cacheDir, 'v8') },
  });
  const lines: string[] = [];
  let pending = '';
  let markReady: () => void;
  let markEditing: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const editing = new Promise<void>((resolve) => (markEditing = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    for (const line of parts) {
      if (line === 'ready') markReady();
      else lines.push(line);
      if (line.startsWith('saved ')) markEditing();
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => lines.push(`error ${chunk}`));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return { process: child, ready, editing, lines, closed };
}

interface Acknowledged {
  lastSaved: number;
  readonly agencies: Set<string>;
  readonly revisions: Set<number>;
}

function record(acked: Acknowledged, lines: readonly string[]): void {
  for (const line of lines) {
    const [kind, value = ''] = line.split(' ', 2) as [string, string?];
    if (kind === 'saved') acked.lastSaved = Math.max(acked.lastSaved, Number(value));
    else if (kind === 'agency') acked.agencies.add(value);
    else if (kind === 'revision') acked.revisions.add(Number(value));
    else if (kind === 'error') throw new Error(`child failed: ${line}`);
  }
}

/**
 * The database as the kill left it: sound, and holding every acknowledged change.
 * Read-only, as a second program would read it: nothing is repaired or checkpointed.
 */
async function verify(dataDir: string, acked: Acknowledged): Promise<void> {
  const inspection = inspectDatabaseFile(storePaths(dataDir).database, latestVersion(migrations));
  if (!['ok', 'missing', 'empty'].includes(inspection.state)) {
    cpSync(dataDir, join(testOutputDir('store'), 'crash-failure'), { recursive: true });
    expect.fail(`after a kill: ${JSON.stringify(inspection)} (data copied to test-output/store/crash-failure)`);
  }
  // Killed while the first open created the database (one migration per transaction): an older
  // schema, which the next open brings up to date. Nothing can have been acknowledged before that.
  if (inspection.state !== 'ok' || inspection.version < latestVersion(migrations)) {
    expect(acked.agencies.size).toBe(0);
    return expect(acked.lastSaved).toBe(0);
  }
  const store = unwrap(openStore({ dataDir, readOnly: true }));
  try {
    const names = new Set(unwrap(store.listAgencies()).map((a) => a.name));
    for (const name of acked.agencies) expect(names.has(name), `agency ${name}`).toBe(true);
    if (acked.lastSaved === 0) return;
    const [summary] = unwrap(store.listReports());
    const { report } = unwrap(store.getReport({ reportId: summary!.id }));
    const edit = Number(/^第(\d+)次修改$/.exec(report.sections.other ?? '')?.[1]);
    expect(edit).toBeGreaterThanOrEqual(acked.lastSaved);
    expect(report.values['t3.newReceived.naturalPerson']).toBe(String(edit));
    const revisions = new Set(unwrap(store.listRevisions({ reportId: summary!.id })).map((r) => r.id));
    for (const id of acked.revisions) expect(revisions.has(id), `revision ${id}`).toBe(true);
  } finally {
    await store.close();
  }
}

test(`every acknowledged edit survives ${KILLS} SIGKILLs at random moments`, { timeout: 300_000 }, async () => {
  const dataDir = tempDir();
  const acked: Acknowledged = { lastSaved: 0, agencies: new Set(), revisions: new Set() };
  const waiting: Child[] = [];
  let started = 0;
  const refill = () => {
    while (waiting.length < WAITING_CHILDREN && started < KILLS) waiting.push(startChild(dataDir, ++started));
  };
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      refill();
      const child = waiting.shift()!;
      const state = await Promise.race([child.ready.then(() => 'ready'), child.closed.then(() => 'ended')]);
      if (state === 'ended') throw new Error(`child ended before it was ready: ${child.lines.join('\n')}`);
      child.process.stdin.write('go\n');
      // Most kills land in the stream of edits; every fourth anywhere from opening on.
      if (kill % 4 !== 0) await Promise.race([child.editing, child.closed]);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_RUN_MS));
      child.process.kill('SIGKILL');
      await child.closed;
      record(acked, child.lines);
      await verify(dataDir, acked);
    }
  } finally {
    for (const child of waiting) child.process.kill('SIGKILL');
  }
  const store = unwrap(openStore({ dataDir }));
  expect(store.startupNotices).toEqual([]);
  await store.close();
  expect(acked.lastSaved).toBeGreaterThan(KILLS);
  expect(acked.revisions.size).toBeGreaterThan(0);
  expect(acked.agencies.size).toBeGreaterThan(0);
});
