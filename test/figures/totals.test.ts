import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../shared/figures/figures.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';

describe('computeFigures', () => {
  const base = blankReport(blankAgency('某局'), 2024);

  it('derives the 总计 column, （七）总计 and table-4 totals', () => {
    const figures = computeFigures({
      ...base,
      values: { 't3.granted.naturalPerson': '2', 't3.granted.commercial': '１', 't4.review.upheld': '1', 't4.review.corrected': '0', 't4.review.other': '0', 't4.review.pending': '4' },
    });
    expect(figures.get('t4.review.total')).toMatchObject({ derived: 5, value: 5, text: '5', entered: undefined });
    // A blank operand leaves the total blank: nothing is treated as 0.
    expect(figures.value('t3.granted.total')).toBeNull();
    expect(figures.value('t3.resultTotal.naturalPerson')).toBeNull();
    expect(figures.get('t3.granted.commercial').text).toBe('1');
  });

  it('keeps a stated total beside the derived one, and a stated blank as blank', () => {
    const figures = computeFigures({
      ...base,
      values: { 't4.review.upheld': '1', 't4.review.corrected': '0', 't4.review.other': '0', 't4.review.pending': '0' },
      statedTotals: { 't4.review.total': '3', 't4.litigationDirect.total': null },
    });
    expect(figures.get('t4.review.total')).toMatchObject({ derived: 1, value: 3, text: '3' });
    expect(figures.get('t4.litigationDirect.total')).toMatchObject({ derived: null, value: null, entered: { status: 'blank' } });
  });

  it('keeps an invalid figure as typed', () => {
    const figures = computeFigures({ ...base, values: { 't2.fees': '1.23456' } });
    expect(figures.get('t2.fees')).toMatchObject({ value: null, text: '1.23456', entered: { status: 'invalid' } });
  });
});
