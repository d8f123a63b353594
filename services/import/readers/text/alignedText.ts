import type { SourceCell, SourceLine } from '../../source.ts';

/**
 * Text laid out in columns by runs of spaces, as `pdftotext -layout` writes a PDF's
 * tables and as text copied out of a PDF viewer often is. Such a line is cut into its
 * words, each with its character columns, so that figures are placed under the header
 * words above them, as the PDF reader places them by coordinates (pdftotext puts each
 * character in one column, whatever its width).
 *
 * Text without the layout (`pdftotext -raw`) prints a row's figures after its label,
 * one space apart (`规章 0 0 0`); those figures are cut off the label as cells of their own.
 */

/** A gap of this many spaces between two words is a column gap, not a space inside a sentence. */
const COLUMN_GAP = /\S {2,}\S/;
/** Indentation this deep is a header word or a figure standing in its column, not a paragraph's first-line indent. */
const MIN_COLUMN_INDENT = 6;
/** A figure as printed in a table (digits, separators, a dash for none). */
const FIGURE = /^(?:[+-]?[\d\uFF10-\uFF19][\d\uFF10-\uFF19,，.．]*|[-—–－―])$/;

/** Whether a text is a figure as a table prints it (digits, separators, or a dash for none). */
export function isFigure(text: string): boolean {
  return FIGURE.test(text);
}

/** Whether a line of text is laid out in columns. */
export function isAlignedLine(line: string): boolean {
  if (COLUMN_GAP.test(line.trimEnd())) return true;
  const indent = /^ */.exec(line)![0].length;
  return indent >= MIN_COLUMN_INDENT && line.trim() !== '';
}

/** The words of a line with their character columns (code points, as pdftotext counts them). */
export function words(line: string): SourceCell[] {
  const cells: SourceCell[] = [];
  let column = 0;
  let word = '';
  let start = 0;
  for (const char of line) {
    if (char === ' ' || char === '\t' || char === '\u3000') {
      if (word) cells.push({ text: word, x0: start, x1: column });
      word = '';
    } else {
      if (!word) start = column;
      word += char;
    }
    column++;
  }
  if (word) cells.push({ text: word, x0: start, x1: column });
  return cells;
}

/** Aligned lines are compared page by page; their table numbers are kept apart from Markdown tables'. */
const PAGE_TABLES = 1_000_000;

export function alignedLine(line: string, page: number): SourceLine {
  return { cells: words(line), table: PAGE_TABLES + page, layout: 'aligned', printed: line };
}

/**
 * A label followed by figures one space apart (`规章 0 0 0`, `0 0 0 0 0 0 0`): the label
 * and each figure as cells, or undefined when the line does not end in figures.
 */
export function labelAndFigures(line: string): SourceLine | undefined {
  const parts = line.trim().split(/\s+/);
  let first = parts.length;
  while (first > 0 && FIGURE.test(parts[first - 1]!)) first--;
  if (first === parts.length) return undefined;
  if (first > 0 && !/\p{Script=Han}/u.test(parts.slice(0, first).join(''))) return undefined;
  const label = parts.slice(0, first).join(' ');
  const figures = parts.slice(first).map((text) => ({ text }));
  return { cells: label ? [{ text: label }, ...figures] : figures, printed: line, gapless: true };
}
