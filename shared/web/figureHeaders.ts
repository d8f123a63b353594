import type { DocCell, DocCellRole, DocTable } from '../document/model.ts';

/** Roles of the cells that head a column or a block of rows. */
const COLUMN_HEADING_ROLES: ReadonlySet<DocCellRole> = new Set(['caption', 'header']);

/** Which cell covers each slot of the grid (merges included). */
function coveringCells(table: DocTable): (DocCell | undefined)[][] {
  const slots: (DocCell | undefined)[][] = Array.from({ length: table.rowCount }, () => Array<DocCell | undefined>(table.columnCount));
  for (const cell of table.cells) {
    for (let row = cell.row; row < cell.row + cell.rowSpan; row++) {
      for (let col = cell.col; col < cell.col + cell.colSpan; col++) slots[row]![col] = cell;
    }
  }
  return slots;
}

/**
 * The header cells of every figure cell, for its `headers` attribute: the caption and
 * header rows right above it (up to the first row that is not a heading once headings
 * were found) and the row labels to its left, top to bottom and left to right. `scope`
 * alone is not enough for table 2: the HTML table model scans up past a block's data
 * rows and would lend the first block's column headers to every block below it.
 */
export function figureHeaders(table: DocTable): ReadonlyMap<DocCell, readonly DocCell[]> {
  const slots = coveringCells(table);
  const headers = new Map<DocCell, DocCell[]>();
  for (const cell of table.cells.filter((c) => c.key !== undefined)) {
    const above: DocCell[] = [];
    for (let row = cell.row - 1; row >= 0; row--) {
      const over = slots[row]![cell.col];
      if (over && COLUMN_HEADING_ROLES.has(over.role)) above.unshift(over);
      else if (above.length > 0) break;
    }
    const left = new Set<DocCell>();
    for (let col = 0; col < cell.col; col++) {
      const label = slots[cell.row]![col];
      if (label?.role === 'rowLabel') left.add(label);
    }
    headers.set(cell, [...new Set(above), ...left]);
  }
  return headers;
}
