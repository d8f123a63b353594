import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import { currentFormat } from '../../shared/format/index.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import { targetOfFinding } from '../../renderer/checks/findingTarget.ts';
import { draftReducer, startHistory } from '../../renderer/editor/draftHistory.ts';
import { withSection, withValues } from '../../renderer/editor/reportEdits.ts';
import { countCharacters, insertParagraph, uneditedStarters } from '../../renderer/editor/starterMarks.ts';
import { completedCount, flowSteps, stepOfFinding, stepProgress } from '../../renderer/editor/steps.ts';
import { formatRoute, parseRoute } from '../../renderer/route.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';

const overview = currentFormat.sections.find((s) => s.key === 'overview')!;

describe('starter paragraphs', () => {
  it('are marked while they stand as inserted, and no longer once edited', () => {
    const starter = overview.starters[1]!;
    const text = `前言。\n${starter}\n结尾。`;
    expect(uneditedStarters(text, overview.starters)).toEqual([{ start: 4, end: 4 + starter.length }]);
    expect(uneditedStarters(text.replace('【】', '75'), overview.starters)).toEqual([]);
  });

  it('go in at the caret as a paragraph of their own', () => {
    expect(insertParagraph('第一段', 3, '示例')).toEqual({ text: '第一段\n示例', caret: 6 });
    expect(insertParagraph('前后', 1, '示例')).toEqual({ text: '前\n示例\n后', caret: 4 });
    expect(insertParagraph('', 0, '示例')).toEqual({ text: '示例', caret: 2 });
  });

  it('count characters as clerks do, without whitespace', () => {
    expect(countCharacters('（一）主动公开情况\n 本年度 ')).toBe(12);
  });
});

describe('undo and redo', () => {
  const report = blankReport(blankAgency('测试机关'), 2024);
  const type = (state: ReturnType<typeof startHistory>, value: string, at: number) =>
    draftReducer(state, { type: 'edit', change: (r) => withValues(r, new Map([['t2.fees', value]])), group: 'cell:t2.fees', at });

  it('merges a burst of typing in one cell into one step', () => {
    let state = type(startHistory(report), '1', 0);
    state = type(state, '1.', 100);
    state = type(state, '1.5', 200);
    expect(state.past).toHaveLength(1);
    state = draftReducer(state, { type: 'undo' });
    expect(state.report.values['t2.fees']).toBeUndefined();
    state = draftReducer(state, { type: 'redo' });
    expect(state.report.values['t2.fees']).toBe('1.5');
  });

  it('keeps separate steps after a pause or in another place, and ignores edits that change nothing', () => {
    let state = type(startHistory(report), '1', 0);
    state = type(state, '2', 5000);
    expect(state.past).toHaveLength(2);
    state = draftReducer(state, { type: 'edit', change: (r) => withSection(r, 'overview', ''), group: 'section:overview', at: 5100 });
    expect(state.past).toHaveLength(2);
  });
});

describe('the guided flow', () => {
  const steps = flowSteps(currentFormat);

  it('has 机关信息, the six sections in order, 检查 and 导出', () => {
    expect(steps.map((s) => s.title)).toEqual(['机关信息', ...currentFormat.sections.map((s) => s.heading), '检查', '预览与导出']);
  });

  it('shows a blank report as not started and a consistent one as done', () => {
    const blank = blankReport(blankAgency('测试机关'), 2024);
    const progress = stepProgress(currentFormat, blank, checkReport(blank));
    expect(progress.get('section:requests')!.status).toBe('empty');
    expect(progress.get('section:requests')!.note).toBe('已填 0/144 格');
    expect(completedCount(steps, progress)).toEqual({ done: 1, total: 7 });
    const full = consistentReport();
    const done = stepProgress(currentFormat, full, checkReport(full));
    expect([...done.values()].filter((p) => p.status === 'errors')).toEqual([]);
    expect(done.get('section:requests')!.status).toBe('done');
  });

  it('marks a step with a wrong figure as having errors, and a finding leads to its cell', () => {
    const report = withValues(consistentReport(), new Map([['t3.carriedForward.naturalPerson', '999']]));
    const checks = checkReport(report);
    expect(stepProgress(currentFormat, report, checks).get('section:requests')!.status).toBe('errors');
    const balance = checks.findings.find((f) => f.id === 'T3-BAL.naturalPerson')!;
    expect(stepOfFinding(currentFormat, balance)).toBe('section:requests');
    expect(targetOfFinding(currentFormat, balance)).toEqual({ step: 'section:requests', selector: '[data-cell="t3.newReceived.naturalPerson"]' });
  });

  it('leads a prose finding to its paragraph with the quoted words', () => {
    const report = withSection(consistentReport(), 'problems', '本年度未收到政府信息公开申请。');
    const finding = checkReport(report).findings.find((f) => f.rule === 'P-NO-APPLICATIONS')!;
    expect(targetOfFinding(currentFormat, finding)).toEqual({
      step: 'section:problems',
      selector: '[data-section-editor="problems"]',
      quote: '未收到政府信息公开申请',
      at: 3,
    });
  });
});

describe('the location hash', () => {
  it('round-trips a report and its step, and falls back to home', () => {
    const route = { screen: 'report', reportId: 7, step: 'section:requests' } as const;
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(parseRoute('#/agency/3')).toEqual({ screen: 'home', agencyId: 3 });
    expect(parseRoute('#/report/x')).toEqual({ screen: 'home' });
    expect(parseRoute('')).toEqual({ screen: 'home' });
  });
});
