import type { SourceCell, SourceLine } from '../source.ts';
import type { CellReading, ImportIssue, UnmatchedText } from '../types.ts';
import { cleanCell } from './cells.ts';

/** A source line with its index in the document, its cells cleaned of extraction debris. */
export interface IndexedLine {
  readonly index: number;
  readonly line: SourceLine;
}

export function cleanCells(line: SourceLine): SourceCell[] {
  return line.cells.map((cell) => ({ ...cell, text: cleanCell(cell.text) }));
}

/** What a table recogniser returns: its cells, the lines it used, and what it could not match. */
export interface TableReading {
  /** True when the table was recognised at all (a header or a row label was found). */
  readonly found: boolean;
  readonly cells: readonly CellReading[];
  /** Lines that belong to the table (header, rows, noise inside it). */
  readonly used: ReadonlySet<number>;
  readonly unmatched: readonly UnmatchedText[];
  readonly issues: readonly ImportIssue[];
}

/** Horizontal overlap of two extents, as a share of the narrower one. */
export function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  const shared = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const narrower = Math.min(a.x1 - a.x0, b.x1 - b.x0);
  return narrower <= 0 ? 0 : Math.max(0, shared) / narrower;
}

export function extent(cell: SourceCell): { x0: number; x1: number } | undefined {
  return cell.x0 === undefined || cell.x1 === undefined ? undefined : { x0: cell.x0, x1: cell.x1 };
}

const MIN_PROSE_CHARS = 15;

/** A sentence on its own line near a table: it belongs to the section's text, not to the table. */
export function isProse(texts: readonly string[]): boolean {
  const printed = texts.filter(Boolean);
  return printed.length === 1 && Array.from(printed[0]!).length >= MIN_PROSE_CHARS;
}

/**
 * A table ends at its last recognised line: what follows (another table under a heading
 * that was not found, the section's text) is not the table's, so it is neither used
 * nor reported as noise of this table.
 */
export function endAt(reading: TableReading, lastLine: number): TableReading {
  const within = (line: number | undefined): boolean => line === undefined || line <= lastLine;
  return {
    ...reading,
    used: new Set([...reading.used].filter((l) => l <= lastLine)),
    unmatched: reading.unmatched.filter((u) => within(u.line)),
    issues: reading.issues.filter((i) => within(i.line)),
  };
}

/** What a table recogniser collects while reading: lines used, text not matched, remarks. */
export class Notes {
  readonly used = new Set<number>();
  readonly unmatched: UnmatchedText[] = [];
  readonly issues: ImportIssue[] = [];
  private readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  /** Text left out of the table, with the remark that says so. */
  skipped(text: string, line: number, level: 'info' | 'warning', message: string): void {
    this.unmatched.push({ text, line, where: this.name });
    this.issues.push({ level, where: this.name, message, line });
  }

  warn(message: string, line?: number): void {
    this.issues.push({ level: 'warning', where: this.name, message, ...(line === undefined ? {} : { line }) });
  }
}

/**
 * Why no row of a text table is placed once figures stand apart from every row: the text
 * is not in row order (pdfminer prints tables column by column), so a row with figures
 * beside it may have them from another row, and a row without may have them elsewhere.
 */
export const OUT_OF_ROW_ORDER = '表中有不在任何一行旁边的数字，原文不是按行排列的（可能是按列输出的文本），无法确定各数所属的行和列';
