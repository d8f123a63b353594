/**
 * One benchmark file in a process of its own (`bench/run.ts` starts one per file): what a
 * benchmark measures does not depend on which ran before it in the same process. In one
 * process, the autosave came at 1.41–1.53× the bare commit after the PDF or renderer
 * benchmarks (whatever they left in the heap and the compiled code) against 1.25–1.30× on its
 * own, and 1.29× after the PDF benchmark's own process. Its results go to the parent over the
 * IPC channel.
 */
import { join } from 'node:path';
import type { BenchResult } from './run.ts';

const file = process.argv[2];
if (!file || !process.send) throw new Error('bench/runFile.ts is started by bench/run.ts, with a benchmark file name');
const module = (await import(join(import.meta.dirname, file))) as { default: () => Promise<BenchResult[]> | BenchResult[] };
const results: BenchResult[] = await module.default();
process.send(results, () => process.disconnect());
