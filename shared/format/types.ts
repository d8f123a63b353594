/**
 * The shape of an official report format, as data. Everything that prints, checks
 * or reads a report (grid, checks, DOCX, print layout, import) takes its labels,
 * keys and merges from a `ReportFormat`; no official label is typed anywhere else.
 */

/** What a data cell holds. */
export type ValueKind = 'count' | 'money';

export interface SectionDef {
  /** Stable key, e.g. `overview`. */
  readonly key: string;
  /** The exact heading, e.g. `一、总体情况`. */
  readonly heading: string;
  /** The heading's numeral with its 、 (e.g. `一、`), used to recognise headings. */
  readonly numeral: string;
  /** Variant headings seen in real reports that mean this section. */
  readonly variants: readonly string[];
  /** What the section must cover, shown to the user as guidance. */
  readonly guidance: string;
  /** Which table (if any) the section holds, directly under its heading. */
  readonly table?: TableId;
  /** Starter paragraphs the editor offers (user edits them). */
  readonly starters: readonly string[];
}

export type TableId = 'table2' | 'table3' | 'table4';

/** One data cell of a table: a figure the user types or the app derives. */
export interface CellDef {
  /** Stable key of the cell, unique across the report (e.g. `t3.granted.total`). */
  readonly key: string;
  readonly table: TableId;
  readonly kind: ValueKind;
  /** 件 for counts, 万元 for money. */
  readonly unit: '件' | '万元';
  /** Human-readable location: the row's and the column's own labels as printed. */
  readonly rowLabel: string;
  readonly columnLabel: string;
  /** The column's parent headers joined by —, e.g. `行政诉讼—复议后起诉` (empty if none). */
  readonly columnGroup: string;
  /** Fixture-schema style row key (e.g. `denied.stateSecret`) and column key. */
  readonly rowKey: string;
  readonly columnKey: string;
  /** When set, the cell is derived from other cells and never typed. */
  readonly sumOf?: readonly string[];
}

/** A header or label in a printed table, with the path of labels it belongs to. */
export type LabelPath = readonly string[];

/** Table 2: a stack of blocks, each with a caption row, a header row and data rows. */
export interface BlockTableDef {
  readonly id: 'table2';
  readonly title: string;
  readonly columnCount: number;
  readonly blocks: readonly {
    readonly caption: string;
    readonly labelHeader: string;
    readonly columns: readonly { readonly key: string; readonly label: string }[];
    readonly rows: readonly { readonly key: string; readonly label: string; readonly kind: ValueKind }[];
  }[];
}

/** Tables 3 and 4: row labels (a tree, as paths) × column headers (a tree, as paths). */
export interface CrossTableDef {
  readonly id: 'table3' | 'table4';
  readonly title: string;
  /** Text of the top-left corner cell (spans all header rows and label columns), if any. */
  readonly corner?: string;
  readonly columns: readonly { readonly key: string; readonly path: LabelPath; readonly isTotal?: boolean }[];
  readonly rows: readonly {
    readonly key: string;
    readonly path: LabelPath;
    /** Row whose values are the sum of the listed rows, per column. */
    readonly sumOfRows?: readonly string[];
  }[];
  /**
   * The balance the corner note states, per column: the sum of the `left` rows equals
   * the sum of the `right` rows (table 3: 一+二 = 三（七）+ 四).
   */
  readonly balance?: { readonly left: readonly string[]; readonly right: readonly string[] };
  /** Number of label columns at the left (0 when rows carry no labels, as in table 4). */
  readonly labelColumns: number;
  /** Number of header rows. */
  readonly headerRows: number;
}

export type TableDef = BlockTableDef | CrossTableDef;

/** A cell of a printed grid, 0-based, with its spans. Covered cells are absent. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly content:
    | { readonly type: 'label'; readonly text: string; readonly role: 'caption' | 'header' | 'rowLabel' | 'note' }
    | { readonly type: 'data'; readonly key: string };
}

export interface TableLayout {
  readonly id: TableId;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Leading rows that form the table head (repeated on every printed page). */
  readonly headerRows: number;
  /** Column widths in millimetres, summing to the type-area width. */
  readonly columnWidthsMm: readonly number[];
  readonly cells: readonly GridCell[];
}

/** The fee column's header wording: the official one or the common provincial variant. */
export type FeeUnitWording = 'official' | 'fourDecimals';

export interface ReportFormat {
  /** Format id, e.g. `2021` (国办公开办函〔2021〕30号). */
  readonly id: string;
  readonly name: string;
  /** The instrument that issued the format. */
  readonly basis: string;
  /** Title pattern pieces: `{agency}{year}年` + titleSuffix. */
  readonly titleSuffix: string;
  readonly sections: readonly SectionDef[];
  readonly tables: {
    readonly table2: BlockTableDef;
    readonly table3: CrossTableDef;
    readonly table4: CrossTableDef;
  };
  readonly feeHeader: Readonly<Record<FeeUnitWording, string>>;
  readonly typeAreaWidthMm: number;
  readonly columnWidthsMm: Readonly<Record<TableId, readonly number[]>>;
}
