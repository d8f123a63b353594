import { describe, expect, test } from 'vitest';
import { openReadWrite } from '../../services/store/database.ts';
import { openStore } from '../../services/store/index.ts';
import { storePaths } from '../../services/store/paths.ts';
import type { Store } from '../../services/store/index.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { crossCellKey, currentFormat } from '../../shared/format/index.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { errorOf, openTestStore, tempDir, unwrap } from './support.ts';

function storeWithReport(dataDir?: string) {
  const store = openTestStore(dataDir);
  const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
  const { summary } = unwrap(store.createReport({ agencyId: agency.id, year: 2024 }));
  return { store, agency, reportId: summary.id };
}

function saveConsistent(store: Store, reportId: number, year = 2024) {
  return unwrap(store.saveReport({ reportId, report: consistentReport(year) }));
}

describe('reports', () => {
  test('a new report starts blank with the agency details', () => {
    const { store, reportId } = storeWithReport();
    const { summary, report } = unwrap(store.getReport({ reportId }));
    expect(summary).toMatchObject({ agencyName: '湖滨区政府办', year: 2024, label: '', deletedAt: null });
    expect(report).toMatchObject({ formatId: currentFormat.id, year: 2024, values: {}, sections: {} });
    expect(report.agency.name).toBe('湖滨区政府办');
  });

  test('a save is on disk when it returns: another connection reads it at once', async () => {
    const dataDir = tempDir();
    const { store, reportId } = storeWithReport(dataDir);
    const report = consistentReport(2024);
    saveConsistent(store, reportId);
    const reader = unwrap(openStore({ dataDir, readOnly: true }));
    expect(unwrap(reader.getReport({ reportId })).report).toEqual(report);
    await reader.close();
  });

  test('saving remembers the agency details for its next report', () => {
    const { store, agency, reportId } = storeWithReport();
    const report = consistentReport(2024);
    const agencyDetails = { ...report.agency, name: '湖滨区人民政府办公室', contact: '地址：湖滨路1号', exportOptions: { ...report.agency.exportOptions, feeWording: 'fourDecimals' as const } };
    unwrap(store.saveReport({ reportId, report: { ...report, agency: agencyDetails } }));
    expect(unwrap(store.getAgency({ agencyId: agency.id })).agency).toEqual(agencyDetails);
    const next = unwrap(store.createReport({ agencyId: agency.id, year: 2025 }));
    expect(next.report.agency).toEqual(agencyDetails);
    expect(next.summary.agencyName).toBe('湖滨区人民政府办公室');
  });

  test('an unchanged save writes nothing', () => {
    const { store, reportId } = storeWithReport();
    const first = saveConsistent(store, reportId);
    const again = unwrap(store.saveReport({ reportId, report: consistentReport(2024) }));
    expect(again).toEqual({ summary: first.summary, revision: null, contentHash: first.contentHash });
  });

  test('one live report per agency and year', () => {
    const { store, agency, reportId } = storeWithReport();
    expect(errorOf(store.createReport({ agencyId: agency.id, year: 2024 }))).toContain('“湖滨区政府办”2024年度报告已经存在');
    const other = unwrap(store.createReport({ agencyId: agency.id, year: 2023 })).summary.id;
    // Changing a report's year onto a taken one is refused and changes nothing.
    expect(errorOf(store.saveReport({ reportId: other, report: consistentReport(2024) }))).toContain('已经存在');
    expect(unwrap(store.getReport({ reportId: other })).report.values).toEqual({});
    // Moving to a free year is fine, and is what is read back.
    expect(unwrap(store.saveReport({ reportId, report: consistentReport(2022) })).summary.year).toBe(2022);
    expect(unwrap(store.getReport({ reportId })).summary.year).toBe(2022);
    expect(unwrap(store.listReports({ agencyId: agency.id })).map((r) => r.year)).toEqual([2023, 2022]);
    expect(unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.year).toBe(2024);
  });

  test('an autosave commits only the pages whose bytes changed: the changed figure\'s and the one with the save\'s time and hash', () => {
    const dataDir = tempDir();
    const { store, reportId } = storeWithReport(dataDir);
    saveConsistent(store, reportId);
    const watcher = openReadWrite(storePaths(dataDir).database);
    const walPages = (save: () => void): number => {
      watcher.pragma('wal_checkpoint(TRUNCATE)');
      save();
      return (watcher.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
    };
    try {
      const report = consistentReport(2024);
      const edited = { ...report, values: { ...report.values, 't2.regulations.inForce': '13' } };
      // Same-sized content is overwritten in place; the year's index and the unchanged agency are not written.
      expect(walPages(() => unwrap(store.saveReport({ reportId, report: edited })))).toBe(2);
    } finally {
      watcher.close();
    }
  });

  test('rename, delete to the recycle bin and restore', () => {
    const { store, agency, reportId } = storeWithReport();
    expect(unwrap(store.renameReport({ reportId, label: ' 送审稿 ' })).label).toBe('送审稿');
    const deleted = unwrap(store.deleteReport({ reportId }));
    expect(deleted.deletedAt).not.toBeNull();
    expect(unwrap(store.listReports())).toEqual([]);
    expect(unwrap(store.listReports({ deleted: true })).map((r) => r.id)).toEqual([reportId]);
    expect(errorOf(store.saveReport({ reportId, report: consistentReport(2024) }))).toContain('在回收站中');
    expect(errorOf(store.openReport({ reportId }))).toContain('在回收站中');
    // Its year is free again; restoring waits until it is free once more.
    const replacement = unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.id;
    expect(errorOf(store.restoreReport({ reportId }))).toContain('已经存在');
    unwrap(store.deleteReport({ reportId: replacement }));
    expect(unwrap(store.restoreReport({ reportId })).deletedAt).toBeNull();
    expect(unwrap(store.listReports()).map((r) => r.id)).toEqual([reportId]);
    expect(errorOf(store.restoreReport({ reportId }))).toContain('不在回收站中');
  });

  test('lists by agency, newest year first', () => {
    const store = openTestStore();
    const a = unwrap(store.createAgency({ agency: blankAgency('甲局') }));
    const b = unwrap(store.createAgency({ agency: blankAgency('乙局') }));
    for (const year of [2022, 2024, 2023]) unwrap(store.createReport({ agencyId: a.id, year }));
    unwrap(store.createReport({ agencyId: b.id, year: 2024 }));
    expect(unwrap(store.listReports({ agencyId: a.id })).map((r) => r.year)).toEqual([2024, 2023, 2022]);
    expect(unwrap(store.listReports())).toHaveLength(4);
    expect(unwrap(store.listAgencies()).find((x) => x.id === a.id)?.reportCount).toBe(3);
  });

  test("this year's report from last year's: agency, texts, and 上年结转 from 结转下年度", () => {
    const { store, agency, reportId } = storeWithReport();
    const last = consistentReport(2024);
    unwrap(store.saveReport({ reportId, report: last }));
    const { summary, report } = unwrap(store.createReportFromPrevious({ reportId }));
    expect(summary.year).toBe(2025);
    expect(report.sections).toEqual(last.sections);
    expect(report.agency).toEqual(unwrap(store.getAgency({ agencyId: agency.id })).agency);
    const table = currentFormat.tables.table3;
    const lastFigures = computeFigures(last);
    const expected = Object.fromEntries(
      table.columns
        .filter((c) => !c.isTotal)
        .map((c) => [crossCellKey(table, 'carriedOver', c.key), String(lastFigures.value(crossCellKey(table, 'carriedForward', c.key)))]),
    );
    expect(report.values).toEqual(expected);
    expect(report.infoFee).toEqual({ noticesIssued: null, noticeAmountYuan: null, collectedYuan: null });
    // The totals column follows from the filled cells.
    const total = crossCellKey(table, 'carriedOver', 'total');
    expect(computeFigures(report).value(total)).toBe(lastFigures.value(crossCellKey(table, 'carriedForward', 'total')));
    expect(unwrap(store.listRevisions({ reportId: summary.id }))[0]).toMatchObject({ reason: 'fromPreviousYear', note: '由2024年度报告生成' });
    expect(errorOf(store.createReportFromPrevious({ reportId }))).toContain('2025年度报告已经存在');
    expect(errorOf(store.createReportFromPrevious({ reportId, year: 2023 }))).toContain('应晚于2024年');
  });

  test('a blank 结转下年度 leaves 上年结转 blank', () => {
    const { store, reportId } = storeWithReport();
    const { report } = unwrap(store.createReportFromPrevious({ reportId, year: 2026 }));
    expect(report.year).toBe(2026);
    expect(report.values).toEqual({});
  });

  test("previousReport finds last year's report of the same agency", () => {
    const { store, agency, reportId } = storeWithReport();
    const other = unwrap(store.createAgency({ agency: blankAgency('西湖区政府办') }));
    unwrap(store.createReport({ agencyId: other.id, year: 2023 }));
    expect(unwrap(store.previousReport({ reportId }))).toBeNull();
    const last = unwrap(store.createReport({ agencyId: agency.id, year: 2023 }));
    expect(unwrap(store.previousReport({ reportId }))?.summary.id).toBe(last.summary.id);
    unwrap(store.deleteReport({ reportId: last.summary.id }));
    expect(unwrap(store.previousReport({ reportId }))).toBeNull();
  });

  test('an invalid report is refused at the boundary and the stored one is kept', () => {
    const { store, reportId } = storeWithReport();
    saveConsistent(store, reportId);
    const good = consistentReport(2024);
    expect(errorOf(store.saveReport({ reportId, report: { ...good, values: { 't3.newReceived.total': '5' } } }))).toBe(
      '输入有误：报告 › 表格数据 › t3.newReceived.total：合计由软件计算，不能直接填写',
    );
    expect(errorOf(store.saveReport({ reportId, report: { ...good, year: 1999 } }))).toContain('报告 › 年度：年度应为2008年以后');
    expect(errorOf(store.saveReport({ reportId, report: { ...good, sections: { nonsense: 'x' } } }))).toContain('未知的章节');
    expect(errorOf(store.saveReport({ reportId, report: null as never }))).toContain('报告');
    expect(errorOf(store.saveReport({ reportId: 1.5, report: good }))).toContain('报告编号：应为正整数');
    expect(errorOf(store.createReport({ agencyId: 1, year: 20245 }))).toContain('年度');
    expect(errorOf(store.getReport({ reportId: 404 }))).toBe('找不到编号为404的报告。');
    expect(unwrap(store.getReport({ reportId })).report).toEqual(good);
  });
});
