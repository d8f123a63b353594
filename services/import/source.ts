/**
 * What every reader (DOCX, PDF, HTML, XLSX, plain text) turns a file into: the document's lines in
 * reading order. A paragraph is a line of one cell; a table row is a line of several
 * cells. Rows read from a real table (DOCX, a ruled PDF table) carry each cell's
 * horizontal extent, so values can be placed under their column headers by position.
 */

export interface SourceCell {
  readonly text: string;
  /** Horizontal extent: grid columns (DOCX, HTML, XLSX) or points (PDF). Absent in plain text. */
  readonly x0?: number;
  readonly x1?: number;
  /** The continuation of a vertically merged cell: its text repeats the merged cell's. */
  readonly continued?: boolean;
}

export interface SourceLine {
  readonly cells: readonly SourceCell[];
  /** Which table of the document the line is a row of (DOCX, PDF, HTML, XLSX); absent otherwise. */
  readonly table?: number;
  /** The page the line is printed on (PDF). */
  readonly page?: number;
  /**
   * How the cells of a plain-text line got their positions: `aligned`, character columns
   * of a table aligned by runs of spaces (`pdftotext -layout`: approximate, a figure may
   * stand a little off its header); `grid`, column numbers of a Markdown table (exact).
   */
  readonly layout?: 'aligned' | 'grid';
  /** The line as printed, when its cells were cut out of it (kept for sections and review). */
  readonly printed?: string;
}

export type SourceFormat = 'docx' | 'pdf' | 'html' | 'xlsx' | 'text';

export interface SourceDocument {
  readonly format: SourceFormat;
  readonly lines: readonly SourceLine[];
  /** Number of pages (PDF). */
  readonly pages?: number;
}

export function paragraphLine(text: string, page?: number): SourceLine {
  return { cells: [{ text }], ...(page === undefined ? {} : { page }) };
}

/** The line as one string: cells separated by tabs, line breaks inside cells as spaces. */
export function lineText(line: SourceLine): string {
  if (line.printed !== undefined) return line.printed;
  return line.cells.map((c) => c.text.replace(/\s*\n\s*/g, ' ')).join('\t');
}

/** True when the line's cells carry positions (a row of a real table). */
export function isPositioned(line: SourceLine): boolean {
  return line.cells.length > 0 && line.cells.every((c) => c.x0 !== undefined && c.x1 !== undefined);
}
