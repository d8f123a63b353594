import { copyFileSync } from 'node:fs';
import { APPLICATION_ID, copyDatabase, inspectDatabaseFile, openReadOnly, userVersion } from './database.ts';
import { fsyncPath } from './durableFile.ts';
import { latestVersion, newerDatabaseMessage } from './migrate.ts';
import { migrations } from './migrations/index.ts';

/**
 * The store's long work on whole database files, which needs no connection of the store:
 * copying the database into a backup, and taking in the file chosen for a restore. The
 * store does it through the `StoreFileWork` it was opened with (`OpenStoreOptions.fileWork`):
 * Electron main passes the heavy-work thread (services/worker), so main's event loop never
 * waits for it; the CLI and the tests, `inProcessFileWork`. Arguments and results are plain
 * data; a refusal is a message, not an exception, as it crosses threads.
 */
export interface StoreFileWork {
  /** Copies the database file `source` into `destination` (services/store/database.ts `copyDatabase`). */
  copyDatabase(source: string, destination: string): Promise<void>;
  /**
   * Copies the file chosen for a restore to `incoming`, durably, and checks it there (reading
   * the user's file in place could leave side files beside it): the refusal to show when it
   * is not a sound Nianbao database this app can read, or null.
   */
  takeInBackupFile(source: string, incoming: string): Promise<string | null>;
}

const LATEST_VERSION = latestVersion(migrations);

/** Why the database file at `path` cannot be restored, or null. */
function unusableBackupReason(path: string): string | null {
  const inspection = inspectDatabaseFile(path, LATEST_VERSION);
  if (inspection.state === 'newer') return newerDatabaseMessage(inspection.version, LATEST_VERSION);
  if (inspection.state === 'damaged' || inspection.state === 'unavailable') return `这个文件不能用来恢复：${inspection.reason}。`;
  const db = openReadOnly(path);
  try {
    const ours = db.pragma('application_id', { simple: true }) === APPLICATION_ID && userVersion(db) >= 1;
    return inspection.state === 'ok' && ours ? null : '这个文件不是年报的数据库备份，不能用来恢复。';
  } finally {
    db.close();
  }
}

export const inProcessFileWork: StoreFileWork = {
  copyDatabase,
  async takeInBackupFile(source, incoming) {
    copyFileSync(source, incoming);
    const refusal = unusableBackupReason(incoming);
    if (!refusal) fsyncPath(incoming);
    return refusal;
  },
};
