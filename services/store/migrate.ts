import type { Result } from '../../shared/model/validation.ts';
import type { Db } from './database.ts';
import { userVersion } from './database.ts';
import type { Migration } from './migrations/index.ts';

export function latestVersion(list: readonly Migration[]): number {
  return list.length;
}

export function newerDatabaseMessage(version: number, latest: number): string {
  return (
    `该数据库由较新版本的年报创建（数据库版本${version}，本软件只认识到版本${latest}），` +
    '本软件不能打开它，也没有改动它。请升级年报软件后再打开。'
  );
}

/**
 * Brings the database to the latest schema, one migration per transaction (the new
 * `user_version` commits with its migration, so a crash leaves the previous version).
 * A database from a newer app is refused untouched.
 */
export function migrate(db: Db, list: readonly Migration[]): Result<{ from: number; to: number }> {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = userVersion(db);
  const latest = latestVersion(list);
  if (from > latest) return { ok: false, error: newerDatabaseMessage(from, latest) };
  for (const migration of list.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return { ok: true, value: { from, to: latest } };
}
