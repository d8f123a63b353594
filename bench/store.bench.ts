import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../services/app/createHandlers.ts';
import type { AppDeps } from '../services/app/deps.ts';
import { openStore } from '../services/store/index.ts';
import type { Store } from '../services/store/index.ts';
import type { ChannelArgs, SaveChangesResult } from '../shared/ipc/contract.ts';
import { storePaths } from '../services/store/paths.ts';
import type { Result } from '../shared/model/validation.ts';
import { blankAgency } from '../shared/model/report.ts';
import { fillStore } from '../test/fixtures/filledStore.ts';
import { loadSeeds } from '../test/fixtures/seedReports.ts';
import type { BenchResult } from './run.ts';
import { encodeReport, reportJson } from '../services/store/snapshot.ts';
import { reportChanges } from '../shared/model/reportChanges.ts';
import type { Report } from '../shared/model/report.ts';
import { compareWithEngine, comparisonFigures, measure, measurePair, ms, summary } from './timing.ts';

/**
 * The store on this machine's disk: how long an autosave takes (each one fsynced,
 * synchronous=FULL), of what changed and of the whole report, and how long opening takes
 * (integrity_check included) once the store holds 100 reports with 50 revisions each.
 */

function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/**
 * The bare engine of an autosave: better-sqlite3 in WAL mode with synchronous=FULL
 * committing the same report JSON to one row, fsynced like ours. The rest of our time is
 * our own work (validation, hashing, revisions, agency details).
 */
function bareSave(dataDir: string): { save: (json: string) => void; close: () => void } {
  const db = new Database(join(dataDir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE report (id INTEGER PRIMARY KEY, content TEXT NOT NULL)');
  db.prepare('INSERT INTO report (id, content) VALUES (1, ?)').run('{}');
  const update = db.prepare('UPDATE report SET content = ? WHERE id = 1');
  const commit = db.transaction((json: string) => update.run(json));
  return { save: (json) => commit.immediate(json), close: () => db.close() };
}

/**
 * What main does for an autosave the page sends: the IPC handler of the channel, which
 * validates the argument with the contract's schema and saves through the store. Only the
 * two save channels are called, so the other dependencies are left out.
 */
function saveHandlers(store: Store) {
  const handlers = createHandlers({ store, clock: () => new Date() } as Partial<AppDeps> as AppDeps);
  return {
    /** An autosave: what changed since the last save (`nianbao:reports:saveChanges`). */
    changes: async (args: ChannelArgs<'nianbao:reports:saveChanges'>) => {
      const response = await handlers['nianbao:reports:saveChanges'](args);
      if (!response.ok) throw new Error(response.error);
      if ((response.value as SaveChangesResult).status !== 'saved') throw new Error('the store did not hold the report the changes were made on');
    },
    /** The whole report (`nianbao:reports:save`): the first save after opening, or when main no longer holds the last one. */
    whole: async (args: ChannelArgs<'nianbao:reports:save'>) => {
      const response = await handlers['nianbao:reports:save'](args);
      if (!response.ok) throw new Error(response.error);
    },
  };
}

async function saveLatency(dataDir: string): Promise<BenchResult[]> {
  const store = must(openStore({ dataDir }));
  const agency = must(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
  const { summary: created, report } = must(store.createReport({ agencyId: agency.id, year: 2024 }));
  const seed = loadSeeds()[0]!.report;
  const base = { ...seed, agency: report.agency, year: 2024 };
  const edited = (i: number): Report => ({ ...base, values: { ...base.values, 't3.granted.naturalPerson': String(i) } });
  const bare = bareSave(dataDir);
  const save = saveHandlers(store);
  const runs = 5_000;
  const warmup = 10;
  // Ours gets what main receives from the page: Electron's IPC hands main a structured clone
  // of what the page sent, the changes since the last save (the page's reportChanges) or the
  // whole report. All is made before timing (the page's work, and the benchmark's). The
  // engine commits our stored JSON as a string JSON.parse made: it took a string TextDecoder
  // made (reportJson's) a third slower (its UTF-8 is read out more slowly), which would flatter us.
  const reports = Array.from({ length: runs + warmup + 1 }, (_, i) => edited(i));
  const hashes = reports.map((edit) => encodeReport(edit).hash);
  const changes = reports.map((edit, i) => (i === 0 ? undefined : structuredClone(reportChanges(reports[i - 1]!, edit, hashes[i - 1]!)!)));
  const wholes = reports.map((edit) => structuredClone(edit));
  const jsons = reports.map((edit) => JSON.parse(JSON.stringify(reportJson(edit))) as string);
  // The changes of save i are made on report i − 1: saved whole first, then one after another.
  await save.whole({ id: created.id, report: wholes[0]! });
  let next = 1;
  const changed = await measurePair(runs, () => save.changes({ id: created.id, changes: changes[next++]! }), (i) => bare.save(jsons[i]!), warmup);
  const whole = await measurePair(runs, (i) => save.whole({ id: created.id, report: wholes[i]! }), (i) => bare.save(jsons[i]!), warmup);
  bare.close();
  await store.close();
  const engine = 'better-sqlite3 WAL+FULL commit of the same JSON';
  const comparison = compareWithEngine(engine, changed.ours, changed.engine, 1.3);
  const wholeComparison = compareWithEngine(engine, whole.ours, whole.engine);
  return [
    {
      name: 'store: autosave of a real report, one cell changed, through main’s IPC handler (5,000 saves each, alternating, each durable)',
      figures: comparisonFigures(comparison, changed.ours, changed.engine),
      comparison,
    },
    {
      name: 'store: save of the whole report (the first after opening), one cell changed, through main’s IPC handler (5,000 saves each, alternating)',
      figures: comparisonFigures(wholeComparison, whole.ours, whole.engine),
      comparison: wholeComparison,
    },
  ];
}

async function openTime(dataDir: string): Promise<BenchResult> {
  await fillStore(dataDir);
  const probe = must(openStore({ dataDir, readOnly: true }));
  const reports = must(probe.listReports()).length;
  const revisions = must(probe.listRevisions({ reportId: 1 })).length;
  await probe.close();
  const times = await measure(10, async () => (await must(openStore({ dataDir })).close()), 1);
  return {
    name: `store: open (lock, integrity_check, migrations) with ${reports} reports × ${revisions} revisions`,
    figures: { ...summary(times), 'database size': `${(statSync(storePaths(dataDir).database).size / 1024 / 1024).toFixed(1)} MB`, min: ms(times[0]!) },
  };
}

export default async function bench(): Promise<BenchResult[]> {
  const dirs = [mkdtempSync(join(tmpdir(), 'nianbao-bench-')), mkdtempSync(join(tmpdir(), 'nianbao-bench-'))];
  try {
    return [...(await saveLatency(dirs[0]!)), await openTime(dirs[1]!)];
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
