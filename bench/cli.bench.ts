import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './run.ts';
import { compareWithEngine, comparisonFigures, measurePair } from './timing.ts';

/**
 * Start-up of the `nianbao` command (the bundle `npm run build` writes), from spawning
 * Node to the command's exit, beside Node starting and exiting with nothing to do.
 */

const BIN = join(import.meta.dirname, '..', 'bin', 'nianbao.js');

function run(args: readonly string[], cwd: string): void {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr || `exit ${result.status}`);
}

export default async function bench(): Promise<BenchResult[]> {
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'cli', 'nianbao.mjs'))) {
    return [{ name: 'cli: skipped', figures: { reason: 'dist/cli missing: run npm run build first' } }];
  }
  const cwd = mkdtempSync(join(tmpdir(), 'nianbao-bench-cli-'));
  try {
    const pair = await measurePair(
      20,
      () => run([BIN, 'new', '--agency', '湖滨区政府办', '--year', '2025', '-o', 'r.json', '--force'], cwd),
      () => run(['-e', '0'], cwd),
      3,
    );
    const comparison = compareWithEngine('node -e 0', pair.ours, pair.engine);
    return [{ name: 'cli: `nianbao new` from spawn to exit (20 runs; goal < 300 ms on an idle machine)', figures: comparisonFigures(comparison, pair.ours, pair.engine), comparison }];
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
