import type { DocumentModel } from '../../shared/document/model.ts';
import { PAGE } from '../../shared/document/typography.ts';
import { rowsOf, tables } from './documentText.ts';
import { pageWords } from './poppler.ts';
import type { PdfWord } from './poppler.ts';

/** Checks of a printed layout (Chromium's PDF or LibreOffice's PDF of the DOCX) against its model. */

const PT_PER_MM = 72 / 25.4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The table rows whose figures do not stand whole, left to right, on one line of
 * `pdftotext -layout` (a figure broken over two lines, or a row split).
 */
export function rowsNotOnOneLine(layoutText: string, model: DocumentModel): string[] {
  const lines = layoutText.split('\n');
  return tables(model).flatMap((table) =>
    rowsOf(table).flatMap((row) => {
      const figures = row.filter((cell) => cell.key && cell.text).map((cell) => cell.text);
      if (figures.length === 0) return [];
      const line = new RegExp(`(^|\\s)${figures.map(escapeRegExp).join('\\s+')}(\\s|$)`);
      return lines.some((text) => line.test(text)) ? [] : [`${table.id} row ${row[0]!.row}: ${figures.join(' ')}`];
    }),
  );
}

/**
 * Words of the tables (from section 二's heading to section 五's) that reach past the
 * left or right edge of the type area (a point of tolerance).
 */
export function tableWordsOutsideTypeArea(file: string, model: DocumentModel): PdfWord[] {
  const left = PAGE.marginLeftMm * PT_PER_MM - 1;
  const right = (PAGE.marginLeftMm + PAGE.typeAreaWidthMm) * PT_PER_MM + 1;
  const headings = model.sections.map((section) => section.heading);
  const words = pageWords(file).flatMap((page) => page.words);
  const from = words.findIndex((word) => word.text === headings[1]);
  const to = words.findIndex((word) => word.text === headings[4]);
  if (from < 0 || to < from) throw new Error(`section headings not found in ${file}`);
  return words.slice(from, to).filter((word) => word.xMin < left || word.xMax > right);
}
