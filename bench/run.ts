/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line)
 * and prints its figures. Benchmarks measure; they never assert.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  readonly name: string;
  readonly figures: Readonly<Record<string, string>>;
}

const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const module = (await import(join(import.meta.dirname, file))) as { default: () => Promise<BenchResult[]> | BenchResult[] };
  for (const result of await module.default()) {
    console.log(`\n${result.name}`);
    for (const [label, value] of Object.entries(result.figures)) console.log(`  ${label.padEnd(44)} ${value}`);
  }
}
