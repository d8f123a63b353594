import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Starts the built main process (dist/electron/main.cjs, `npm run build`) in Node with the
 * Electron stand-in and a scenario (test/electron/standInScenarios.ts), and collects what
 * it printed: the scenario's result, and how the app exited (code, lifecycle events).
 */

const REPO = join(import.meta.dirname, '..', '..');
export const MAIN_BUNDLE = join(REPO, 'dist', 'electron', 'main.cjs');

export interface StandInRun {
  /** What the scenario printed, as JSON.parse gives it. */
  readonly result: ReturnType<typeof JSON.parse>;
  readonly exit: { code: number; lifecycle: string[]; errors: string[]; pageErrors: string[] } | undefined;
  readonly status: number | null;
  readonly output: string;
  /** The app log main wrote (logs/nianbao.log). */
  readonly log: string;
}

function line(output: string, tag: string): unknown {
  const found = output.split('\n').find((l) => l.startsWith(`${tag} `));
  return found === undefined ? undefined : JSON.parse(found.slice(tag.length + 1));
}

export function runMainBundle(scenario: string, dir: string, env: Record<string, string> = {}): StandInRun {
  if (!existsSync(MAIN_BUNDLE)) throw new Error('dist/electron/main.cjs is missing: run npm run build');
  const child = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'standInScenarios.ts'), MAIN_BUNDLE], {
    env: { ...process.env, ...env, NIANBAO_STAND_IN_DIR: dir, NIANBAO_STAND_IN_SCENARIO: scenario, NIANBAO_DEV_SERVER_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${child.stdout}\n${child.stderr}`;
  const logFile = join(dir, 'logs', 'nianbao.log');
  return {
    result: line(output, 'STAND-IN-RESULT') ?? {},
    exit: line(output, 'STAND-IN-EXIT') as StandInRun['exit'],
    status: child.status,
    output,
    log: existsSync(logFile) ? readFileSync(logFile, 'utf8') : '',
  };
}
