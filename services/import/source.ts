/**
 * What every reader (DOCX, PDF, HTML, XLSX, plain text) turns a file into: the document's lines in
 * reading order. A paragraph is a line of one cell; a table row is a line of several
 * cells. Rows read from a real table (DOCX, a ruled PDF table) carry each cell's
 * horizontal extent, so values can be placed under their column headers by position.
 */

/**
 * Where something is printed on a PDF page, in PDF points from the page's lower-left
 * corner (y upwards, as in PDF user space): x, y are the lower-left corner of the box.
 */
export interface PageBox {
  /** 1-based page number. */
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A page's size in PDF points (its crop box, unrotated). */
export interface PageSize {
  readonly width: number;
  readonly height: number;
}

export interface SourceCell {
  readonly text: string;
  /** Horizontal extent: grid columns (DOCX, HTML, XLSX) or points (PDF). Absent in plain text. */
  readonly x0?: number;
  readonly x1?: number;
  /** The continuation of a vertically merged cell: its text repeats the merged cell's. */
  readonly continued?: boolean;
  /** Where the cell's text (or, when it is blank, the ruled cell) is printed (PDF). */
  readonly box?: PageBox;
  /**
   * The figures of several cells printed with nothing between them (`1000001`, a crawler's
   * text of a web table): which digits belong to which cell is not printed.
   */
  readonly runTogether?: boolean;
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
  /**
   * The cells were cut out of text where a blank cell prints nothing (figures one space
   * apart, one a line, or run together): fewer figures than columns do not say which
   * cells are the blank ones.
   */
  readonly gapless?: boolean;
  /** The line as printed, when its cells were cut out of it (kept for sections and review). */
  readonly printed?: string;
}

export type SourceFormat = 'docx' | 'pdf' | 'html' | 'xlsx' | 'text';

export interface SourceDocument {
  readonly format: SourceFormat;
  readonly lines: readonly SourceLine[];
  /** Number of pages (PDF). */
  readonly pages?: number;
  /** Each page's size, page 1 first (PDF). */
  readonly pageSizes?: readonly PageSize[];
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
