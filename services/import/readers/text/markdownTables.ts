import type { SourceCell, SourceLine } from '../../source.ts';

/**
 * Tables of Markdown written by converters (pandoc, PDF-to-Markdown tools): pipe tables
 * (`| a | b |`, separator rows `|---|` anywhere), grid tables (`+---+---+` borders, a
 * cell's text over several lines) and pandoc's simple and multiline tables (columns
 * given by a line of dash runs). Each row becomes a line of cells positioned by their
 * column number, so that values are placed under their headers exactly. Consecutive
 * pieces of a table with as many columns are one table (converters break tables into
 * fragments); a piece with another number of columns is another table.
 */

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?\s*$/;
const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const DASH_RUNS = /^\s*-{3,}(?: +-{3,})*\s*$/;

/** Columns a character takes in a monospaced Markdown table: East Asian wide characters take two. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

function width(char: string): number {
  return WIDE.test(char) ? 2 : 1;
}

/** The text between display columns [from, to) of a line. */
function slice(line: string, from: number, to: number): string {
  let column = 0;
  let text = '';
  for (const char of line) {
    if (column >= from && column < to) text += char;
    column += width(char);
    if (column >= to) break;
  }
  return text;
}

export interface TableBlock {
  /** The rows, each a line of cells positioned by column number. */
  readonly rows: SourceLine[];
  /** Index of the line after the table. */
  readonly end: number;
  readonly columns: number;
}

function gridRow(texts: readonly string[], table: number, printed: string): SourceLine {
  const cells: SourceCell[] = texts.map((text, i) => ({ text: text.trim(), x0: i, x1: i + 1 }));
  return { cells, table, layout: 'grid', printed };
}

/** Cells of a pipe row: split at `|` not escaped, without the outer pipes. */
function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

function readPipeTable(lines: readonly string[], start: number, table: number): TableBlock {
  const rows: SourceLine[] = [];
  let columns = 0;
  let i = start;
  for (; i < lines.length && PIPE_ROW.test(lines[i]!); i++) {
    if (PIPE_SEPARATOR.test(lines[i]!)) continue;
    const cells = pipeCells(lines[i]!);
    columns = Math.max(columns, cells.length);
    rows.push(gridRow(cells, table, lines[i]!));
  }
  return { rows, end: i, columns };
}

/** Column boundaries (display columns) of a border or dash line: each run of dashes is a column. */
function runs(line: string, dash: RegExp): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let column = 0;
  let from = -1;
  for (const char of `${line} `) {
    if (dash.test(char)) {
      if (from < 0) from = column;
    } else if (from >= 0) {
      out.push({ from, to: column });
      from = -1;
    }
    column += width(char);
  }
  return out;
}

/** A grid table: rows between border lines, each column's text joined over the row's lines. */
function readGridTable(lines: readonly string[], start: number, table: number): TableBlock {
  const columns = runs(lines[start]!, /[-=:]/);
  const rows: SourceLine[] = [];
  let pending: string[] = [];
  let printed: string[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (GRID_BORDER.test(line)) {
      if (printed.length) rows.push(gridRow(pending, table, printed.join(' ')));
      pending = [];
      printed = [];
      continue;
    }
    if (!/^\s*\|/.test(line)) break;
    const texts = columns.map((c) => slice(line, c.from, c.to).replace(/^\|/, '').replace(/\|$/, '').trim());
    pending = columns.map((_, k) => [pending[k] ?? '', texts[k]!].filter(Boolean).join(''));
    printed.push(line);
  }
  return { rows, end: i, columns: columns.length };
}

/** How many header lines a multiline table may have between its two dash lines. */
const MAX_HEADER_LINES = 8;

/**
 * Pandoc's multiline tables (and headerless simple ones): a line of dash runs gives the
 * columns; a full dash line above it opens a header. Rows are separated by blank lines
 * (a row's cells may take several lines) or, when the table has no blank line, are one
 * line each. The table ends at the next dash line.
 */
function readDashTable(lines: readonly string[], start: number, table: number): TableBlock | undefined {
  let columnLine = start;
  if (runs(lines[start]!, /-/).length === 1) {
    columnLine = start + 1;
    while (columnLine < lines.length && columnLine - start <= MAX_HEADER_LINES && lines[columnLine]!.trim() !== '' && !DASH_RUNS.test(lines[columnLine]!)) columnLine++;
    if (columnLine >= lines.length || !DASH_RUNS.test(lines[columnLine]!) || runs(lines[columnLine]!, /-/).length < 2) return undefined;
  }
  const columns = runs(lines[columnLine]!, /-/);
  const cut = (line: string): string[] =>
    columns.map((c, k) => slice(line, k === 0 ? 0 : c.from, k + 1 < columns.length ? columns[k + 1]!.from : Number.MAX_SAFE_INTEGER).trim());
  let end = columnLine + 1;
  while (end < lines.length && !DASH_RUNS.test(lines[end]!)) end++;
  const body = lines.slice(columnLine + 1, end);
  const groups: string[][] = [];
  const multiline = body.some((l) => l.trim() === '');
  if (columnLine > start) groups.push(lines.slice(start + 1, columnLine));
  let group: string[] = [];
  for (const line of body) {
    if (line.trim() === '') {
      if (group.length) groups.push(group);
      group = [];
    } else if (multiline) group.push(line);
    else groups.push([line]);
  }
  if (group.length) groups.push(group);
  const rows = groups.map((g) => {
    const parts = g.map(cut);
    return gridRow(columns.map((_, k) => parts.map((p) => p[k]!).join('')), table, g.join(' '));
  });
  return { rows, end: Math.min(lines.length, end + 1), columns: columns.length };
}

/** The table starting at a line, if one does. */
export function readMarkdownTable(lines: readonly string[], start: number, table: number): TableBlock | undefined {
  const line = lines[start]!;
  if (PIPE_ROW.test(line)) return readPipeTable(lines, start, table);
  if (GRID_BORDER.test(line)) return readGridTable(lines, start, table);
  if (DASH_RUNS.test(line)) return readDashTable(lines, start, table);
  return undefined;
}
