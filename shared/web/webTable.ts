import type { DocCell, DocTable } from '../document/model.ts';
import { escapeHtml } from '../print/escape.ts';
import { figureHeaders } from './figureHeaders.ts';

/**
 * A table of the document model as web markup: the model's merges as rowspan/colspan,
 * header rows in <thead>, each of table 2's captioned blocks in a <tbody> of its own,
 * headers as <th scope> (and every figure cell naming its headers), column widths as
 * percentages so the table fits whatever column the site gives it.
 */

function cellId(table: DocTable, cell: DocCell): string {
  return `${table.id}-r${cell.row}c${cell.col}`;
}

function spans(cell: DocCell): string {
  return `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
}

/** A caption row heads its block (the <tbody> it opens); column headers their columns; row labels their rows. */
const SCOPES: Readonly<Partial<Record<DocCell['role'], string>>> = { caption: 'rowgroup', header: 'col', rowLabel: 'row' };

function cellHtml(table: DocTable, cell: DocCell, headers: ReadonlyMap<DocCell, readonly DocCell[]>): string {
  const text = escapeHtml(cell.text);
  const scope = SCOPES[cell.role];
  if (scope) return `<th id="${cellId(table, cell)}" scope="${scope}"${spans(cell)}>${text}</th>`;
  const heads = headers.get(cell) ?? [];
  const headersAttribute = heads.length ? ` headers="${heads.map((head) => cellId(table, head)).join(' ')}"` : '';
  return `<td class="${cell.role}"${spans(cell)}${headersAttribute}>${text}</td>`;
}

/** Rows split where a caption row opens a block; one group when the table has no captions. */
function rowGroups(cellsByRow: readonly DocCell[][], from: number): DocCell[][][] {
  const groups: DocCell[][][] = [];
  cellsByRow.slice(from).forEach((cells) => {
    if (groups.length === 0 || cells[0]?.role === 'caption') groups.push([]);
    groups[groups.length - 1]!.push(cells);
  });
  return groups;
}

export function webTableHtml(table: DocTable): string {
  const headers = figureHeaders(table);
  const cellsByRow: DocCell[][] = Array.from({ length: table.rowCount }, () => []);
  for (const cell of table.cells) cellsByRow[cell.row]!.push(cell);
  const rowsHtml = (rows: readonly DocCell[][]) => rows.map((cells) => `<tr>${cells.map((cell) => cellHtml(table, cell, headers)).join('')}</tr>`).join('\n');
  const totalMm = table.columnWidthsMm.reduce((a, b) => a + b, 0);
  const columns = table.columnWidthsMm.map((mm) => `<col style="width: ${((100 * mm) / totalMm).toFixed(2)}%">`).join('');
  const head = table.headerRows > 0 ? `<thead>\n${rowsHtml(cellsByRow.slice(0, table.headerRows))}\n</thead>\n` : '';
  const bodies = rowGroups(cellsByRow, table.headerRows).map((rows) => `<tbody>\n${rowsHtml(rows)}\n</tbody>`);
  return `<table class="${table.id}">\n<caption>${escapeHtml(table.title)}</caption>\n<colgroup>${columns}</colgroup>\n${head}${bodies.join('\n')}\n</table>`;
}
