import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BackupFile } from '../../services/store/backups.ts';
import { backupsToPrune, KEEP_DAILY_BACKUPS, KEEP_NEWEST_BACKUPS, listBackups } from '../../services/store/backups.ts';
import { copyDatabase, inspectDatabaseFile, openReadWrite } from '../../services/store/database.ts';
import { latestVersion } from '../../services/store/migrate.ts';
import { migrations } from '../../services/store/migrations/index.ts';
import { storePaths } from '../../services/store/paths.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { inProcessFileWork } from '../../services/store/fileWork.ts';
import { openStore } from '../../services/store/index.ts';
import { errorOf, openTestStore, tempDir, testClock, unwrap } from './support.ts';

function backupAt(iso: string, n: number): BackupFile {
  return { file: `b${n}.db`, path: `/b${n}.db`, takenAt: iso, bytes: 1 };
}

describe('backup rotation', () => {
  test('keeps the newest ones and the newest of each recent day', () => {
    // Hourly backups over 20 days, newest first.
    const start = Date.UTC(2025, 0, 20, 23);
    const backups = Array.from({ length: 20 * 24 }, (_, i) => backupAt(new Date(start - i * 3_600_000).toISOString(), i));
    const dropped = new Set(backupsToPrune(backups).map((b) => b.file));
    const kept = backups.filter((b) => !dropped.has(b.file));
    expect(kept.slice(0, KEEP_NEWEST_BACKUPS)).toEqual(backups.slice(0, KEEP_NEWEST_BACKUPS));
    const days = new Set(kept.map((b) => b.takenAt.slice(0, 10)));
    expect(days.size).toBe(KEEP_DAILY_BACKUPS);
    expect(kept).toHaveLength(KEEP_NEWEST_BACKUPS + KEEP_DAILY_BACKUPS - 1);
    expect(backupsToPrune(backups.slice(0, 5))).toEqual([]);
  });
});

