import { availableParallelism, loadavg } from 'node:os';

/** Timing helpers for benchmarks: percentiles of repeated measurements, and our figure beside the engine's. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `fn` `runs` times (after `warmup` runs) and returns the durations in ms, sorted. */
export async function measure(runs: number, fn: (i: number) => unknown, warmup = Math.min(20, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Measures ours and the engine alternately, run by run, so both see the same load: on a
 * shared machine the absolute times move 2–5×, the ratio much less.
 */
export async function measurePair(
  runs: number,
  ours: (i: number) => unknown,
  engine: (i: number) => unknown,
  warmup = Math.min(10, runs),
): Promise<{ ours: number[]; engine: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await ours(i);
    await engine(i);
  }
  const times = { ours: [] as number[], engine: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const [which, fn] of [['ours', ours], ['engine', engine]] as const) {
      const start = performance.now();
      await fn(i);
      times[which].push(performance.now() - start);
    }
  }
  times.ours.sort((a, b) => a - b);
  times.engine.sort((a, b) => a - b);
  return times;
}

export function ms(value: number): string {
  return Math.abs(value) < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`;
}

export function summary(times: readonly number[]): Record<string, string> {
  return { p50: ms(percentile(times, 50)), p99: ms(percentile(times, 99)), max: ms(times[times.length - 1]!) };
}

/** The machine's load while measuring: the figures are wall-clock times. */
export function machineLoad(): string {
  return `${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
}

/** Our p50 beside the bare engine's p50 from the same run, and their ratio against the goal. */
export interface EngineComparison {
  readonly engine: string;
  readonly oursMs: number;
  readonly engineMs: number;
  readonly ratio: number;
  /** The ratio the issue asks for; none where only the order of magnitude matters. */
  readonly goal?: number;
}

export function compareWithEngine(engine: string, ours: readonly number[], bare: readonly number[], goal?: number): EngineComparison {
  const oursMs = percentile(ours, 50);
  const engineMs = percentile(bare, 50);
  return { engine, oursMs, engineMs, ratio: oursMs / engineMs, goal };
}

export function goalText(comparison: EngineComparison): string {
  return comparison.goal === undefined ? '' : ` (goal ≤ ${comparison.goal}×)`;
}

/** The printed lines of a comparison. */
export function comparisonFigures(comparison: EngineComparison, ours: readonly number[], bare: readonly number[]): Record<string, string> {
  return {
    'ours p50 / p99': `${ms(percentile(ours, 50))} / ${ms(percentile(ours, 99))}`,
    [`engine: ${comparison.engine} p50 / p99`]: `${ms(percentile(bare, 50))} / ${ms(percentile(bare, 99))}`,
    ratio: `${comparison.ratio.toFixed(2)}×${goalText(comparison)}`,
    'load average': machineLoad(),
  };
}
