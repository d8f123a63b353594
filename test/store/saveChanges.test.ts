import { describe, expect, test } from 'vitest';
import { openStore } from '../../services/store/index.ts';
import type { Store } from '../../services/store/index.ts';
import { encodeReport } from '../../services/store/snapshot.ts';
import { blankAgency } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { reportChanges } from '../../shared/model/reportChanges.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { errorOf, openTestStore, tempDir, unwrap } from './support.ts';

/**
 * An autosave of what changed (store.saveReportChanges) is applied to the report the store
 * saved last, and only when that is the report the changes were made on and still the one
 * in the database; otherwise it is refused as stale and the page saves the whole report.
 */

function storeWithSavedReport(dataDir?: string) {
  const store = openTestStore(dataDir);
  const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
  const { summary } = unwrap(store.createReport({ agencyId: agency.id, year: 2024 }));
  const report: Report = { ...consistentReport(2024), agency: unwrap(store.getReport({ reportId: summary.id })).report.agency };
  const saved = unwrap(store.saveReport({ reportId: summary.id, report }));
  return { store, reportId: summary.id, report, hash: saved.contentHash };
}

const withFigure = (report: Report, figure: string): Report => ({ ...report, values: { ...report.values, 't3.granted.naturalPerson': figure } });

function saveChanges(store: Store, reportId: number, saved: Report, hash: string, report: Report) {
  return unwrap(store.saveReportChanges({ reportId, changes: reportChanges(saved, report, hash)! }));
}

describe('saving what changed', () => {
  test('stores the report the changes make, as a save of the whole report would, and says its hash', () => {
    const { store, reportId, report, hash } = storeWithSavedReport();
    expect(hash).toBe(encodeReport(report).hash);
    const next = withFigure(report, '41');
    const saved = saveChanges(store, reportId, report, hash, next);
    expect(saved).toMatchObject({ contentHash: encodeReport(next).hash });
    expect(unwrap(store.getReport({ reportId })).report).toEqual(next);
    // And on from there, change after change.
    const after = { ...next, sections: { ...next.sections, overview: '本年度总体情况。' } };
    saveChanges(store, reportId, next, encodeReport(next).hash, after);
    expect(unwrap(store.getReport({ reportId })).report).toEqual(after);
  });

  test('changes that change nothing write nothing', () => {
    const { store, reportId, report, hash } = storeWithSavedReport();
    const before = unwrap(store.getReport({ reportId })).summary.updatedAt;
    const saved = saveChanges(store, reportId, report, hash, { ...report });
    expect(saved).toMatchObject({ contentHash: hash, revision: null });
    expect(unwrap(store.getReport({ reportId })).summary.updatedAt).toBe(before);
  });

  test('are refused as stale when made on another report than the one saved last, and nothing is written', () => {
    const { store, reportId, report, hash } = storeWithSavedReport();
    const older = withFigure(report, '1001');
    const olderHash = unwrap(store.saveReport({ reportId, report: older })).contentHash;
    unwrap(store.saveReport({ reportId, report }));
    expect(store.saveReportChanges({ reportId, changes: reportChanges(older, withFigure(older, '2'), olderHash)! })).toEqual({ ok: true, value: { stale: true } });
    expect(unwrap(store.getReport({ reportId })).report).toEqual(report);
    // The report saved last takes them.
    expect(saveChanges(store, reportId, report, hash, withFigure(report, '2'))).not.toHaveProperty('stale');
  });

  test('are refused as stale once another write changed the report (a restored revision, an import)', () => {
    const { store, reportId, report, hash } = storeWithSavedReport();
    const [created] = unwrap(store.listRevisions({ reportId })).slice(-1);
    unwrap(store.restoreRevision({ revisionId: created!.id }));
    expect(unwrap(store.saveReportChanges({ reportId, changes: reportChanges(report, withFigure(report, '7'), hash)! }))).toEqual({ stale: true });
    expect(unwrap(store.getReport({ reportId })).report.values['t3.granted.naturalPerson']).not.toBe('7');
  });

  test('are refused as stale by a store opened since (it holds no saved report yet)', async () => {
    const dataDir = tempDir();
    const { store, reportId, report, hash } = storeWithSavedReport(dataDir);
    await store.close();
    const reopened = unwrap(openStore({ dataDir }));
    try {
      expect(unwrap(reopened.saveReportChanges({ reportId, changes: reportChanges(report, withFigure(report, '8'), hash)! }))).toEqual({ stale: true });
    } finally {
      await reopened.close();
    }
  });

  test('refused (the year is taken), leave the report saved before as the one later changes are made on', () => {
    const { store, reportId, report, hash } = storeWithSavedReport();
    const agencyId = unwrap(store.getReport({ reportId })).summary.agencyId;
    unwrap(store.createReport({ agencyId, year: 2023 }));
    expect(errorOf(store.saveReportChanges({ reportId, changes: reportChanges(report, { ...report, year: 2023 }, hash)! }))).toContain('已经存在');
    expect(saveChanges(store, reportId, report, hash, withFigure(report, '5'))).toMatchObject({ contentHash: encodeReport(withFigure(report, '5')).hash });
  });

  test('are checked as the report is: a total, an unknown cell or a report in the recycle bin are refused in Chinese', () => {
    const { store, reportId, report, hash } = storeWithSavedReport();
    const change = (values: Record<string, string>) => ({ reportId, changes: { base: hash, formatId: report.formatId, values: { set: values, removed: [] } } });
    expect(errorOf(store.saveReportChanges(change({ 't3.granted.total': '1' })))).toContain('合计由软件计算，不能直接填写');
    expect(errorOf(store.saveReportChanges(change({ 不存在的单元格: '1' })))).toContain('未知的表格单元格');
    unwrap(store.deleteReport({ reportId }));
    expect(errorOf(store.saveReportChanges(change({ 't3.granted.naturalPerson': '1' })))).toContain('回收站');
  });
});
