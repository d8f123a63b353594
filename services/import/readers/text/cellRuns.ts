import type { SourceCell, SourceLine } from '../../source.ts';

/**
 * Tables flattened to one cell per line (as in seed 002): each cell line starts with a
 * tab, a cell's text may continue on following lines, and rows are separated by blank
 * lines. Scanned once from left to right: `nextPrinted` says where the next non-blank
 * line is, so the time stays linear in the number of lines.
 */

/** A cell line of the one-cell-per-line form: a tab, then the cell's text without tabs (a lone tab is an empty cell). */
const CELL_LINE = /^\t[^\t]*$/;
/** A cell's text broken after a blank line is short (`结果` / `纠正`). */
const MAX_BROKEN_CELL_CHARS = 10;

export function cellsOf(texts: readonly string[]): SourceCell[] {
  return texts.map((text) => ({ text: text.trim() }));
}

function isBlank(line: string): boolean {
  return line.trim() === '' && !line.startsWith('\t');
}

/** For each line, the index of the next line after it that is not blank (`lines.length` if none). */
export function nextPrintedLines(lines: readonly string[]): Int32Array {
  const next = new Int32Array(lines.length);
  let following = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    next[i] = following;
    if (!isBlank(lines[i]!)) following = i;
  }
  return next;
}

/** Starts a one-cell-per-line run: at least two consecutive cell lines (blank lines between allowed). */
export function startsCellRun(lines: readonly string[], next: Int32Array, i: number): boolean {
  return CELL_LINE.test(lines[i]!) && next[i]! < lines.length && CELL_LINE.test(lines[next[i]!]!);
}

/**
 * Groups a run of one-cell-per-line cells into rows. A line without a leading tab
 * continues the cell above; after a blank line it does so only when it is short and a
 * cell line follows (a cell broken by an empty paragraph).
 */
export function readCellRun(lines: readonly string[], next: Int32Array, start: number): { rows: SourceLine[]; end: number } {
  const rows: SourceLine[] = [];
  let row: string[] = [];
  let blankBefore = false;
  let i = start;
  const closeRow = (): void => {
    if (row.length) rows.push({ cells: cellsOf(row) });
    row = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      blankBefore = true;
      continue;
    }
    if (CELL_LINE.test(line)) {
      if (blankBefore) closeRow();
      row.push(line.slice(1));
    } else {
      const following = next[i]! < lines.length ? lines[next[i]!] : undefined;
      const brokenCell = blankBefore && Array.from(line.trim()).length <= MAX_BROKEN_CELL_CHARS && following !== undefined && CELL_LINE.test(following);
      if (row.length === 0 || (blankBefore && !brokenCell)) break;
      row[row.length - 1] += line.trim();
    }
    blankBefore = false;
  }
  closeRow();
  return { rows, end: i };
}
