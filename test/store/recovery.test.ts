import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openReadWrite } from '../../services/store/database.ts';
import { openStore } from '../../services/store/index.ts';
import { storePaths } from '../../services/store/paths.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { errorOf, openTestStore, tempDir, testClock, unwrap } from './support.ts';

/**
 * Corruption: a database that is truncated, overwritten or unreadable at start-up is
 * moved aside (never deleted), the newest good backup takes its place, and the user
 * is told.
 */

const clock = testClock('2025-03-01T08:00:00.000Z');

/** A store whose backup holds version 1 of a report; version 2 was saved after it. */
async function storeWithBackup() {
  const dataDir = tempDir();
  const store = openTestStore(dataDir, clock);
  const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
  const reportId = unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.id;
  const v1 = consistentReport(2024);
  unwrap(store.saveReport({ reportId, report: v1 }));
  clock.advance(1);
  const backup = unwrap(await store.backupNow());
  clock.advance(5);
  unwrap(store.saveReport({ reportId, report: { ...v1, sections: { ...v1.sections, other: '备份之后写的' } } }));
  await store.close();
  return { dataDir, database: storePaths(dataDir).database, reportId, v1, backup };
}

function overwrite(path: string, offset: number, length: number): void {
  const bytes = readFileSync(path);
  bytes.fill(0xa5, offset, Math.min(bytes.length, offset + length));
  writeFileSync(path, bytes);
}

const damages: [string, (path: string) => void][] = [
  ['truncated to half', (path) => truncateSync(path, Math.floor(statSync(path).size / 2))],
  ['truncated inside the first page', (path) => truncateSync(path, 1000)],
  ['emptied', (path) => truncateSync(path, 0)],
  ['header overwritten', (path) => overwrite(path, 0, 100)],
  ['every page after the first overwritten', (path) => overwrite(path, 4096, Number.MAX_SAFE_INTEGER)],
  ['replaced by another file', (path) => writeFileSync(path, 'PK\u0003\u0004 not a database at all')],
];

