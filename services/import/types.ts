import type { TableId } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import type { PageBox, PageSize, SourceFormat } from './source.ts';

/**
 * The result of importing a published report: for every data cell what was found and
 * how sure the reading is, what could not be matched, the section texts, and a report
 * built from it. Plain JSON (no class instances), so it crosses IPC unchanged.
 */

/**
 * - `read`: a figure was read;
 * - `blank`: the cell is printed blank (or with a dash);
 * - `missing`: the row or column is not printed at all;
 * - `unreadable`: the cell holds text that is not a figure;
 * - `unplaced`: figures were printed but could not be assigned to columns with certainty.
 * Only `read` cells have a value; nothing is ever filled in.
 */
export type CellStatus = 'read' | 'blank' | 'missing' | 'unreadable' | 'unplaced';

/** `high`: labels and position agree exactly; `medium`: read through noise or a tolerance; `low`: to be checked. */
export type Confidence = 'high' | 'medium' | 'low';

export interface CellReading {
  /** Cell key of the format (`t3.granted.total`). */
  readonly key: string;
  readonly table: TableId;
  /** A total column or row: the value goes to the report's stated totals. */
  readonly isTotal: boolean;
  readonly status: CellStatus;
  /** The figure in canonical digits, or null. */
  readonly value: string | null;
  /** The cell's text as printed ('' for a blank cell; null when no cell was found). */
  readonly raw: string | null;
  readonly confidence: Confidence;
  /** Why the reading is not certain, or why there is no value (Chinese). */
  readonly note?: string;
  /** Index of the source line (in `sourceLines`) the cell was read from. */
  readonly line?: number;
  /** Where the cell's text is printed on its page (PDF; see `ImportResult.pageSizes`). */
  readonly box?: PageBox;
}

export interface ImportIssue {
  readonly level: 'warning' | 'info';
  /** Where: a section heading, a table name, `标题`… */
  readonly where: string;
  readonly message: string;
  readonly line?: number;
}

/** Text that belongs to no recognised part (noise, labels not matched, stray figures). */
export interface UnmatchedText {
  readonly text: string;
  readonly line: number;
  readonly where: string;
}

export interface ImportedSection {
  readonly key: string;
  /** The heading as printed, or null when the section was not found. */
  readonly heading: string | null;
  /** The section's text (paragraphs separated by line breaks; tables left out). */
  readonly text: string;
}

export interface ImportResult {
  readonly fileName: string;
  readonly sourceFormat: SourceFormat;
  readonly pages?: number;
  /** Each page's size in PDF points, page 1 first (PDF), for placing the cells' boxes. */
  readonly pageSizes?: readonly PageSize[];
  /** The file's text, line by line (table cells separated by tabs), for review. */
  readonly sourceLines: readonly string[];
  readonly title: string | null;
  readonly agency: string | null;
  readonly year: number | null;
  /** The unit text of the fee column header as printed, e.g. `单位：万元`. */
  readonly feesUnitNote: string | null;
  /** The six sections in format order. */
  readonly sections: readonly ImportedSection[];
  /** Text between the title and 一、 (the preamble). */
  readonly preamble: string;
  /** Every data cell of the format, in format order. */
  readonly cells: readonly CellReading[];
  readonly unmatched: readonly UnmatchedText[];
  readonly issues: readonly ImportIssue[];
  /** The report built from what was read: blank cells stay blank. */
  readonly report: Report;
}
