/**
 * The crashing writer of crash.test.ts. Loads, says `ready`, waits for `go` on stdin,
 * then edits the store in `argv[2]` without end, printing an acknowledgement after
 * each change the store has confirmed (durable):
 *   `saved N`        the report's text now says it is the N-th edit
 *   `agency NAME`    an agency was created
 *   `revision ID`    a revision was kept
 *   `error …`        opening or a change failed, or the database needed recovery
 * The parent kills it with SIGKILL at a random moment.
 */
import { flushCompileCache } from 'node:module';
import { createInterface } from 'node:readline';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openStore } from '../../services/store/index.ts';
import { saveReportInput, validateInput } from '../../services/store/inputs.ts';
import { encodeReport } from '../../services/store/snapshot.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import type { Result } from '../../shared/model/validation.ts';

const [dataDir, runText] = process.argv.slice(2);
const AGENCY = '崩溃测试机关';
const YEAR = 2024;
const EDIT = /^第(\d+)次修改$/;

function must<T>(result: Result<T>): T {
  if (!result.ok) {
    process.stdout.write(`error ${result.error}\n`);
    process.exit(1);
  }
  return result.value;
}

function ack(line: string): void {
  process.stdout.write(`${line}\n`);
}

// A clock that runs a minute per reading (and further for each run), so revisions and
// automatic backups come every few edits and crashes land inside them too.
let readings = 0;
const base = Date.UTC(2025, 0, 1) + Number(runText) * 1e9;
const clock = () => new Date(base + readings++ * 60_000);

// Warm up validation and hashing while waiting, so the run itself is mostly edits.
encodeReport(must(validateInput(saveReportInput, { reportId: 1, report: blankReport(blankAgency(AGENCY), YEAR) })).report);
// Children die by SIGKILL and never exit normally: write the compile cache now, for the next ones.
flushCompileCache();
ack('ready');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));

const store = must(openStore({ dataDir: dataDir!, clock }));
// Opening after a kill must find a sound database: any recovery is a failure.
for (const notice of store.startupNotices) process.stdout.write(`error ${notice.message}\n`);
const agency = must(store.listAgencies()).find((a) => a.name === AGENCY) ?? must(store.createAgency({ agency: blankAgency(AGENCY) }));
const summary = must(store.listReports({ agencyId: agency.id }))[0] ?? must(store.createReport({ agencyId: agency.id, year: YEAR })).summary;
let { report } = must(store.getReport({ reportId: summary.id }));
let edit = Number(EDIT.exec(report.sections.other ?? '')?.[1] ?? 0);

for (;;) {
  edit++;
  report = {
    ...report,
    sections: { ...report.sections, other: `第${edit}次修改` },
    values: { ...report.values, 't3.newReceived.naturalPerson': String(edit) },
  };
  must(store.saveReport({ reportId: summary.id, report }));
  ack(`saved ${edit}`);
  if (edit % 10 === 0) {
    const name = `机关${runText}-${edit}`;
    must(store.createAgency({ agency: blankAgency(name) }));
    ack(`agency ${name}`);
  }
  if (edit % 7 === 0) ack(`revision ${must(store.keepRevision({ reportId: summary.id, reason: 'manual', note: String(edit) })).id}`);
  // Let the automatic backup (asynchronous) make progress between edits.
  await nextTurn();
}
