import type { DocBlock, DocumentModel } from '../../shared/document/model.ts';
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

/** Roles of the cells of a table's title rows (captions, headers, the corner note). */
const TITLE_ROLES = new Set(['caption', 'header', 'note']);

/**
 * What must share a page: each section heading and each lead standing alone with the
 * start of what follows it, and each run of a table's title rows (table 2's caption and header rows, the head of
 * tables 3 and 4) with the row after it. Returns those found on different pages, given
 * the text of each page (`pdftotext -raw`, page numbers removed).
 */
export function keptApart(pages: readonly string[], model: DocumentModel): string[] {
  const squashed = pages.map((page) => page.replace(/\s+/g, ''));
  const starts = squashed.reduce<number[]>((acc, page, i) => [...acc, (acc[i - 1] ?? 0) + (i > 0 ? squashed[i - 1]!.length : 0)], []);
  const all = squashed.join('');
  const pageAt = (offset: number) => starts.findLastIndex((start) => start <= offset);
  let cursor = 0;
  /** Where `text` next occurs after the cursor (which moves there). */
  const find = (text: string): number => {
    const at = all.indexOf(text.replace(/\s+/g, ''), cursor);
    if (at < 0) throw new Error(`not found in order: ${text}`);
    cursor = at;
    return at;
  };
  const apart: string[] = [];
  const together = (first: string, next: string, what: string) => {
    const a = find(first);
    const b = find(next);
    if (pageAt(a) !== pageAt(b)) apart.push(`${what}: “${first}” on page ${pageAt(a) + 1}, “${next}” on page ${pageAt(b) + 1}`);
  };
  const opening = (block: DocBlock) => (block.kind === 'table' ? '' : `${block.lead?.text ?? ''}${block.text}`.slice(0, 6));
  for (const section of model.sections) {
    section.blocks.forEach((block, i) => {
      const next = section.blocks[i + 1];
      if (block.kind === 'paragraph') {
        if (i === 0) together(section.heading, opening(block), section.heading);
        // A lead standing alone (（一）主动公开情况) goes with the paragraph it heads.
        if (block.lead && !block.text && next) together(block.lead.text, opening(next), block.lead.text);
        return;
      }
      const rows = rowsOf(block);
      const isTitle = (row: number) => rows[row]!.length > 0 && rows[row]!.every((cell) => TITLE_ROLES.has(cell.role));
      const firstOfRow = (row: number) => rows[row]![0]!.text;
      for (let row = 0; row < rows.length; row++) {
        if (!isTitle(row) || (row > 0 && isTitle(row - 1))) continue;
        let after = row;
        while (after < rows.length && isTitle(after)) after++;
        if (after === rows.length) continue;
        // The heading goes with the table's first rows; a later caption with the rows it heads.
        together(row === 0 && i === 0 ? section.heading : firstOfRow(row), firstOfRow(after), `${block.id} row ${row}`);
      }
    });
  }
  return apart;
}
