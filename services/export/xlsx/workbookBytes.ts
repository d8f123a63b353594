import type { Workbook } from 'exceljs';
import { printable } from '../../../shared/document/printableText.ts';

/**
 * The XLSX file of a workbook, every text in it printable (shared/document/printableText.ts):
 * exceljs leaves out control characters itself but writes U+FFFE and U+FFFF, which no XML may
 * hold, and Excel then calls the file damaged. A 汇总's sheets carry units' names, notes and
 * file names as they came, so every workbook written goes through here.
 */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  workbook.creator = printable(workbook.creator);
  workbook.title = printable(workbook.title);
  workbook.subject = printable(workbook.subject);
  workbook.eachSheet((sheet) => {
    sheet.name = printable(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'string') cell.value = printable(cell.value);
        if (typeof cell.note === 'string') cell.note = printable(cell.note);
      }),
    );
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
