import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the files of one store live inside its data directory. */
export interface StorePaths {
  readonly dataDir: string;
  readonly database: string;
  /** A replacement database (a backup being restored), complete before it is renamed into place. */
  readonly incoming: string;
  /** Rotating automatic backups. */
  readonly backups: string;
  /** Database files that were damaged or replaced: moved here, never deleted. */
  readonly movedAside: string;
  /** An empty SQLite file whose exclusive lock marks the one writing instance. */
  readonly lock: string;
  /** Who holds the lock (process id, since when), for the message a second instance shows. */
  readonly lockHolder: string;
}

const DATABASE_FILE = 'nianbao.db';

export function storePaths(dataDir: string): StorePaths {
  return {
    dataDir,
    database: join(dataDir, DATABASE_FILE),
    incoming: join(dataDir, `${DATABASE_FILE}.incoming`),
    backups: join(dataDir, 'backups'),
    movedAside: join(dataDir, 'moved-aside'),
    lock: join(dataDir, 'nianbao.lock'),
    lockHolder: join(dataDir, 'nianbao.lock.json'),
  };
}

/** The SQLite side files that belong to a database file (WAL mode). */
export function sideFiles(database: string): string[] {
  return [`${database}-wal`, `${database}-shm`];
}

/**
 * The store's folder when none is given: the folder Electron's `app.getPath('userData')`
 * names for the product 年报 (where the app opens its store), so the CLI and the app find
 * the same drafts. `NIANBAO_DATA_DIR` overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.NIANBAO_DATA_DIR) return env.NIANBAO_DATA_DIR;
  const home = homedir();
  const appData =
    platform === 'win32' ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
    : platform === 'darwin' ? join(home, 'Library', 'Application Support')
    : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, '年报');
}
