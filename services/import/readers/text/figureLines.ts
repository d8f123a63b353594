import type { SourceCell } from '../../source.ts';
import { isAlignedLine, isFigure } from './alignedText.ts';

/**
 * Text that extractors such as `mutool draw -F txt` and pdfminer's `pdf2txt.py` write: a
 * table cell per line, without tabs, so a row is its label's line followed by one line
 * per figure (`规章` / `0` / `0` / `0`), and table 4's row is a run of figure lines of
 * its own. A run of lines each holding one figure, with no blank line between, is read
 * as one line of cells after the label just above it. A blank cell prints no line at
 * all: a row with fewer figures than columns says nothing about which are blank, and
 * placement by count leaves it unplaced.
 */

/**
 * Whether a line holds one figure and nothing else, at the margin: indented figures belong
 * to aligned text, and a tab starts a cell of the tab-separated forms (`cellRuns.ts`).
 */
export function isFigureLine(line: string): boolean {
  return !line.includes('\t') && isFigure(line.trim()) && !isAlignedLine(line);
}

/** The number of figure lines from `start` on, with no blank line between. */
export function figureRunLength(lines: readonly string[], start: number): number {
  let end = start;
  while (end < lines.length && isFigureLine(lines[end]!)) end++;
  return end - start;
}

export function figureCells(lines: readonly string[], start: number, count: number): SourceCell[] {
  return lines.slice(start, start + count).map((line) => ({ text: line.trim() }));
}
