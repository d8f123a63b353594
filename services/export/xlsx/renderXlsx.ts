import type { Borders, Workbook, Worksheet } from 'exceljs';
import type { DocCell, DocTable, DocumentModel } from '../../../shared/document/model.ts';
import { columnWidths, LINE_HEIGHT_PT, rowLines } from './sheetGeometry.ts';
import { workbookBytes } from './workbookBytes.ts';

/**
 * The report's tables as an XLSX workbook, one sheet per table (named by its title), for superior
 * offices that collect the tables in a spreadsheet: the report's and the table's title
 * on top, then the document model's grid (the official labels and merges), every
 * figure a number as printed (totals as values, never formulas), blanks empty, the
 * header rows and label columns frozen.
 */

/** Rows above the grid: the report's title, the table's title. */
const TITLE_ROWS = 2;

/** A figure as printed (`12`, `1.2345`); anything else stays text, exactly as the report prints it. */
const FIGURE = /^\d+(?:\.(\d+))?$/;

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const ALL_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel forbids []:*?/\ in a sheet's name and allows 31 characters. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

function putCell(sheet: Worksheet, cell: DocCell): void {
  const row = TITLE_ROWS + cell.row + 1;
  const col = cell.col + 1;
  const target = sheet.getCell(row, col);
  const figure = cell.key !== undefined ? FIGURE.exec(cell.text) : null;
  if (figure) {
    target.value = Number(cell.text);
    target.numFmt = figure[1] ? `0.${'0'.repeat(figure[1].length)}` : '0';
  } else if (cell.text) {
    target.value = cell.text;
  }
  target.alignment = { vertical: 'middle', horizontal: cell.role === 'rowLabel' ? 'left' : 'center', wrapText: true };
  if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(row, col, row + cell.rowSpan - 1, col + cell.colSpan - 1);
}

function addTableSheet(workbook: Workbook, model: DocumentModel, table: DocTable): void {
  const headerEnd = TITLE_ROWS + table.headerRows;
  const labelColumns = Math.min(...table.cells.filter((c) => c.key !== undefined).map((c) => c.col));
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', xSplit: labelColumns, ySplit: headerEnd }],
    pageSetup: {
      paperSize: 9,
      orientation: table.columnCount > 4 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(table.headerRows > 0 ? { printTitlesRow: `${TITLE_ROWS + 1}:${headerEnd}` } : {}),
    },
  });
  const widths = columnWidths(table);
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  [model.title, table.title].forEach((title, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = title;
    row.getCell(1).font = { bold: true, size: i === 0 ? 14 : 12 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = i === 0 ? 22 : 18;
    sheet.mergeCells(i + 1, 1, i + 1, table.columnCount);
  });
  rowLines(table, widths).forEach((lines, row) => (sheet.getRow(TITLE_ROWS + row + 1).height = lines * LINE_HEIGHT_PT));
  for (let row = 0; row < table.rowCount; row++) {
    for (let col = 0; col < table.columnCount; col++) sheet.getCell(TITLE_ROWS + row + 1, col + 1).border = ALL_BORDERS;
  }
  for (const cell of table.cells) putCell(sheet, cell);
}

export async function renderXlsx(model: DocumentModel): Promise<Uint8Array> {
  // exceljs takes longer to load than most CLI commands take to run, and the app needs it
  // only here: it is loaded on the first export, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = model.properties.author;
  workbook.title = model.properties.title;
  workbook.subject = model.properties.subject;
  const tables = model.sections.flatMap((section) => section.blocks.filter((block): block is DocTable => block.kind === 'table'));
  for (const table of tables) addTableSheet(workbook, model, table);
  return workbookBytes(workbook);
}
