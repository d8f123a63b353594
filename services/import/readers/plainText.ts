import { restoreIdeographs } from '../../../shared/text/ideographs.ts';
import type { SourceCell, SourceDocument, SourceLine } from '../source.ts';

/**
 * Plain text as extracted from published reports: tables flattened either to one row
 * per line with tab-separated cells, or to one cell per line (each cell line starts with
 * a tab, a cell's text may continue on following lines, and rows are separated by blank
 * lines, as in seed 002). Both become lines of cells.
 */

/** A cell line of the one-cell-per-line form: a tab, then the cell's text without tabs (a lone tab is an empty cell). */
const CELL_LINE = /^\t[^\t]*$/;
/** A cell's text broken after a blank line is short (`结果` / `纠正`). */
const MAX_BROKEN_CELL_CHARS = 10;

function cells(texts: readonly string[]): SourceCell[] {
  return texts.map((text) => ({ text: text.trim() }));
}

/**
 * Groups a run of one-cell-per-line cells into rows. A line without a leading tab
 * continues the cell above; after a blank line it does so only when it is short and a
 * cell line follows (a cell broken by an empty paragraph).
 */
function readCellRun(lines: readonly string[], start: number): { rows: SourceLine[]; end: number } {
  const rows: SourceLine[] = [];
  let row: string[] = [];
  let blankBefore = false;
  let i = start;
  const closeRow = (): void => {
    if (row.length) rows.push({ cells: cells(row) });
    row = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' && !line.startsWith('\t')) {
      blankBefore = true;
      continue;
    }
    if (CELL_LINE.test(line)) {
      if (blankBefore) closeRow();
      row.push(line.slice(1));
    } else {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      const brokenCell = blankBefore && Array.from(line.trim()).length <= MAX_BROKEN_CELL_CHARS && next !== undefined && CELL_LINE.test(next);
      if (row.length === 0 || (blankBefore && !brokenCell)) break;
      row[row.length - 1] += line.trim();
    }
    blankBefore = false;
  }
  closeRow();
  return { rows, end: i };
}

/** Starts a one-cell-per-line run: at least two consecutive cell lines (blank lines between allowed). */
function startsCellRun(lines: readonly string[], i: number): boolean {
  if (!CELL_LINE.test(lines[i]!)) return false;
  const next = lines.slice(i + 1).find((l) => l.trim() !== '');
  return next !== undefined && CELL_LINE.test(next);
}

export function readPlainText(text: string): SourceDocument {
  const lines = restoreIdeographs(text.replace(/^\uFEFF/, '')).split(/\r\n|\r|\n/);
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; ) {
    if (startsCellRun(lines, i)) {
      const run = readCellRun(lines, i);
      out.push(...run.rows);
      i = run.end;
      continue;
    }
    const line = lines[i]!;
    out.push({ cells: line.includes('\t') ? cells(line.split('\t')) : [{ text: line.trim() }] });
    i++;
  }
  return { format: 'text', lines: out };
}
