import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openReadWrite, userVersion } from '../../services/store/database.ts';
import { openStore } from '../../services/store/index.ts';
import { latestVersion, migrate } from '../../services/store/migrate.ts';
import { migrations } from '../../services/store/migrations/index.ts';
import type { Migration } from '../../services/store/migrations/index.ts';
import { storePaths } from '../../services/store/paths.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { errorOf, openTestStore, tempDir, unwrap } from './support.ts';

const migrationsDir = join(import.meta.dirname, '..', '..', 'services', 'store', 'migrations');

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('migrations', () => {
  test('one file per migration, NNNN-name.ts, listed in order with its version', () => {
    const files = readdirSync(migrationsDir).filter((f) => /^\d{4}-.+\.ts$/.test(f)).sort();
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(migrations.map((m) => m.version));
    expect(files.map((f) => f.slice(5, -3))).toEqual(migrations.map((m) => m.name));
    for (const file of files) expect(existsSync(join(import.meta.dirname, 'migrations', file.replace('.ts', '.test.ts'))), `test for ${file}`).toBe(true);
  });

  test('a new store is at the latest version; opening again migrates nothing', async () => {
    const dataDir = tempDir();
    const store = unwrap(openStore({ dataDir }));
    await store.close();
    const db = openReadWrite(storePaths(dataDir).database);
    try {
      expect(userVersion(db)).toBe(latestVersion(migrations));
      expect(migrate(db, migrations)).toEqual({ ok: true, value: { from: latestVersion(migrations), to: latestVersion(migrations) } });
    } finally {
      db.close();
    }
  });

  test('a failing migration leaves the previous version and none of its changes', () => {
    const failing: Migration = {
      version: 2,
      name: 'failing',
      up(db) {
        db.exec('CREATE TABLE half_done (x)');
        throw new Error('disk trouble');
      },
    };
    const db = openReadWrite(join(tempDir(), 'nianbao.db'));
    try {
      expect(() => migrate(db, [...migrations.slice(0, 1), failing])).toThrow('disk trouble');
      expect(userVersion(db)).toBe(1);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  test('a database from a newer app is refused and never modified', async () => {
    const dataDir = tempDir();
    const store = openTestStore(dataDir);
    unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    await store.close();
    const { database } = storePaths(dataDir);
    const db = openReadWrite(database);
    db.pragma(`user_version = ${latestVersion(migrations) + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fileHash(database);
    const files = readdirSync(dataDir).sort();

    const refusal = errorOf(openStore({ dataDir }));
    expect(refusal).toContain('该数据库由较新版本的年报创建');
    expect(refusal).toContain('请升级');
    expect(errorOf(openStore({ dataDir, readOnly: true }))).toContain('请升级');
    expect(fileHash(database)).toBe(before);
    expect(readdirSync(dataDir).sort()).toEqual(files);
    // The refusal released the lock: after an upgrade (here: the version put back) it opens.
    const fixed = openReadWrite(database);
    fixed.pragma(`user_version = ${latestVersion(migrations)}`);
    fixed.close();
    await unwrap(openStore({ dataDir })).close();
  });
});
