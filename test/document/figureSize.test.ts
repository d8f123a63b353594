import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocTable } from '../../shared/document/model.ts';
import { figureSizePt } from '../../shared/document/figureSize.ts';
import { PAGE, TABLE_CELL_PADDING_MM, TABLE_FONT_PT } from '../../shared/document/typography.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { sevenDigitReport } from '../docx/reports.ts';

const PT_PER_MM = 72 / 25.4;
/** DejaVu Serif's digit advance, the widest a machine without Times New Roman substitutes. */
const DEJAVU_DIGIT_EM = 1303 / 2048;

function tables(report = sevenDigitReport()): DocTable[] {
  return buildDocument(report).sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
}

describe('figure sizes (figures never wrap)', () => {
  it('keeps the table size where the widest digits fit and shrinks in half points where they do not', () => {
    expect(figureSizePt('1234', 12)).toBe(TABLE_FONT_PT);
    expect(figureSizePt('23373', 12)).toBe(8.5);
    expect(figureSizePt('1234567', 12)).toBe(6);
    expect(figureSizePt('1234567', 10.4)).toBe(5);
    expect(figureSizePt('96171.6000', 108)).toBe(TABLE_FONT_PT);
    // A long text typed into a figure cell (the checks report it) wraps at the table size.
    expect(figureSizePt('详见附件中的说明文字', 10.4)).toBe(TABLE_FONT_PT);
  });

  it('gives every figure of a report with seven-digit counts a size at which it fits its cell in DejaVu Serif', () => {
    for (const table of tables()) {
      expect(table.columnWidthsMm.reduce((a, b) => a + b, 0), table.id).toBeLessThanOrEqual(PAGE.typeAreaWidthMm + 1e-9);
      for (const cell of table.cells.filter((c) => c.key)) {
        const widthMm = table.columnWidthsMm.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
        const roomPt = (widthMm - 2 * TABLE_CELL_PADDING_MM) * PT_PER_MM;
        expect(cell.text.length * DEJAVU_DIGIT_EM * (cell.sizePt ?? TABLE_FONT_PT), `${table.id} ${cell.key} ${cell.text}`).toBeLessThan(roomPt);
      }
    }
    const sizes = tables().flatMap((t) => t.cells.map((c) => c.sizePt));
    expect(Math.min(...sizes.filter((s): s is number => s !== undefined))).toBeGreaterThanOrEqual(4);
  });

  it('leaves the small figures of an ordinary report at the table size', () => {
    expect(tables(consistentReport()).flatMap((t) => t.cells.filter((c) => c.sizePt !== undefined))).toEqual([]);
  });
});
