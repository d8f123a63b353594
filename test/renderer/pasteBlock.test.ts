import { describe, expect, it } from 'vitest';
import { cellIndex, crossCellKey, currentFormat, tableLayouts } from '../../shared/format/index.ts';
import { gridModel } from '../../renderer/grid/gridModel.ts';
import { pasteSummary, planBlockPaste, splitFigures } from '../../renderer/grid/pasteBlock.ts';

const layouts = tableLayouts(currentFormat);
const cells = cellIndex(currentFormat);
const table3 = currentFormat.tables.table3;
const t3 = (row: string, column: string) => crossCellKey(table3, row, column);
const model2 = gridModel(layouts.table2, cells);
const model3 = gridModel(layouts.table3, cells);
const model4 = gridModel(layouts.table4, cells);

/** Table 3's labels as printed (the official text, from the format), for building pasted blocks. */
const rowLabel = (row: string) => cells.byKey.get(t3(row, 'naturalPerson'))!.rowLabel;

describe('a pasted block with labels', () => {
  it('splits figures run together with spaces, keeping labels and units whole', () => {
    expect(splitFigures([['规章 12 0 30'], ['12 件', '3']])).toEqual([
      ['规章', '12', '0', '30'],
      ['12 件', '3'],
    ]);
  });

  it('places rows copied with their labels by the labels, whatever cell is selected', () => {
    // Copied from Excel: the group label in column A (merged, so only on its first row), the row label in B.
    const text = [
      `\t${rowLabel('newReceived')}\t5\t1\t0\t0\t0\t0\t6`,
      `（三）不予公开\t${rowLabel('denied.stateSecret')}\t2\t0\t0\t0\t0\t0\t2`,
      `\t${rowLabel('denied.lawProhibited')}\t1\t0\t0\t0\t0\t0\t1`,
    ].join('\r\n');
    const plan = planBlockPaste(model3, cells, t3('carriedOver', 'otherOrg'), text);
    expect(plan.byLabels).toBe(true);
    expect(plan.values.get(t3('newReceived', 'naturalPerson'))).toBe('5');
    expect(plan.values.get(t3('newReceived', 'commercial'))).toBe('1');
    expect(plan.values.get(t3('denied.stateSecret', 'naturalPerson'))).toBe('2');
    expect(plan.values.get(t3('denied.lawProhibited', 'naturalPerson'))).toBe('1');
    // The total column is computed: skipped, never written.
    expect(plan.skippedTotals).toBe(3);
    expect(plan.values.size).toBe(18);
    expect([...plan.values.keys()].every((key) => !key.endsWith('.total'))).toBe(true);
    expect(pasteSummary(plan)).toContain(`行 「${rowLabel('newReceived')}」至「${rowLabel('denied.lawProhibited')}」共 3 个`);
  });

  it('places columns by header rows, carrying a merged group header to the right', () => {
    const text = [
      '行政复议\t\t\t\t\t行政诉讼',
      '\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉',
      '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
      '1 2 3 4 10 5 6 7 8 26 9 10 11 12 42',
    ].join('\n');
    const plan = planBlockPaste(model4, cells, 't4.review.upheld', text);
    expect(plan.byLabels).toBe(true);
    expect(plan.values.get('t4.review.upheld')).toBe('1');
    expect(plan.values.get('t4.litigationDirect.upheld')).toBe('5');
    expect(plan.values.get('t4.litigationAfterReview.pending')).toBe('12');
    expect(plan.values.size).toBe(12);
    expect(plan.skippedTotals).toBe(3);
  });

  it('leaves out a row whose label is not in the table, and says so', () => {
    const plan = planBlockPaste(model3, cells, t3('newReceived', 'naturalPerson'), `${rowLabel('newReceived')}\t1\t1\t1\t1\t1\t1\t6\n不存在的一行\t9\t9\t9\t9\t9\t9\t54`);
    expect(plan.values.size).toBe(6);
    expect([...plan.values.values()].includes('9')).toBe(false);
    expect(pasteSummary(plan)).toContain('行“不存在的一行”在本表中找不到，未粘贴');
  });

  it('places table-2 rows by label, the one-figure rows into their one cell', () => {
    const plan = planBlockPaste(model2, cells, 't2.fees', '规章\t3\t1\t20\n行政许可\t5\t\t\n行政事业性收费\t1.5万');
    expect(plan.values.get('t2.regulations.issued')).toBe('3');
    expect(plan.values.get('t2.regulations.inForce')).toBe('20');
    expect(plan.values.get('t2.licensing')).toBe('5');
    expect(plan.values.get('t2.fees')).toBe('1.5万');
  });

  it('still pastes a bare block from the selected cell', () => {
    const plan = planBlockPaste(model3, cells, t3('newReceived', 'naturalPerson'), '1\t2\n3\t4');
    expect(plan.byLabels).toBe(false);
    expect(plan.values.get(t3('carriedOver', 'commercial'))).toBe('4');
    expect(pasteSummary(plan)).toContain('已从选中的格子起粘贴 4 格');
  });
});