describe('backups', () => {
  test('automatic: on opening, and after a change once the newest is 30 minutes old', async () => {
    const clock = testClock();
    const dataDir = tempDir();
    const { backups } = storePaths(dataDir);
    const store = openTestStore(dataDir, clock);
    const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const reportId = unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.id;
    await store.close();
    expect(listBackups(backups).map((b) => b.takenAt)).toEqual([clock().toISOString()]);

    const first = openTestStore(dataDir, clock);
    clock.advance(20);
    unwrap(first.renameReport({ reportId, label: '初稿' }));
    await first.close();
    expect(listBackups(backups)).toHaveLength(1);

    const second = openTestStore(dataDir, clock);
    clock.advance(11);
    unwrap(second.renameReport({ reportId, label: '二稿' }));
    await second.close();
    expect(listBackups(backups).map((b) => b.takenAt)[0]).toBe(clock().toISOString());
    expect(unwrap(openTestStore(dataDir, clock).listBackups()).lastAutomaticBackupError).toBeNull();
  });

  test('automatic backups rotate: the newest ones and one per recent day', async () => {
    const clock = testClock();
    const dataDir = tempDir();
    for (let day = 0; day < 20; day++) {
      await openTestStore(dataDir, clock).close();
      clock.advance(24 * 60);
    }
    const kept = listBackups(storePaths(dataDir).backups);
    expect(kept).toHaveLength(Math.max(KEEP_NEWEST_BACKUPS, KEEP_DAILY_BACKUPS));
    clock.advance(-24 * 60);
    expect(kept[0]!.takenAt).toBe(clock().toISOString());
  });

  test('a backup is one sound, self-contained database file', async () => {
    const store = openTestStore();
    unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const backup = unwrap(await store.backupNow());
    expect(inspectDatabaseFile(backup.path, latestVersion(migrations))).toEqual({ state: 'ok', version: latestVersion(migrations) });
    const dir = readdirSync(join(backup.path, '..'));
    expect(dir.filter((f) => f.includes('-wal') || f.includes('-shm') || f.includes('.partial'))).toEqual([]);
  });

  test('back up to a file and restore from it', async () => {
    const clock = testClock();
    const dataDir = tempDir();
    const store = openTestStore(dataDir, clock);
    const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const reportId = unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.id;
    unwrap(store.saveReport({ reportId, report: consistentReport(2024) }));
    const file = join(tempDir(), '年报备份.db');
    expect(unwrap(await store.backupToFile({ path: file }))).toMatchObject({ path: file });

    clock.advance(5);
    unwrap(store.deleteReport({ reportId }));
    unwrap(store.createAgency({ agency: blankAgency('后来的机关') }));
    const fileBefore = readFileSync(file);
    const restoring = store.restoreFromFile({ path: file });
    expect(errorOf(store.listAgencies())).toBe('正在从备份文件恢复数据，请稍后再试。');
    const restored = unwrap(await restoring);

    expect(unwrap(store.getReport({ reportId })).report).toEqual(consistentReport(2024));
    expect(unwrap(store.listAgencies()).map((a) => a.name)).toEqual(['湖滨区政府办']);
    // The data just before the restore is in a backup, and its database file was moved aside.
    expect(restored.safetyBackup.takenAt).toBe(clock().toISOString());
    expect(existsSync(restored.movedTo)).toBe(true);
    // The user's file is untouched and nothing was added beside it.
    expect(readFileSync(file)).toEqual(fileBefore);
    expect(readdirSync(join(file, '..'))).toEqual(['年报备份.db']);
    // Work goes on.
    unwrap(store.saveReport({ reportId: unwrap(store.listReports())[0]!.id, report: consistentReport(2024) }));
    await store.close();
    const reopened = openTestStore(dataDir, clock);
    expect(reopened.startupNotices).toEqual([]);
    expect(unwrap(reopened.listAgencies())).toHaveLength(1);
  });

  test('restoring refuses files that are not sound Nianbao backups and keeps the data', async () => {
    const dataDir = tempDir();
    const store = openTestStore(dataDir);
    unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const dir = tempDir();
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'not a database');
    const foreign = join(dir, 'foreign.db');
    const other = openReadWrite(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const damaged = join(dir, 'damaged.db');
    unwrap(await store.backupToFile({ path: damaged }));
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, 4096);
    writeFileSync(damaged, bytes);
    const newer = join(dir, 'newer.db');
    unwrap(await store.backupToFile({ path: newer }));
    const future = openReadWrite(newer);
    future.pragma('user_version = 99');
    future.pragma('journal_mode = DELETE');
    future.close();

    expect(errorOf(await store.restoreFromFile({ path: join(dir, 'missing.db') }))).toContain('找不到文件');
    expect(errorOf(await store.restoreFromFile({ path: garbage }))).toContain('这个文件不能用来恢复：文件开头不是数据库的标志');
    expect(errorOf(await store.restoreFromFile({ path: foreign }))).toBe('这个文件不是年报的数据库备份，不能用来恢复。');
    expect(errorOf(await store.restoreFromFile({ path: damaged }))).toContain('完整性检查未通过');
    expect(errorOf(await store.restoreFromFile({ path: newer }))).toContain('请升级');
    expect(errorOf(await store.restoreFromFile({ path: storePaths(dataDir).database }))).toContain('正在使用的数据库文件');
    expect(errorOf(await store.restoreFromFile({ path: '' }))).toBe('输入有误：文件路径：请给出文件路径');
    expect(errorOf(await store.backupToFile({ path: storePaths(dataDir).database }))).toContain('不能备份到数据库文件本身');

    expect(unwrap(store.listAgencies()).map((a) => a.name)).toEqual(['湖滨区政府办']);
    expect(existsSync(storePaths(dataDir).movedAside)).toBe(false);
    expect(readdirSync(dataDir).filter((f) => f.includes('.incoming'))).toEqual([]);
  });

  test('copies a crash interrupted are cleared on opening', async () => {
    const dataDir = tempDir();
    await openTestStore(dataDir).close();
    const { backups } = storePaths(dataDir);
    const [backup] = listBackups(backups);
    copyFileSync(backup!.path, join(backups, 'nianbao-2025-01-10T03-00-00-000Z.db.partial'));
    writeFileSync(join(backups, 'nianbao-2025-01-10T03-00-00-000Z.db.partial-wal'), '');
    await openTestStore(dataDir).close();
    expect(readdirSync(backups).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  test('a read-only store backs up but does not change or rotate anything', async () => {
    const dataDir = tempDir();
    const writer = openTestStore(dataDir);
    unwrap(writer.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const reader = unwrap(openStore({ dataDir, readOnly: true }));
    expect(errorOf(reader.createAgency({ agency: blankAgency('另一个') }))).toBe('数据以只读方式打开，不能修改。');
    expect(errorOf(await reader.restoreFromFile({ path: '/x.db' }))).toBe('数据以只读方式打开，不能恢复。');
    const backup = unwrap(await reader.backupNow());
    expect(inspectDatabaseFile(backup.path, latestVersion(migrations)).state).toBe('ok');
    await reader.close();
  });

  test('a copy that fails leaves no partial file behind', async () => {
    const dataDir = tempDir();
    await openTestStore(dataDir).close();
    const target = join(tempDir(), '备份.db');
    // A folder in the way: the copy is made, then cannot take the folder's name.
    mkdirSync(target);
    await expect(copyDatabase(storePaths(dataDir).database, target)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readdirSync(join(target, '..'))).toEqual(['备份.db']);
  });

  test('backups go through the copier the store was given, its failures told in Chinese', async () => {
    const dataDir = tempDir();
    const copied: string[] = [];
    const diskFull = async (source: string) => {
      copied.push(source);
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    const store = unwrap(openStore({ dataDir, clock: testClock(), fileWork: { ...inProcessFileWork, copyDatabase: diskFull } }));
    try {
      expect(errorOf(await store.backupNow())).toBe('备份失败：磁盘空间不足。请清理磁盘后重试。');
      expect(errorOf(await store.backupToFile({ path: join(tempDir(), 'x.db') }))).toBe('备份到文件失败：磁盘空间不足。请清理磁盘后重试。');
      // The automatic backup on opening failed the same way, and says so.
      expect(unwrap(store.listBackups())).toEqual({ backups: [], lastAutomaticBackupError: '自动备份失败：磁盘空间不足。请清理磁盘后重试。' });
      expect(copied).toEqual(Array(3).fill(storePaths(dataDir).database));
    } finally {
      await store.close();
    }
  });
});
