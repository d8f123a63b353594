import type { TableId } from '../format/index.ts';

/**
 * The document model: what the exported report looks like, independent of the output.
 * DOCX and the print layout (preview, printing, PDF) both render this; neither reads
 * the report directly.
 */

/** Structure levels inside a section (GB/T 9704 7.3.3): （一） → 1. → （1）, plus 一是… */
export type LeadLevel = 'level2' | 'level3' | 'level4' | 'ordinal';

export interface DocParagraph {
  readonly kind: 'paragraph';
  /**
   * A heading that opens the paragraph (`（一）主动公开情况`, `1.完善保密制度。`,
   * `一是`), printed in its level's face; the paragraph may consist of it alone.
   */
  readonly lead?: { readonly level: LeadLevel; readonly text: string };
  readonly text: string;
  /** Flush left, without the first-line indent: a letter's salutation (主送机关, GB/T 9704 7.3.2 居左顶格). */
  readonly flush?: true;
}

export type DocCellRole = 'caption' | 'header' | 'rowLabel' | 'note' | 'value' | 'total';

export interface DocCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
  readonly role: DocCellRole;
  /** For value cells, the report's cell key. */
  readonly key?: string;
  /** A figure set smaller than the table's type so that it stays on one line (see figureSize.ts). */
  readonly sizePt?: number;
}

export interface DocTable {
  readonly kind: 'table';
  /** One of the report's tables, or the year-over-year comparison (a document of its own). */
  readonly id: TableId | 'comparison';
  /** The table's title as the format names it (the web page's caption, the workbook's sheet). */
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Leading rows repeated on every page the table crosses. */
  readonly headerRows: number;
  readonly columnWidthsMm: readonly number[];
  /** Cells in reading order (row, then column); covered cells are absent. */
  readonly cells: readonly DocCell[];
}

export type DocBlock = DocParagraph | DocTable;

export interface DocSection {
  readonly key: string;
  /** `一、总体情况` etc., printed in 黑体. */
  readonly heading: string;
  readonly blocks: readonly DocBlock[];
}

export interface DocumentModel {
  readonly title: string;
  /**
   * The title as printed: on one line, or, when it is too long for one, the agency on the
   * first line and `{年}年政府信息公开工作年度报告` on the second (GB/T 9704 7.3.1:
   * words kept whole, lines arranged symmetrically).
   */
  readonly titleLines: readonly string[];
  readonly properties: { readonly title: string; readonly author: string; readonly subject: string };
  /** Unnumbered paragraphs between the title and 一、 (basis, period, publication, contact). */
  readonly preamble: readonly DocParagraph[];
  readonly sections: readonly DocSection[];
  /**
   * Agency name and date at the end, right-aligned (indents: `signatureIndents`);
   * absent when the user chose to print neither.
   */
  readonly signature?: { readonly agency?: string; readonly date?: string };
  /**
   * `草稿`, printed at the top of every page, while the report still has errors (the
   * checks' error severity) unless the agency's export options turn it off; absent
   * on a report without errors.
   */
  readonly draftMark?: string;
}
