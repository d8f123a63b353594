import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/model/validation.ts';
import type { BackupFile } from './backups.ts';
import { listBackups, newestGoodBackup } from './backups.ts';
import { inspectDatabaseFile } from './database.ts';
import { durableRename, fsyncPath } from './durableFile.ts';
import { newerDatabaseMessage } from './migrate.ts';
import type { StorePaths } from './paths.ts';
import { sideFiles } from './paths.ts';
import type { Clock } from './time.ts';
import { describeTime, fileStamp } from './time.ts';

/** What the user is told at start-up when the database had to be replaced. */
export interface RecoveryNotice {
  readonly kind: 'restoredFromBackup' | 'damagedStartedEmpty';
  /** The whole story in Chinese, ready to show. */
  readonly message: string;
  /** Why the database was not usable. */
  readonly reason: string;
  /** Where the unusable database file now is (it is never deleted); null when it was missing. */
  readonly movedTo: string | null;
  /** The backup now in use, or null when none was usable. */
  readonly restoredBackup: BackupFile | null;
}

/** Renames a database file together with its WAL side files (a WAL beside a different database would corrupt it). */
function moveDatabase(from: string, to: string): void {
  renameSync(from, to);
  const targets = sideFiles(to);
  sideFiles(from).forEach((side, i) => {
    if (existsSync(side)) renameSync(side, targets[i]!);
  });
}

/** Moves the database into `moved-aside/` under a new name; returns where it went. */
export function moveAside(paths: StorePaths, at: Date, why: 'damaged' | 'replaced'): string {
  mkdirSync(paths.movedAside, { recursive: true });
  const target = join(paths.movedAside, `nianbao-${fileStamp(at)}-${why}.db`);
  moveDatabase(paths.database, target);
  return target;
}

/** Undoes `moveAside` (when what was to replace the database could not be put in place). */
export function moveBack(movedTo: string, paths: StorePaths): void {
  moveDatabase(movedTo, paths.database);
}

export function removeIncoming(paths: StorePaths): void {
  for (const file of [paths.incoming, ...sideFiles(paths.incoming)]) rmSync(file, { force: true });
}

/**
 * A replacement database is first written completely as `incoming`, then the old file
 * is moved aside, then `incoming` is renamed into place. A crash between the last two
 * steps leaves no database but a complete `incoming`: this finishes the job. Any other
 * `incoming` is an unfinished copy and goes.
 */
function finishInterruptedReplacement(paths: StorePaths): void {
  if (!existsSync(paths.incoming)) return;
  if (existsSync(paths.database)) removeIncoming(paths);
  else durableRename(paths.incoming, paths.database);
}

/** Restores `backup` in place of the database; `moveOld` takes the old file out of the way, returning where it went. */
function restoreBackup(paths: StorePaths, backup: BackupFile, moveOld: () => string | null): string | null {
  copyFileSync(backup.path, paths.incoming);
  fsyncPath(paths.incoming);
  const movedTo = moveOld();
  durableRename(paths.incoming, paths.database);
  return movedTo;
}

function notice(problem: string, reason: string, movedTo: string | null, backup: BackupFile | undefined): RecoveryNotice {
  const where = movedTo ? `损坏的文件已移到“${movedTo}”保存，没有删除。` : '';
  const head = `${problem}（${reason}），无法继续使用。${where}`;
  if (!backup) {
    return {
      kind: 'damagedStartedEmpty',
      reason,
      movedTo,
      restoredBackup: null,
      message: `${head}没有找到可用的备份，已新建一个空的数据库。如需找回以前的报告，请把移走的文件交给技术人员处理。`,
    };
  }
  return {
    kind: 'restoredFromBackup',
    reason,
    movedTo,
    restoredBackup: backup,
    message: `${head}已自动恢复${describeTime(backup.takenAt)}的备份；这之后所做的修改可能没有恢复，请检查最近编辑过的报告。`,
  };
}

export function unavailableMessage(reason: string): string {
  return `暂时无法检查数据库（${reason}），没有做任何改动。请关闭其他可能在使用这份数据的程序后重试。`;
}

/**
 * Makes the database file safe to open for writing. A file from a newer app is refused
 * untouched; a damaged one (unreadable, truncated, overwritten, failing
 * `integrity_check`, or emptied while backups exist) is moved aside and the newest good
 * backup takes its place; a missing one is a new store, unless there are backups (the
 * app never deletes its database), then the newest good backup is restored.
 */
export function prepareDatabaseFile(paths: StorePaths, latestVersion: number, clock: Clock): Result<RecoveryNotice | null> {
  finishInterruptedReplacement(paths);
  const inspection = inspectDatabaseFile(paths.database, latestVersion);
  switch (inspection.state) {
    case 'ok':
      return { ok: true, value: null };
    case 'newer':
      return { ok: false, error: newerDatabaseMessage(inspection.version, latestVersion) };
    case 'unavailable':
      return { ok: false, error: unavailableMessage(inspection.reason) };
    case 'missing': {
      const backup = newestGoodBackup(paths.backups, latestVersion);
      if (!backup) return { ok: true, value: null };
      restoreBackup(paths, backup, () => null);
      return { ok: true, value: notice('年报的数据库文件不见了', '它本应在数据文件夹中', null, backup) };
    }
    case 'empty':
    case 'damaged': {
      if (inspection.state === 'empty' && listBackups(paths.backups).length === 0) return { ok: true, value: null };
      const reason = inspection.state === 'empty' ? '文件是空的' : inspection.reason;
      const moveOld = () => moveAside(paths, clock(), 'damaged');
      const backup = newestGoodBackup(paths.backups, latestVersion);
      const movedTo = backup ? restoreBackup(paths, backup, moveOld) : moveOld();
      return { ok: true, value: notice('年报的数据库文件已损坏', reason, movedTo, backup) };
    }
  }
}
