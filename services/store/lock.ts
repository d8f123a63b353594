import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Result } from '../../shared/model/validation.ts';
import { isSqliteError, openWithoutWaiting } from './database.ts';
import type { StorePaths } from './paths.ts';
import type { Clock } from './time.ts';
import { describeTime } from './time.ts';

/**
 * One writer per data directory. The lock is an exclusive SQLite lock on an empty
 * file, held for the life of the store: it is an operating-system file lock, so the
 * system drops it when the holding process ends in any way, crash and SIGKILL
 * included; a stale lock cannot outlive its process. A small JSON file beside it
 * says who holds it, for the message the second instance shows.
 */

export interface StoreLock {
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly since: string;
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.since === 'string' ? { pid: holder.pid, since: holder.since } : undefined;
  } catch {
    return undefined;
  }
}

function lockedMessage(holder: Holder | undefined): string {
  const who = holder ? `（进程${holder.pid}，${describeTime(holder.since)}起）` : '';
  return (
    `这份数据正由另一个年报程序使用${who}。同一时间只能有一个年报程序修改数据：` +
    '请切换到已经打开的那个年报窗口；如要在这里打开，请先关闭那个窗口。'
  );
}

export function acquireLock(paths: StorePaths, clock: Clock): Result<StoreLock> {
  const db = openWithoutWaiting(paths.lock);
  try {
    // Nothing is ever written to the lock file: no journal file is needed beside it.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isSqliteError(error) && error.code === 'SQLITE_BUSY') return { ok: false, error: lockedMessage(readHolder(paths.lockHolder)) };
    throw error;
  }
  const holder: Holder = { pid: process.pid, since: clock().toISOString() };
  writeFileSync(paths.lockHolder, JSON.stringify(holder));
  return {
    ok: true,
    value: {
      release() {
        if (!db.open) return;
        rmSync(paths.lockHolder, { force: true });
        db.exec('ROLLBACK');
        db.close();
      },
    },
  };
}