describe('a damaged database at start-up', () => {
  test.each(damages)('%s: moved aside, newest good backup restored, user told', async (_name, damage) => {
    const { dataDir, database, reportId, v1, backup } = await storeWithBackup();
    damage(database);
    const damagedBytes = readFileSync(database);
    // A WAL left beside the damaged file must go with it, or it would be applied to the backup.
    writeFileSync(`${database}-wal`, 'stale WAL');

    const store = openTestStore(dataDir, clock);
    expect(store.startupNotices).toHaveLength(1);
    const [notice] = store.startupNotices;
    expect(notice).toMatchObject({ kind: 'restoredFromBackup', restoredBackup: { file: backup.file } });
    expect(notice!.message).toMatch(/^年报的数据库文件已损坏（.+），无法继续使用。损坏的文件已移到“.+”保存，没有删除。已自动恢复2025年3月1日 .+的备份；/);
    expect(readFileSync(notice!.movedTo!)).toEqual(damagedBytes);
    expect(readFileSync(`${notice!.movedTo}-wal`, 'utf8')).toBe('stale WAL');
    expect(existsSync(`${database}-wal`) && readFileSync(`${database}-wal`, 'utf8') === 'stale WAL').toBe(false);

    expect(unwrap(store.getReport({ reportId })).report).toEqual(v1);
    // And it works as before.
    unwrap(store.saveReport({ reportId, report: consistentReport(2024) }));
  });

  test('a damaged newest backup is passed over for an older good one', async () => {
    const dataDir = tempDir();
    const store = openTestStore(dataDir, clock);
    const older = unwrap(await store.backupNow());
    unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    clock.advance(1);
    const newest = unwrap(await store.backupNow());
    await store.close();
    overwrite(newest.path, 0, 100);
    overwrite(storePaths(dataDir).database, 0, 100);

    const reopened = openTestStore(dataDir, clock);
    expect(reopened.startupNotices[0]?.restoredBackup?.file).toBe(older.file);
    expect(unwrap(reopened.listAgencies())).toEqual([]);
  });

  test('without any good backup: moved aside, a new empty database, user told', async () => {
    const { dataDir, database } = await storeWithBackup();
    rmSync(storePaths(dataDir).backups, { recursive: true });
    overwrite(database, 0, 100);
    const store = openTestStore(dataDir, clock);
    expect(store.startupNotices[0]).toMatchObject({ kind: 'damagedStartedEmpty', restoredBackup: null });
    expect(store.startupNotices[0]!.message).toContain('没有找到可用的备份，已新建一个空的数据库');
    expect(existsSync(store.startupNotices[0]!.movedTo!)).toBe(true);
    expect(unwrap(store.listAgencies())).toEqual([]);
  });

  test('a missing database with backups: the newest good backup is restored, user told', async () => {
    const { dataDir, database, reportId, v1 } = await storeWithBackup();
    rmSync(database);
    const store = openTestStore(dataDir, clock);
    expect(store.startupNotices[0]).toMatchObject({ kind: 'restoredFromBackup', movedTo: null });
    expect(store.startupNotices[0]!.message).toMatch(/^年报的数据库文件不见了（它本应在数据文件夹中），无法继续使用。已自动恢复.+的备份/);
    expect(unwrap(store.getReport({ reportId })).report).toEqual(v1);
  });

  test('a replacement interrupted after the old file was moved aside is completed', async () => {
    const { dataDir, database, reportId, v1, backup } = await storeWithBackup();
    const { incoming, movedAside } = storePaths(dataDir);
    copyFileSync(backup.path, incoming);
    mkdirSync(movedAside);
    renameSync(database, join(movedAside, 'old.db'));
    const store = openTestStore(dataDir, clock);
    expect(store.startupNotices).toEqual([]);
    expect(unwrap(store.getReport({ reportId })).report).toEqual(v1);
    expect(existsSync(incoming)).toBe(false);
  });

  test('an unfinished replacement copy beside a sound database is dropped', async () => {
    const { dataDir, reportId } = await storeWithBackup();
    const { incoming } = storePaths(dataDir);
    writeFileSync(incoming, 'half a copy');
    const store = openTestStore(dataDir, clock);
    expect(store.startupNotices).toEqual([]);
    expect(unwrap(store.getReport({ reportId })).report.sections.other).toBe('备份之后写的');
    expect(existsSync(incoming)).toBe(false);
  });

  test('an empty file with no backups is simply a new database', async () => {
    const dataDir = tempDir();
    writeFileSync(storePaths(dataDir).database, '');
    const store = openTestStore(dataDir, clock);
    expect(store.startupNotices).toEqual([]);
    unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
  });

  test('a database another program holds locked is not taken for damaged', async () => {
    const { dataDir, database, reportId, v1 } = await storeWithBackup();
    const holder = openReadWrite(database);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE; COMMIT');
    expect(errorOf(openStore({ dataDir }))).toMatch(/^暂时无法检查数据库（无法打开数据库：database is locked），没有做任何改动。/);
    holder.close();
    expect(existsSync(storePaths(dataDir).movedAside)).toBe(false);
    const store = openTestStore(dataDir, clock);
    expect(store.startupNotices).toEqual([]);
    expect(unwrap(store.getReport({ reportId })).report.sections.other).not.toBe(v1.sections.other);
  });

  test('read-only opening reports the damage and changes nothing', async () => {
    const { dataDir, database } = await storeWithBackup();
    overwrite(database, 0, 100);
    const before = readFileSync(database);
    const opened = openStore({ dataDir, readOnly: true });
    expect(opened.ok ? '' : opened.error).toMatch(/^数据库已损坏（.+）。请打开年报程序，它会自动从备份恢复。$/);
    expect(readFileSync(database)).toEqual(before);
    expect(existsSync(storePaths(dataDir).movedAside)).toBe(false);
  });
});
