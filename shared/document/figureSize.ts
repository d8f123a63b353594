import { TABLE_CELL_PADDING_MM, TABLE_FONT_PT, widestWidthInEm } from './typography.ts';

/**
 * A figure stands on one line of its cell, never broken: where it may not fit at the
 * table's size, it is set smaller. The DOCX names Times New Roman, but a machine without
 * it sets the digits in whatever it has, so the size assumes the widest. The print layout
 * takes the same size, so DOCX and PDF put the same figures on the same lines.
 */

const PT_PER_MM = 72 / 25.4;
/** Room for the cell's rules and for rounding in the word processor. */
const SLACK_PT = 1;
/** Word sizes runs in half points. */
const SIZE_STEP_PT = 0.5;
/**
 * Nothing is set smaller than this: a text that would need less (a long text typed into a
 * figure cell, which the checks report) wraps at the table's size instead.
 */
const SMALLEST_PT = 4;

/**
 * The type size of a figure in a cell `cellWidthMm` wide (its columns summed): the
 * table's size when the figure fits with the widest digits, else the largest half-point
 * size at which it does.
 */
export function figureSizePt(text: string, cellWidthMm: number): number {
  const room = (cellWidthMm - 2 * TABLE_CELL_PADDING_MM) * PT_PER_MM - SLACK_PT;
  const em = widestWidthInEm(text);
  if (em * TABLE_FONT_PT <= room) return TABLE_FONT_PT;
  const size = Math.floor(room / em / SIZE_STEP_PT) * SIZE_STEP_PT;
  return size >= SMALLEST_PT ? size : TABLE_FONT_PT;
}
