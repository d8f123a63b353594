import { describe, expect, test } from 'vitest';
import { describeChanges } from '../../services/store/revisionSummary.ts';
import type { Report } from '../../shared/model/report.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { errorOf, openTestStore, testClock, unwrap } from './support.ts';

function edit(report: Report, changes: Partial<Report>): Report {
  return { ...report, ...changes };
}

function setup() {
  const clock = testClock();
  const store = openTestStore(undefined, clock);
  const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
  const reportId = unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.id;
  return { store, clock, reportId };
}

describe('revision summaries', () => {
  const base = consistentReport(2024);

  test('name the tables, cells and parts that changed', () => {
    const changed = edit(base, {
      values: { ...base.values, 't3.granted.naturalPerson': '9', 't3.newReceived.commercial': '99', 't2.regulations.issued': '7' },
      sections: { ...base.sections, overview: '新的总体情况', problems: '' },
    });
    expect(describeChanges(base, changed)).toBe('修改了表二1格、表三2格、第一、五部分文字');
  });

  test('agency, 信息处理费, stated totals and a removed cell count as changes', () => {
    const { 't4.review.upheld': _removed, ...values } = base.values;
    const changed = edit(base, {
      agency: { ...base.agency, phone: '1' },
      infoFee: { ...base.infoFee, collectedYuan: '5' },
      statedTotals: { 't4.review.total': '3' },
      values,
    });
    expect(describeChanges(base, changed)).toBe('修改了机关信息、表四2格、信息处理费');
  });

  test('the first version and no change', () => {
    expect(describeChanges(undefined, base)).toBe('首个版本');
    expect(describeChanges(base, consistentReport(2024))).toBe('无改动');
    expect(describeChanges(base, edit(base, { sections: { ...base.sections, other: base.sections.other!, preamble: '' } }))).toBe('无改动');
    expect(describeChanges(base, edit(base, { year: 2025 }))).toBe('修改了年度');
  });
});

describe('revisions', () => {
  test('kept on creation, then at most every 10 minutes of editing', () => {
    const { store, clock, reportId } = setup();
    const report = consistentReport(2024);
    expect(unwrap(store.listRevisions({ reportId })).map((r) => [r.reason, r.summary])).toEqual([['created', '首个版本']]);
    clock.advance(3);
    expect(unwrap(store.saveReport({ reportId, report })).revision).toBeNull();
    clock.advance(8);
    const later = edit(report, { values: { ...report.values, 't3.granted.naturalPerson': '2' } });
    const { revision } = unwrap(store.saveReport({ reportId, report: later }));
    expect(revision).toMatchObject({ reason: 'editing', reasonLabel: '编辑中定时保留', createdAt: clock().toISOString() });
    // Against the blank first version: every filled cell and written part of the fixture.
    expect(revision!.summary).toBe('修改了机关信息、表二10格、表三144格、表四12格、第一、五、六部分文字、信息处理费');
    clock.advance(1);
    expect(unwrap(store.saveReport({ reportId, report })).revision).toBeNull();
  });

  test('opening keeps the current content when it differs from the newest revision', () => {
    const { store, clock, reportId } = setup();
    unwrap(store.openReport({ reportId }));
    expect(unwrap(store.listRevisions({ reportId }))).toHaveLength(1);
    clock.advance(1);
    unwrap(store.saveReport({ reportId, report: consistentReport(2024) }));
    const opened = unwrap(store.openReport({ reportId }));
    expect(opened.report).toEqual(consistentReport(2024));
    const [newest] = unwrap(store.listRevisions({ reportId }));
    expect(newest).toMatchObject({ reason: 'opened', reasonLabel: '打开时' });
    expect(unwrap(store.getRevision({ revisionId: newest!.id })).report).toEqual(consistentReport(2024));
  });

  test('every export is kept, even without changes', () => {
    const { store, reportId } = setup();
    const exported = unwrap(store.keepRevision({ reportId, reason: 'exported', note: '湖滨区2024.docx' }));
    expect(exported).toMatchObject({ reason: 'exported', reasonLabel: '导出', note: '湖滨区2024.docx', summary: '无改动' });
    expect(unwrap(store.listRevisions({ reportId })).map((r) => r.reason)).toEqual(['exported', 'created']);
    expect(errorOf(store.keepRevision({ reportId, reason: 'restored' as never }))).toContain('原因');
    expect(errorOf(store.keepRevision({ reportId, reason: 'manual', note: 'x'.repeat(201) }))).toContain('说明：不能超过200个字符');
  });

  test('restoring is a new revision and nothing is overwritten', () => {
    const { store, clock, reportId } = setup();
    const v1 = consistentReport(2024);
    unwrap(store.saveReport({ reportId, report: v1 }));
    const kept = unwrap(store.keepRevision({ reportId, reason: 'manual' }));
    clock.advance(30);
    const v2 = edit(v1, { sections: { ...v1.sections, overview: '改写后的总体情况' } });
    unwrap(store.saveReport({ reportId, report: v2 }));
    const before = unwrap(store.listRevisions({ reportId }));
    const snapshots = before.map((r) => unwrap(store.getRevision({ revisionId: r.id })).report);

    clock.advance(1);
    const restored = unwrap(store.restoreRevision({ revisionId: kept.id }));
    expect(restored.report).toEqual(v1);
    expect(unwrap(store.getReport({ reportId })).report).toEqual(v1);
    expect(restored.revision).toMatchObject({ reason: 'restored', summary: '修改了第一部分文字' });
    expect(restored.revision.note).toContain('（手动保留）');

    const after = unwrap(store.listRevisions({ reportId }));
    // v2 was the newest revision already (the save 30 minutes on kept it): no extra "before restore".
    expect(after.map((r) => r.reason)).toEqual(['restored', ...before.map((r) => r.reason)]);
    expect(after.slice(1).map((r) => unwrap(store.getRevision({ revisionId: r.id })).report)).toEqual(snapshots);
  });

  test('content not yet in any revision is kept before a restore', () => {
    const { store, reportId } = setup();
    const [created] = unwrap(store.listRevisions({ reportId }));
    unwrap(store.saveReport({ reportId, report: consistentReport(2024) }));
    unwrap(store.restoreRevision({ revisionId: created!.id }));
    const reasons = unwrap(store.listRevisions({ reportId })).map((r) => r.reason);
    expect(reasons).toEqual(['restored', 'beforeRestore', 'created']);
    const beforeRestore = unwrap(store.listRevisions({ reportId }))[1]!;
    expect(unwrap(store.getRevision({ revisionId: beforeRestore.id })).report).toEqual(consistentReport(2024));
  });

  test('unknown revisions and reports are refused', () => {
    const { store } = setup();
    expect(errorOf(store.getRevision({ revisionId: 77 }))).toBe('找不到编号为77的版本。');
    expect(errorOf(store.restoreRevision({ revisionId: 77 }))).toBe('找不到编号为77的版本。');
    expect(errorOf(store.listRevisions({ reportId: 77 }))).toBe('找不到编号为77的报告。');
    expect(errorOf(store.getRevision({ revisionId: 0 }))).toBe('输入有误：版本编号：应为正整数');
  });
});
