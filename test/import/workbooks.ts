import ExcelJS from 'exceljs';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocParagraph, DocTable } from '../../shared/document/model.ts';
import type { Report } from '../../shared/model/report.ts';

/**
 * Workbooks built with exceljs the ways offices distribute the three tables: the whole
 * report on one sheet as printed, or one table per sheet with its labels further right,
 * figures typed as text, a note row and a blank column.
 */

type Figures = 'numbers' | 'text';

function paragraphText(p: DocParagraph): string {
  return `${p.lead?.text ?? ''}${p.text}`;
}

/** Writes a table of the document model at `top`/`left` (1-based) with its merges; returns the row after it. */
function writeTable(sheet: ExcelJS.Worksheet, table: DocTable, top: number, left: number, figures: Figures): number {
  for (const cell of table.cells) {
    const row = top + cell.row;
    const col = left + cell.col;
    const isFigure = (cell.role === 'value' || cell.role === 'total') && /^\d+(\.\d+)?$/.test(cell.text);
    if (cell.text !== '') sheet.getCell(row, col).value = isFigure && figures === 'numbers' ? Number(cell.text) : cell.text;
    if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(row, col, row + cell.rowSpan - 1, col + cell.colSpan - 1);
  }
  return top + table.rowCount;
}

/** The whole report on one sheet, column A, as it prints: title, preamble, the six sections with their tables. */
export async function reportSheetWorkbook(report: Report): Promise<Uint8Array> {
  const model = buildDocument(report);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('年度报告');
  let row = 1;
  sheet.getCell(row++, 1).value = model.title;
  for (const p of model.preamble) sheet.getCell(row++, 1).value = paragraphText(p);
  for (const section of model.sections) {
    sheet.getCell(row++, 1).value = section.heading;
    for (const block of section.blocks) {
      if (block.kind === 'table') row = writeTable(sheet, block, row, 1, 'numbers');
      else sheet.getCell(row++, 1).value = paragraphText(block);
    }
  }
  if (model.signature?.agency) sheet.getCell(row++, 1).value = model.signature.agency;
  if (model.signature?.date) sheet.getCell(row++, 1).value = model.signature.date;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * One sheet per table (表二、表三、表四), each under its heading with a unit note, the
 * table starting in column C after an empty column, figures typed as text; the title
 * on the first sheet only.
 */
export async function tablePerSheetWorkbook(report: Report): Promise<Uint8Array> {
  const model = buildDocument(report);
  const workbook = new ExcelJS.Workbook();
  const names = { table2: '表二 主动公开', table3: '表三 依申请公开', table4: '表四 复议诉讼' } as const;
  let first = true;
  for (const section of model.sections) {
    const table = section.blocks.find((b): b is DocTable => b.kind === 'table');
    if (!table || table.id === 'comparison') continue;
    const sheet = workbook.addWorksheet(names[table.id as keyof typeof names]);
    let row = 1;
    if (first) {
      sheet.getCell(row, 2).value = model.title;
      sheet.mergeCells(row, 2, row, 2 + table.columnCount);
      row++;
      first = false;
    }
    sheet.getCell(row++, 2).value = section.heading;
    sheet.getCell(row++, 2).value = '填报说明：数据截至12月31日';
    writeTable(sheet, table, row, 3, 'text');
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook of something else: a staff list. */
export async function otherWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员名单');
  sheet.addRow(['姓名', '科室', '电话']);
  sheet.addRow(['张三', '办公室', '0398-1234567']);
  sheet.addRow(['李四', '财务科', '0398-7654321']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
