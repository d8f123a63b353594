import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'nianbao.js');

/** Runs the real `nianbao` bin the way `npx nianbao` does; `cwd` defaults to a new temp dir. */
export function nianbao(args: string[], cwd = mkdtempSync(join(tmpdir(), 'nianbao-cli-'))) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr, cwd };
}
