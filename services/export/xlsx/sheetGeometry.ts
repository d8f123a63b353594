import type { DocCell, DocTable } from '../../../shared/document/model.ts';

/**
 * Column widths and row heights of a table's sheet, from its text: a spreadsheet is not
 * bound to the 156 mm type area, so columns are as wide as their labels and figures need
 * (labels wrap past a limit), and rows as tall as their wrapped labels. Heights are set,
 * not left to the program, because no spreadsheet fits a row to a merged cell's text.
 */

/** Spreadsheet width units (the width of a digit) a character takes, with room to spare. */
const LATIN_UNITS = 1.1;
const CJK_UNITS = 2.2;
/** A cell's padding, in width units. */
const PADDING_UNITS = 1.5;
const MIN_WIDTH = 8;
/** Past this width a label wraps. */
const MAX_WIDTH = 40;
/** One line of the default 11 pt font. */
export const LINE_HEIGHT_PT = 15;

function textUnits(text: string): number {
  let units = 0;
  for (const char of text) units += char.charCodeAt(0) < 0x80 ? LATIN_UNITS : CJK_UNITS;
  return units;
}

/** Each column as wide as its widest one-slot cell needs, within MIN_WIDTH–MAX_WIDTH. */
export function columnWidths(table: DocTable): number[] {
  const widths = Array.from({ length: table.columnCount }, () => MIN_WIDTH);
  for (const cell of table.cells.filter((c) => c.rowSpan === 1 && c.colSpan === 1)) {
    widths[cell.col] = Math.max(widths[cell.col]!, Math.min(MAX_WIDTH, Math.ceil(textUnits(cell.text) + PADDING_UNITS)));
  }
  return widths;
}

function linesNeeded(cell: DocCell, widths: readonly number[]): number {
  const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0) - PADDING_UNITS;
  return Math.max(1, Math.ceil(textUnits(cell.text) / width));
}

/** Lines of each row: its tallest cell; a cell spanning rows that needs more lines than they give adds them to its last row. */
export function rowLines(table: DocTable, widths: readonly number[]): number[] {
  const lines = Array.from({ length: table.rowCount }, () => 1);
  for (const cell of table.cells.filter((c) => c.rowSpan === 1)) lines[cell.row] = Math.max(lines[cell.row]!, linesNeeded(cell, widths));
  for (const cell of table.cells.filter((c) => c.rowSpan > 1)) {
    const rows = lines.slice(cell.row, cell.row + cell.rowSpan);
    const missing = linesNeeded(cell, widths) - rows.reduce((a, b) => a + b, 0);
    if (missing > 0) lines[cell.row + cell.rowSpan - 1]! += missing;
  }
  return lines;
}
