import { currentFormat } from '../../../../shared/format/index.ts';
import type { ReportFormat } from '../../../../shared/format/index.ts';
import type { Result } from '../../../../shared/model/validation.ts';
import { restoreIdeographs } from '../../text/ideographs.ts';
import { isPageFurniture } from '../../text/pageFurniture.ts';
import type { SourceDocument, SourceLine } from '../../source.ts';
import { alignedLine, isAlignedLine, labelAndFigures } from './alignedText.ts';
import { cellsOf, nextPrintedLines, readCellRun, startsCellRun } from './cellRuns.ts';
import { figureCells, figureRunLength, isFigureLine } from './figureLines.ts';
import { readMarkdownTable } from './markdownTables.ts';
import { breakRunOnLine, isRunOnLine } from './runOnText.ts';

/**
 * Plain text as published reports come out of other programs: tables as tab-separated
 * rows, one cell per line (`cellRuns.ts`), columns aligned by spaces (`pdftotext
 * -layout`, `alignedText.ts`), a label and its figures one space apart (`pdftotext
 * -raw`), Markdown tables (`markdownTables.ts`), or a whole report run together on one
 * line (`runOnText.ts`); everything becomes lines of cells.
 * Form feeds (page breaks) end a page: aligned columns are compared within a page.
 */

/** Most lines accepted: a report is a few hundred to a few thousand lines. */
export const MAX_TEXT_LINES = 100_000;
/** Most characters accepted (a report's text is well under 200,000). */
export const MAX_TEXT_CHARS = 4_000_000;
/** Longest label a line cut into label and figures may have (the longest official label has 35 characters). */
const MAX_LABEL_CHARS = 40;

function tooLarge(text: string, lines: number): string | undefined {
  if (text.length > MAX_TEXT_CHARS) {
    return `文本有${text.length.toLocaleString('en-US')}个字符，超过了${MAX_TEXT_CHARS.toLocaleString('en-US')}个字符的上限，不像是一份年度报告。请只导入报告本身。`;
  }
  if (lines > MAX_TEXT_LINES) {
    return `文本有${lines.toLocaleString('en-US')}行，超过了${MAX_TEXT_LINES.toLocaleString('en-US')}行的上限，不像是一份年度报告。请只导入报告本身。`;
  }
  return undefined;
}

/** A text with this many lines laid out in columns is laid out throughout (`pdftotext -layout`). */
const MIN_ALIGNED_LINES = 5;

/** One line that is not part of a table block. */
function plainLine(line: string, page: number, laidOut: boolean): SourceLine {
  if (line.includes('\t')) return { cells: cellsOf(line.split('\t')) };
  if (isPageFurniture([line])) return { cells: [{ text: line.trim() }] };
  if (laidOut || isAlignedLine(line)) return alignedLine(line, page);
  const split = Array.from(line).length <= MAX_LABEL_CHARS + 40 && !line.includes('。') ? labelAndFigures(line) : undefined;
  if (split && Array.from(split.cells[0]!.text).length <= MAX_LABEL_CHARS) return split;
  return { cells: [{ text: line.trim() }] };
}

export function readPlainText(text: string, format: ReportFormat = currentFormat): Result<SourceDocument> {
  const refused = tooLarge(text, (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1);
  if (refused) return { ok: false, error: refused };
  const lines = restoreIdeographs(text.replace(/^\uFEFF/, '')).split(/\r\n|\r|\n/);
  const next = nextPrintedLines(lines);
  let alignedLines = 0;
  for (const line of lines) if (isAlignedLine(line)) alignedLines++;
  const laidOut = alignedLines >= MIN_ALIGNED_LINES;
  const out: SourceLine[] = [];
  let page = 0;
  let table = 0;
  /** The last Markdown table, while only blank lines and page furniture follow it. */
  let lastTable: { id: number; columns: number } | undefined;
  for (let i = 0; i < lines.length; ) {
    let line = lines[i]!;
    if (line.includes('\f')) {
      page += line.split('\f').length - 1;
      line = line.replace(/\f/g, '');
    }
    if (startsCellRun(lines, next, i)) {
      const run = readCellRun(lines, next, i);
      out.push(...run.rows);
      lastTable = undefined;
      i = run.end;
      continue;
    }
    const block = readMarkdownTable(lines, i, table);
    if (block) {
      // A fragment continuing the table before it (only blank lines and page furniture between) with as many columns.
      const id = lastTable?.columns === block.columns ? lastTable.id : table++;
      out.push(...block.rows.map((row) => ({ ...row, table: id })));
      lastTable = { id, columns: block.columns };
      i = block.end;
      continue;
    }
    if (isRunOnLine(line, format)) {
      out.push(...breakRunOnLine(line, format));
      lastTable = undefined;
      i++;
      continue;
    }
    // A cell per line (mutool, pdfminer): a label's line and the figure lines right under it are one row.
    const ownFigure = isFigureLine(line);
    const labelled = !ownFigure && line.trim() !== '' && !line.includes('\t') && !isPageFurniture([line]) && Array.from(line.trim()).length <= MAX_LABEL_CHARS && !line.includes('。');
    const start = labelled ? i + 1 : i;
    const figures = laidOut || !(labelled || ownFigure) ? 0 : figureRunLength(lines, start);
    if ((labelled && figures > 0) || (ownFigure && figures > 1)) {
      const label = labelled ? plainLine(line, page, laidOut).cells : [];
      out.push({ cells: [...label, ...figureCells(lines, start, figures)], printed: lines.slice(i, start + figures).map((l) => l.trim()).join(' '), gapless: true });
      lastTable = undefined;
      i = start + figures;
      continue;
    }
    const plain = plainLine(line, page, laidOut);
    if (line.trim() !== '' && !isPageFurniture([line])) lastTable = undefined;
    out.push(plain);
    i++;
  }
  return { ok: true, value: { format: 'text', lines: out } };
}
