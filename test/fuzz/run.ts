import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildDocument } from '../../shared/document/build.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { hasCommand } from '../support/tools.ts';
import type { Outcome } from './check.ts';
import { buildCorpus } from './corpus.ts';
import { mutate, random } from './mutate.ts';

/**
 * `npm run fuzz [-- COUNT [FIRST_SEED]]`: imports COUNT (100,000) mutated real files in a
 * worker, each under a 10 s watchdog (a hang ends the worker, is recorded, and a new
 * worker goes on), and prints crashes, hangs and refusals not in Chinese with the seed
 * that replays each. Exits 1 when there is any.
 */

const HANG_MS = 10_000;
const count = Number(process.argv[2] ?? 100_000);
const firstSeed = Number(process.argv[3] ?? 1);

/** A seed's PDF made by LibreOffice from its DOCX, when LibreOffice is installed. */
async function seedPdf(): Promise<Uint8Array | undefined> {
  if (!hasCommand('soffice')) {
    console.warn('soffice not found: PDFs are not fuzzed');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-'));
  writeFileSync(join(dir, 'report.docx'), await renderDocx(buildDocument(loadSeeds()[0]!.report)));
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { stdio: 'ignore' });
  return new Uint8Array(readFileSync(join(dir, 'report.pdf')));
}

/** A worker that has loaded the importer (so its loading time never counts as a hang). */
async function startWorker(): Promise<Worker> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url));
  await new Promise((resolve) => worker.once('message', resolve));
  return worker;
}

function importInWorker(worker: Worker, bytes: Uint8Array, name: string): Promise<Outcome | 'hang'> {
  return new Promise((resolve) => {
    const done = (outcome: Outcome | 'hang'): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      resolve(outcome);
    };
    const onMessage = (outcome: Outcome): void => done(outcome);
    const onError = (error: Error): void => done({ kind: 'failure', message: `worker died: ${error.message}` });
    const timer = setTimeout(() => done('hang'), HANG_MS);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ bytes, name });
  });
}

const pdf = await seedPdf();
const corpus = await buildCorpus(pdf ? { pdf } : {});
/** PDFs take ~50 times as long as the other forms: one input in 50 is a PDF. */
const forms = corpus.filter((f) => !f.name.endsWith('.pdf'));
let worker = await startWorker();
const tally = { read: 0, refused: 0, failure: 0, hang: 0 };
const problems: string[] = [];
const started = performance.now();
for (let seed = firstSeed; seed < firstSeed + count; seed++) {
  const file = pdf && seed % 50 === 0 ? corpus.find((f) => f.name.endsWith('.pdf'))! : forms[seed % forms.length]!;
  const bytes = mutate(file, random(seed));
  const outcome = await importInWorker(worker, bytes, file.name);
  if (outcome === 'hang') {
    tally.hang++;
    problems.push(`hang over ${HANG_MS / 1000} s: seed ${seed} (${file.name}, ${bytes.length} bytes)`);
    await worker.terminate();
    worker = await startWorker();
  } else {
    tally[outcome.kind]++;
    if (outcome.kind === 'failure') problems.push(`seed ${seed} (${file.name}): ${outcome.message.slice(0, 500)}`);
  }
  if ((seed - firstSeed + 1) % 1000 === 0) {
    const done = seed - firstSeed + 1;
    console.log(`${done} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s: read ${tally.read}, refused ${tally.refused}, crashes ${tally.failure}, hangs ${tally.hang}`);
  }
}
await worker.terminate();
console.log(`\n${count} inputs (seeds ${firstSeed}–${firstSeed + count - 1}) in ${((performance.now() - started) / 1000).toFixed(0)} s: read ${tally.read}, refused in Chinese ${tally.refused}, crashes or refusals not in Chinese ${tally.failure}, hangs over ${HANG_MS / 1000} s ${tally.hang}`);
for (const problem of problems) console.log(problem);
process.exitCode = problems.length ? 1 : 0;
