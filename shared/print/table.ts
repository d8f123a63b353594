import type { DocCell, DocCellRole, DocTable } from '../document/model.ts';
import { TABLE_CELL_PADDING_MM, TABLE_FONT_PT, widthInChars } from '../document/typography.ts';
import { escapeHtml } from './escape.ts';

/**
 * A table of the document model as HTML: the model's merges as rowspan/colspan, its
 * column widths in mm, and its header rows in <thead>, which Chromium repeats on every
 * page the table crosses.
 */

const TABLE_CHAR_MM = (TABLE_FONT_PT * 25.4) / 72;

/** Roles of rows that only head what follows (table 2's captions and header rows). */
const HEADING_ROLES: ReadonlySet<DocCellRole> = new Set(['caption', 'header', 'note']);

/** How many lines a cell's text takes at most in its columns (every row is at least one line). */
function lineCount(cell: DocCell, table: DocTable): number {
  const widthMm = table.columnWidthsMm.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  const charsPerLine = Math.max(1, Math.floor((widthMm - 2 * TABLE_CELL_PADDING_MM) / TABLE_CHAR_MM));
  return Math.ceil(widthInChars(cell.text) / charsPerLine);
}

/**
 * Rows that must stay on the page of the row below them: heading rows, and the first
 * rows of a cell spanning rows, until they have as many lines as its label. When such a
 * cell crosses a page, Chromium sets its label at the top of the first part and would
 * let it run past that part's last row; kept rows give the label room there.
 */
function rowsKeptWithNext(table: DocTable, cellsByRow: readonly DocCell[][]): Set<number> {
  const kept = new Set<number>();
  const rowLines = cellsByRow.map((cells) =>
    Math.max(1, ...cells.filter((cell) => cell.rowSpan === 1).map((cell) => lineCount(cell, table))),
  );
  cellsByRow.forEach((cells, row) => {
    if (cells.length > 0 && cells.every((cell) => HEADING_ROLES.has(cell.role))) kept.add(row);
  });
  for (const cell of table.cells.filter((c) => c.rowSpan > 1)) {
    const needed = lineCount(cell, table);
    let lines = 0;
    for (let row = cell.row; row < cell.row + cell.rowSpan - 1; row++) {
      lines += rowLines[row]!;
      if (lines >= needed) break;
      kept.add(row);
    }
  }
  return kept;
}

function cellHtml(cell: DocCell, tag: 'th' | 'td'): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  const size = cell.sizePt ? ` style="font-size: ${cell.sizePt}pt"` : '';
  return `<${tag}${spans} class="${cell.role}"${size}>${escapeHtml(cell.text)}</${tag}>`;
}

export function tableHtml(table: DocTable): string {
  const cellsByRow: DocCell[][] = Array.from({ length: table.rowCount }, () => []);
  for (const cell of table.cells) cellsByRow[cell.row]!.push(cell);
  const kept = rowsKeptWithNext(table, cellsByRow);
  const rows = (from: number, to: number, tag: 'th' | 'td') =>
    cellsByRow
      .slice(from, to)
      .map((cells, i) => {
        const keep = tag === 'td' && kept.has(from + i) ? ' class="keep-with-next"' : '';
        return `<tr${keep}>${cells.map((cell) => cellHtml(cell, tag)).join('')}</tr>`;
      })
      .join('\n');
  const columns = table.columnWidthsMm.map((mm) => `<col style="width: ${mm}mm">`).join('');
  const head = table.headerRows > 0 ? `<thead>\n${rows(0, table.headerRows, 'th')}\n</thead>\n` : '';
  const body = `<tbody>\n${rows(table.headerRows, table.rowCount, 'td')}\n</tbody>`;
  return `<table class="${table.id}">\n<colgroup>${columns}</colgroup>\n${head}${body}\n</table>`;
}
