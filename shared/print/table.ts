import type { DocCell, DocCellRole, DocTable } from '../document/model.ts';
import { escapeHtml } from './escape.ts';

/**
 * A table of the document model as HTML: the model's merges as rowspan/colspan, its
 * column widths in mm, and its header rows in <thead>, which Chromium repeats on every
 * page the table crosses.
 */

function cellHtml(cell: DocCell, tag: 'th' | 'td'): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  return `<${tag}${spans} class="${cell.role}">${escapeHtml(cell.text)}</${tag}>`;
}

/** Roles of rows that only head what follows (table 2's captions and header rows). */
const HEADING_ROLES: ReadonlySet<DocCellRole> = new Set(['caption', 'header', 'note']);

function rowHtml(cells: readonly DocCell[], tag: 'th' | 'td'): string {
  const heads = tag === 'td' && cells.length > 0 && cells.every((cell) => HEADING_ROLES.has(cell.role));
  return `<tr${heads ? ' class="heads"' : ''}>${cells.map((cell) => cellHtml(cell, tag)).join('')}</tr>`;
}

function rowsHtml(cellsByRow: readonly DocCell[][], from: number, to: number, tag: 'th' | 'td'): string {
  return cellsByRow
    .slice(from, to)
    .map((cells) => rowHtml(cells, tag))
    .join('\n');
}

export function tableHtml(table: DocTable): string {
  const cellsByRow: DocCell[][] = Array.from({ length: table.rowCount }, () => []);
  for (const cell of table.cells) cellsByRow[cell.row]!.push(cell);
  const columns = table.columnWidthsMm.map((mm) => `<col style="width: ${mm}mm">`).join('');
  const head = table.headerRows > 0 ? `<thead>\n${rowsHtml(cellsByRow, 0, table.headerRows, 'th')}\n</thead>\n` : '';
  const body = `<tbody>\n${rowsHtml(cellsByRow, table.headerRows, table.rowCount, 'td')}\n</tbody>`;
  return `<table class="${table.id}">\n<colgroup>${columns}</colgroup>\n${head}${body}\n</table>`;
}
