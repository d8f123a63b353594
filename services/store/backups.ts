import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspectDatabaseFile } from './database.ts';
import type { StoreFileWork } from './fileWork.ts';
import { fileStamp, parseFileStamp } from './time.ts';

/**
 * Automatic backups: whole-database copies in `<dataDir>/backups`, named by the time
 * they were taken. Rotation keeps the newest ones and one per day for the recent days,
 * so a mistake noticed a week later can still be undone.
 */

export interface BackupFile {
  readonly file: string;
  readonly path: string;
  /** ISO time the backup was taken. */
  readonly takenAt: string;
  readonly bytes: number;
}

/** A backup is taken when the newest one is older than this (checked on open and after writes). */
export const BACKUP_EVERY_MINUTES = 30;
export const KEEP_NEWEST_BACKUPS = 10;
export const KEEP_DAILY_BACKUPS = 14;

const BACKUP_NAME = /^nianbao-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.db$/;
const PARTIAL = /\.partial(-wal|-shm)?$/;

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const found: (BackupFile & { sequence: number })[] = [];
  for (const file of readdirSync(dir)) {
    const match = BACKUP_NAME.exec(file);
    const takenAt = match && parseFileStamp(match[1]!);
    if (!takenAt) continue;
    const path = join(dir, file);
    found.push({ file, path, takenAt, bytes: statSync(path).size, sequence: Number(match[2] ?? 0) });
  }
  return found
    .sort((a, b) => (a.takenAt === b.takenAt ? b.sequence - a.sequence : a.takenAt < b.takenAt ? 1 : -1))
    .map(({ sequence: _sequence, ...backup }) => backup);
}

function freeBackupPath(dir: string, at: Date): string {
  const stamp = fileStamp(at);
  let path = join(dir, `nianbao-${stamp}.db`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `nianbao-${stamp}-${n}.db`);
  return path;
}

/** Copies `database` into a new backup in `dir` with `copy` (on the heavy-work thread in the app). */
export async function takeBackup(copy: StoreFileWork['copyDatabase'], database: string, dir: string, at: Date): Promise<BackupFile> {
  const path = freeBackupPath(dir, at);
  await copy(database, path);
  const file = path.slice(dir.length + 1);
  return { file, path, takenAt: at.toISOString(), bytes: statSync(path).size };
}

/** Backups the rotation drops: all but the newest few and the newest of each recent day. */
export function backupsToPrune(newestFirst: readonly BackupFile[]): BackupFile[] {
  const keep = new Set(newestFirst.slice(0, KEEP_NEWEST_BACKUPS).map((b) => b.file));
  const days = new Set<string>();
  for (const backup of newestFirst) {
    const day = backup.takenAt.slice(0, 10);
    if (days.has(day) || days.size >= KEEP_DAILY_BACKUPS) continue;
    days.add(day);
    keep.add(backup.file);
  }
  return newestFirst.filter((b) => !keep.has(b.file));
}

export function pruneBackups(dir: string): void {
  for (const backup of backupsToPrune(listBackups(dir))) rmSync(backup.path, { force: true });
}

/** Removes copies a crash interrupted (they never got their final name). */
export function removePartialBackups(dir: string): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) if (PARTIAL.test(file)) rmSync(join(dir, file), { force: true });
}

/** The newest backup that opens and passes `integrity_check`, if any. */
export function newestGoodBackup(dir: string, latestVersion: number): BackupFile | undefined {
  return listBackups(dir).find((backup) => inspectDatabaseFile(backup.path, latestVersion).state === 'ok');
}
