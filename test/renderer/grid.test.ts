import { describe, expect, it } from 'vitest';
import { cellIndex, crossCellKey, currentFormat, tableLayouts } from '../../shared/format/index.ts';
import type { TableLayout } from '../../shared/format/index.ts';
import { storedFigure } from '../../renderer/grid/cellEntry.ts';
import { isDenseTable, minTableWidthPx } from '../../renderer/grid/gridWidths.ts';
import { gridModel, moveFrom, planPaste } from '../../renderer/grid/gridModel.ts';
import { isBlockText } from '../../renderer/grid/pasteBlock.ts';
import { parseTsv } from '../../renderer/grid/tsv.ts';

const layouts = tableLayouts(currentFormat);
const cells = cellIndex(currentFormat);
const table3 = currentFormat.tables.table3;
const t3 = (row: string, column: string) => crossCellKey(table3, row, column);

describe('spreadsheet text from Excel/WPS', () => {
  it('reads tab-separated rows with CR LF and a trailing line break', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps empty cells and reads quoted cells with tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('1\t\t3\n"a\tb"\t"x\ny"\t"say ""hi"""')).toEqual([
      ['1', '', '3'],
      ['a\tb', 'x\ny', 'say "hi"'],
    ]);
  });

  it('tells a block of cells from one value', () => {
    expect(isBlockText('12')).toBe(false);
    expect(isBlockText('12\r\n')).toBe(false);
    expect(isBlockText('1\t2')).toBe(true);
    expect(isBlockText('1\n2')).toBe(true);
    expect(isBlockText('12 件')).toBe(false);
    expect(isBlockText('规章 12 0 30')).toBe(true);
    expect(isBlockText('12 0 30')).toBe(true);
  });
});

describe('the editing grid', () => {
  const model3 = gridModel(layouts.table3, cells);
  const model2 = gridModel(layouts.table2, cells);

  it('has every data cell of the printed table, totals marked derived', () => {
    expect(model3.byKey.size).toBe(table3.rows.length * table3.columns.length);
    expect(model3.byKey.get(t3('granted', 'total'))!.derived).toBe(true);
    expect(model3.byKey.get(t3('resultTotal', 'naturalPerson'))!.derived).toBe(true);
    expect(model3.editable.map((s) => s.key)).toEqual(cells.inputs.filter((c) => c.table === 'table3').map((c) => c.key));
  });

  it('moves with arrows onto totals, and with Tab and Enter only to typed cells', () => {
    expect(moveFrom(model3, t3('newReceived', 'otherOrg'), 'right')!.key).toBe(t3('newReceived', 'total'));
    expect(moveFrom(model3, t3('newReceived', 'otherOrg'), 'next')!.key).toBe(t3('carriedOver', 'naturalPerson'));
    expect(moveFrom(model3, t3('newReceived', 'total'), 'next')!.key).toBe(t3('carriedOver', 'naturalPerson'));
    expect(moveFrom(model3, t3('other.other', 'commercial'), 'down')!.key).toBe(t3('resultTotal', 'commercial'));
    expect(moveFrom(model3, t3('other.other', 'commercial'), 'nextDown')!.key).toBe(t3('carriedForward', 'commercial'));
    expect(moveFrom(model3, t3('carriedOver', 'naturalPerson'), 'previous')!.key).toBe(t3('newReceived', 'otherOrg'));
    expect(moveFrom(model3, t3('newReceived', 'naturalPerson'), 'up')).toBeUndefined();
    expect(moveFrom(model3, t3('newReceived', 'naturalPerson'), 'left')).toBeUndefined();
  });

  it('moves up and down across table 2 blocks by column, over captions and headers', () => {
    expect(moveFrom(model2, 't2.normativeDocuments.repealed', 'down')!.key).toBe('t2.licensing');
    expect(moveFrom(model2, 't2.licensing', 'up')!.key).toBe('t2.normativeDocuments.issued');
    expect(moveFrom(model2, 't2.coercion', 'down')!.key).toBe('t2.fees');
  });

  it('lays a pasted block from the anchor, skipping totals but counting their place', () => {
    const block = parseTsv('1\t2\t3\t4\t5\t6\t21\n1\t1\t1\t1\t1\t1\t6\n');
    const plan = planPaste(model3, t3('newReceived', 'naturalPerson'), block);
    expect(plan.values.size).toBe(12);
    expect(plan.values.get(t3('newReceived', 'otherOrg'))).toBe('6');
    expect(plan.values.get(t3('carriedOver', 'naturalPerson'))).toBe('1');
    expect(plan.skippedTotals).toBe(2);
    expect(plan.outside).toBe(0);
  });

  it('counts what falls outside the table', () => {
    const plan = planPaste(model3, t3('carriedForward', 'otherOrg'), [['1', '2', '3'], ['4']]);
    expect(plan.values.get(t3('carriedForward', 'otherOrg'))).toBe('1');
    expect(plan.skippedTotals).toBe(1);
    expect(plan.outside).toBe(2);
  });
});

