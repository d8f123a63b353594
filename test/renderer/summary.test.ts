import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../renderer/route.ts';
import { stateCounts, visibleRows } from '../../renderer/summary/reviewFilter.ts';
import type { ReviewRow, ReviewState } from '../../shared/summary/index.ts';

function row(unitId: number, unitName: string, state: ReviewState, errors = 0): ReviewRow {
  return {
    unitId,
    unitName,
    state,
    fileId: state === 'missing' ? null : unitId,
    fileName: state === 'missing' ? null : `${unitName}.nianbao`,
    revision: state === 'missing' ? null : 1,
    revisions: state === 'missing' ? 0 : 1,
    needsChoice: false,
    unreadable: null,
    counts: { error: errors, warning: 0, hint: 0 },
    kinds: { unfinished: 0, mistake: errors, advice: 0 },
    places: [],
    carryOver: { status: 'unknown' },
    proseConflicts: 0,
    uncertainCells: 0,
    note: '',
  };
}

const rows = [row(1, '湖滨区教育局', 'passed'), row(2, '湖滨区财政局', 'errors', 2), row(3, '城关镇人民政府', 'missing'), row(4, '湖滨区 民政局', 'errors', 5)];

describe('the review table', () => {
  it('shows the worst units first, then by name', () => {
    expect(visibleRows(rows, { states: [], search: '', sorting: undefined }).map((r) => r.unitId)).toEqual([4, 2, 3, 1]);
  });

  it('filters by state and searches by unit name without regard to spaces', () => {
    expect(visibleRows(rows, { states: ['errors'], search: '', sorting: undefined }).map((r) => r.unitName)).toEqual(['湖滨区 民政局', '湖滨区财政局']);
    expect(visibleRows(rows, { states: [], search: '区民政', sorting: undefined }).map((r) => r.unitId)).toEqual([4]);
    expect(visibleRows(rows, { states: ['passed', 'missing'], search: '镇', sorting: undefined }).map((r) => r.unitId)).toEqual([3]);
  });

  it('sorts by a column either way', () => {
    expect(visibleRows(rows, { states: ['errors'], search: '', sorting: { key: 'errors', descending: true } }).map((r) => r.unitId)).toEqual([4, 2]);
    expect(visibleRows(rows, { states: ['errors'], search: '', sorting: { key: 'errors', descending: false } }).map((r) => r.unitId)).toEqual([2, 4]);
  });

  it('counts the units in each state for the filter', () => {
    expect(stateCounts(rows)).toEqual({ missing: 1, errors: 2, warnings: 0, passed: 1 });
  });
});

describe('the 汇总 route', () => {
  it('round-trips each view and falls back to the review', () => {
    for (const route of [
      { screen: 'summary', agencyId: 3, year: 2025, view: 'units' },
      { screen: 'summary', agencyId: 3, year: 2025, view: 'sum' },
      { screen: 'summary', agencyId: 3, year: 2025, view: 'unit', unitId: 9 },
    ] as const) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
    expect(parseRoute('#/summary/3/2025/unit')).toEqual({ screen: 'summary', agencyId: 3, year: 2025, view: 'review' });
    expect(parseRoute('#/summary/3/2025/elsewhere')).toEqual({ screen: 'summary', agencyId: 3, year: 2025, view: 'review' });
    expect(parseRoute('#/summary/x/2025')).toEqual({ screen: 'home' });
  });
});
