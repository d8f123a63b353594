import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/model/validation.ts';
import type { BackupSummary } from './backups.ts';
import { listBackups, newestGoodBackup } from './backups.ts';
import { inspectDatabaseFile } from './database.ts';
import { durableRename } from './durableFile.ts';
import { newerDatabaseMessage } from './migrate.ts';
import type { StorePaths } from './paths.ts';
import { sideFiles } from './paths.ts';
import type { Clock } from './time.ts';
import { describeTime, fileStamp } from './time.ts';

/** What the user is told at start-up when the database had to be replaced. */
export interface StartupNotice {
  readonly kind: 'restoredFromBackup' | 'damagedStartedEmpty';
  /** The whole story in Chinese, ready to show. */
  readonly message: string;
  /** Why the database was not usable. */
  readonly reason: string;
  /** Where the unusable database file now is (it is never deleted). */
  readonly movedTo: string;
  /** The backup now in use, or null when none was usable. */
  readonly restoredBackup: BackupSummary | null;
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

/** Puts a copy of `source` in place of the (absent) database file, durably. */
export function installDatabaseFile(source: string, paths: StorePaths): void {
  const incoming = `${paths.database}.incoming`;
  copyFileSync(source, incoming);
  durableRename(incoming, paths.database);
}

function damagedNotice(reason: string, movedTo: string, backup: BackupSummary | undefined): StartupNotice {
  const head = `年报的数据库文件已损坏（${reason}），无法继续使用。损坏的文件已移到“${movedTo}”保存，没有删除。`;
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
 * Makes the database file safe to open for writing: a missing file is fine (a new
 * store); a file from a newer app is refused untouched; a damaged one (unreadable,
 * truncated, overwritten, failing `integrity_check`, or emptied while backups exist)
 * is moved aside and the newest good backup takes its place.
 */
export function prepareDatabaseFile(paths: StorePaths, latestVersion: number, clock: Clock): Result<StartupNotice | null> {
  const inspection = inspectDatabaseFile(paths.database, latestVersion);
  let reason: string;
  switch (inspection.state) {
    case 'missing':
    case 'ok':
      return { ok: true, value: null };
    case 'newer':
      return { ok: false, error: newerDatabaseMessage(inspection.version, latestVersion) };
    case 'unavailable':
      return { ok: false, error: unavailableMessage(inspection.reason) };
    case 'empty':
      if (listBackups(paths.backups).length === 0) return { ok: true, value: null };
      reason = '文件是空的';
      break;
    case 'damaged':
      reason = inspection.reason;
      break;
  }
  const movedTo = moveAside(paths, clock(), 'damaged');
  const backup = newestGoodBackup(paths.backups, latestVersion);
  if (backup) installDatabaseFile(backup.path, paths);
  return { ok: true, value: damagedNotice(reason, movedTo, backup) };
}