describe('a typed figure as stored', () => {
  it('normalises full-width digits and units, keeps a bad value as typed, clears a blank', () => {
    expect(storedFigure('１２', 'count')).toBe('12');
    expect(storedFigure(' 1,234 件', 'count')).toBe('1234');
    expect(storedFigure('2.5', 'count')).toBe('2.5');
    expect(storedFigure('十二', 'count')).toBe('十二');
    expect(storedFigure('   ', 'count')).toBeNull();
    expect(storedFigure('１.５０', 'money')).toBe('1.50');
  });
});

describe('grid widths from the format', () => {
  /** Whether every cell has what it needs at a table width: 50px for a figure, for a label two lines or one per row it spans (13px a character, 10px padding). */
  const fits = (layout: TableLayout, widthPx: number): boolean => {
    const totalMm = layout.columnWidthsMm.reduce((a, b) => a + b, 0);
    return layout.cells.every((cell) => {
      const px = (layout.columnWidthsMm.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0) / totalMm) * widthPx;
      if (cell.content.type === 'data') return px >= 50;
      return Math.floor((px - 10) / 13) * Math.max(2, cell.rowSpan) >= [...cell.content.text].length;
    });
  };

  it('are the narrowest at which every figure and label of a 2021 table fits (never below 640px)', () => {
    for (const layout of Object.values(layouts)) {
      const min = minTableWidthPx(layout);
      expect(fits(layout, min), layout.id).toBe(true);
      expect(min === 640 || !fits(layout, min - 1), layout.id).toBe(true);
    }
    expect(Object.values(layouts).map(isDenseTable)).toEqual([false, false, true]);
  });

  it('give a made-up table of twenty narrow figure columns room for each figure, its labels set dense', () => {
    const columnWidthsMm = [16, ...Array.from({ length: 20 }, () => 7)];
    const layout: TableLayout = {
      id: 'demo',
      rowCount: 2,
      columnCount: 21,
      headerRows: 1,
      columnWidthsMm,
      cells: [
        { row: 0, col: 0, rowSpan: 1, colSpan: 1, content: { type: 'label', text: '项目', role: 'header' } },
        ...columnWidthsMm.slice(1).map((_, i) => ({ row: 0, col: i + 1, rowSpan: 1, colSpan: 1, content: { type: 'label' as const, text: `第${i + 1}项`, role: 'header' as const } })),
        { row: 1, col: 0, rowSpan: 1, colSpan: 1, content: { type: 'label', text: '件数', role: 'rowLabel' } },
        ...columnWidthsMm.slice(1).map((_, i) => ({ row: 1, col: i + 1, rowSpan: 1, colSpan: 1, content: { type: 'data' as const, key: `demo.${i}` } })),
      ],
    };
    const min = minTableWidthPx(layout);
    expect(fits(layout, min)).toBe(true);
    expect((min * 7) / 156).toBeGreaterThanOrEqual(50);
    expect(isDenseTable(layout)).toBe(true);
  });
});
