/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those whose file name contains one of
 * the words given), each in a Node process of its own (`runFile.ts`), and prints its figures:
 * each of ours beside the bare engine it drives, measured in the same run, and the ratio.
 * Benchmarks measure; they never assert. `npm run bench -- --json FILE` also writes every
 * figure to FILE, so runs can be compared.
 */
import { fork } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { EngineComparison } from './timing.ts';
import { goalText } from './timing.ts';

export interface BenchResult {
  readonly name: string;
  readonly figures: Readonly<Record<string, string>>;
  /** Our figure beside the engine's, when the benchmark has an engine. */
  readonly comparison?: EngineComparison;
}

function parseArgs(argv: readonly string[]): { only: string[]; json?: string } {
  const only: string[] = [];
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = argv[++i] ?? 'bench-results.json';
    else only.push(argv[i]!);
  }
  return { only, json };
}

const { only, json } = parseArgs(process.argv.slice(2));
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`;
console.log(`${machine}; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

/** The results of one benchmark file, run in a child process; its output goes to ours as it comes. */
function runFile(file: string): Promise<BenchResult[]> {
  return new Promise((resolveResults, reject) => {
    const child = fork(join(import.meta.dirname, 'runFile.ts'), [file], { stdio: 'inherit' });
    let results: BenchResult[] | undefined;
    child.on('message', (message) => (results = message as BenchResult[]));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      results && code === 0 ? resolveResults(results) : reject(new Error(`${file} ended (${signal ?? `exit code ${code}`}) without its results`)),
    );
  });
}

const all: BenchResult[] = [];
for (const file of files) {
  for (const result of await runFile(file)) {
    all.push(result);
    console.log(`\n${result.name}`);
    for (const [label, value] of Object.entries(result.figures)) console.log(`  ${label.padEnd(48)} ${value}`);
  }
}

const compared = all.filter((r) => r.comparison);
if (compared.length > 0) {
  console.log('\nRatios to the bare engines (p50, same run):');
  for (const { name, comparison: c } of compared) {
    console.log(`  ${c!.ratio.toFixed(2).padStart(8)}×${goalText(c!).padEnd(15)}  ${name}  [${c!.oursMs.toFixed(2)} ms vs ${c!.engineMs.toFixed(2)} ms ${c!.engine}]`);
  }
}

if (json) {
  const path = resolve(json);
  writeFileSync(path, JSON.stringify({ date: new Date().toISOString(), machine, loadAverageAtEnd: loadavg(), results: all }, null, 2));
  console.log(`\nFigures written to ${path}`);
}
