import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { durableRename } from './durableFile.ts';
import { sideFiles } from './paths.ts';

/**
 * The one place that touches better-sqlite3: opening connections with the store's
 * durability settings, inspecting a database file before trusting it, and online
 * backups. Everything else in the store works on the `Db` these functions return.
 */

export type Db = BetterSqlite3.Database;

const requireModule = createRequire(import.meta.url);
let driver: typeof BetterSqlite3 | undefined;

/** better-sqlite3 loads its native module on first use: CLI commands without a store start without it. */
function betterSqlite3(): typeof BetterSqlite3 {
  return (driver ??= requireModule('better-sqlite3') as typeof BetterSqlite3);
}

/** `PRAGMA application_id` of every Nianbao database (ASCII "NBao"). */
export const APPLICATION_ID = 0x4e42_616f;

export function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof betterSqlite3().SqliteError;
}

/**
 * A read-write connection in WAL mode with `synchronous=FULL`: every commit is
 * fsynced before it returns, so an acknowledged save survives a power cut (WAL's
 * NORMAL would only guarantee a consistent database, possibly without the last saves).
 */
export function openReadWrite(path: string): Db {
  const db = new (betterSqlite3())(path, { timeout: 2000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** A connection that never writes, for inspecting and reading a database that may not be ours. */
export function openReadOnly(path: string): Db {
  return new (betterSqlite3())(path, { readonly: true, fileMustExist: true, timeout: 2000 });
}

/** A connection with no waiting on locks, for the single-instance lock file. */
export function openWithoutWaiting(path: string): Db {
  return new (betterSqlite3())(path, { timeout: 0 });
}

/** Statements prepared once per connection. */
const statementCache = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

export function statement(db: Db, sql: string): BetterSqlite3.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/** One BEGIN IMMEDIATE … COMMIT wrapper per connection: better-sqlite3 builds four closures for each `db.transaction`. */
const immediateTransactions = new WeakMap<Db, (fn: () => unknown) => unknown>();

/** Runs `fn` in one immediate transaction, committed (durably) when it returns, rolled back if it throws. */
export function inImmediateTransaction<T>(db: Db, fn: () => T): T {
  let run = immediateTransactions.get(db);
  if (!run) immediateTransactions.set(db, (run = db.transaction((body: () => unknown) => body()).immediate));
  return run(fn) as T;
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export type Inspection =
  | { readonly state: 'missing' }
  /** A zero-byte file: what SQLite leaves when a new database was never written to. */
  | { readonly state: 'empty' }
  | { readonly state: 'ok'; readonly version: number }
  | { readonly state: 'newer'; readonly version: number }
  | { readonly state: 'damaged'; readonly reason: string }
  /** Could not be checked now (locked by another program, no permission, disk error): not known to be damaged. */
  | { readonly state: 'unavailable'; readonly reason: string };

const SQLITE_MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The first line of an `integrity_check` report, e.g. `Tree 5 page 5: btreeInitPage() returns error code 11`. */
function firstProblem(report: string): string {
  const line = report.split('\n').find((l) => l.trim() && !l.startsWith('***')) ?? report;
  return line.trim().slice(0, 120);
}

/**
 * Decides whether a database file can be used, without writing to it: its header
 * (SQLite, ours, not from a newer app) first, then a read-only `integrity_check`.
 * A file newer than `latestVersion` is reported as such and never opened for writing.
 * Only corruption counts as damage; a file that is merely locked or unreadable now is
 * `unavailable`, so a passing problem never sends a sound database aside.
 */
export function inspectDatabaseFile(path: string, latestVersion: number): Inspection {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unavailable', reason: `无法读取数据库文件：${(error as Error).message}` };
  }
  if (size === 0) return { state: 'empty' };
  const header = readHeader(path);
  if (header.length < HEADER_BYTES || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    return { state: 'damaged', reason: '文件开头不是数据库的标志，文件可能被截断或覆盖' };
  }
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== APPLICATION_ID && applicationId !== 0) {
    return { state: 'damaged', reason: '这不是年报的数据库文件' };
  }
  // Reports are bound as their UTF-8 bytes and kept as the text they are (reports.ts): a UTF-16
  // database, which the app never makes, would read them as other characters.
  if (header.readUInt32BE(56) > 1) return { state: 'damaged', reason: '数据库的文字编码不是UTF-8，这不是年报建立的数据库文件' };
  if (header.readUInt32BE(60) > latestVersion) return { state: 'newer', version: header.readUInt32BE(60) };
  let db: Db | undefined;
  try {
    db = openReadOnly(path);
    const version = userVersion(db);
    if (version > latestVersion) return { state: 'newer', version };
    const [first] = (db.pragma('integrity_check(1)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (first !== 'ok') return { state: 'damaged', reason: `完整性检查未通过：${firstProblem(first ?? '')}` };
    return { state: 'ok', version };
  } catch (error) {
    const reason = `无法打开数据库：${(error as Error).message}`;
    return isSqliteError(error) && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code) ? { state: 'damaged', reason } : { state: 'unavailable', reason };
  } finally {
    db?.close();
  }
}

/** The most pages better-sqlite3 lets one backup step copy: all of them, for any database of ours. */
const ALL_PAGES = 0x7fff_ffff;

/**
 * Copies the database file `source` into `destination` with SQLite's online backup API, as
 * one self-contained file (rollback-journal mode, so reading it never creates side files).
 *
 * The copy reads through a connection of its own that only reads, so it can run on another
 * thread than the writer (Electron main runs it on the heavy-work thread, and main's event
 * loop never waits for it): WAL lets it read beside the writer, it never takes the write
 * lock (the single-writer lock is the writer's alone), and it copies every page in one step,
 * inside one read transaction, so the copy is the database as of one commit while the
 * writer goes on committing (in steps, a commit by another connection between two steps
 * would restart the copy). The connection lives for one copy only (as the 汇总's reader
 * lives for one call): a restore moves the database file aside right after its safety
 * backup, and Windows refuses to rename a file another connection has open. The copy is
 * written under a temporary name and renamed when complete, so a crash never leaves a
 * half-written file under the final name; a failed copy is removed.
 */
export async function copyDatabase(source: string, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  const partialFiles = [partial, ...sideFiles(partial)];
  for (const file of partialFiles) rmSync(file, { force: true });
  try {
    const db = openReadOnly(source);
    try {
      await db.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    const copy = new (betterSqlite3())(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    durableRename(partial, destination);
  } catch (error) {
    for (const file of partialFiles) rmSync(file, { force: true });
    throw error;
  }
}
