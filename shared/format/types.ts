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
  /**
   * `infoFee`: the section that also holds the structured 信息处理费 figures (printed as its
   * first sentence); with the figures given, its own text may be left empty.
   * `overview`, `problems`: the sections a superior office's local requirements speak of
   * (总体情况's length and sub-headings, problems listed item by item).
   */
  readonly role?: SectionRole;
}

export type SectionRole = 'infoFee' | 'overview' | 'problems';

/** A table's key in its format (`table3`); cell keys start with the table's `keyPrefix`. */
export type TableId = string;

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
  /**
   * The column's name in messages: its own label when that is unique in the table,
   * else its whole header path (`行政复议—结果维持`).
   */
  readonly columnName: string;
  /** The table's short name, e.g. `表三`. */
  readonly tableName: string;
  /** Fixture-schema style row key (e.g. `denied.stateSecret`) and column key. */
  readonly rowKey: string;
  readonly columnKey: string;
  /** When set, the cell is derived from other cells and never typed. */
  readonly sumOf?: readonly string[];
}

/** A header or label in a printed table, with the path of labels it belongs to. */
export type LabelPath = readonly string[];

/** What every table has: its id, how messages call it, and the prefix of its cell keys. */
interface TableBase {
  /** The table's title as printed in the official form, e.g. `三、收到和处理政府信息公开申请情况` (web page caption, XLSX sheet). */
  readonly title: string;
  /** Short name in messages and lists, e.g. `表三`. */
  readonly shortName: string;
  /** What the table counts, in a few words, e.g. `依申请公开` (import names the table `表三（依申请公开）`). */
  readonly subject: string;
  /** First part of every cell key of the table, e.g. `t3`. */
  readonly keyPrefix: string;
}

/** A stack of blocks, each with a caption row, a header row and data rows (table 2). */
export interface BlockTableDef extends TableBase {
  readonly id: TableId;
  readonly columnCount: number;
  readonly blocks: readonly {
    readonly caption: string;
    readonly labelHeader: string;
    readonly columns: readonly { readonly key: string; readonly label: string }[];
    readonly rows: readonly { readonly key: string; readonly label: string; readonly kind: ValueKind }[];
  }[];
}

/**
 * Tables 3 and 4: row labels (a tree, as paths) × column headers (a tree, as paths).
 * A table may have a single row with an empty path (table 4): it prints no row label,
 * its cell keys leave the row out, and its cells are named by their column.
 */
export interface CrossTableDef extends TableBase {
  readonly id: TableId;
  /** Rule ids of the table's identities start with this, e.g. `T3` (`T3-BAL`, `T3-RES`, `T3-SUM`). */
  readonly rulePrefix: string;
  /** Text of the top-left corner cell (spans all header rows and label columns), if any. */
  readonly corner?: string;
  readonly columns: readonly { readonly key: string; readonly path: LabelPath; readonly isTotal?: boolean }[];
  readonly rows: readonly {
    readonly key: string;
    readonly path: LabelPath;
    /** Row whose values are the sum of the listed rows, per column. */
    readonly sumOfRows?: readonly string[];
    /** What the summed rows are, for messages: `21项办理结果之和`. */
    readonly partsName?: string;
  }[];
  /**
   * The balance the corner note states, per column: the sum of the `left` rows equals
   * the sum of the `right` rows (table 3: 一+二 = 三（七）+ 四), and the rule in words.
   */
  readonly balance?: { readonly left: readonly string[]; readonly right: readonly string[]; readonly rule: string };
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

/**
 * A money column whose header an agency prints in one of two wordings (table 2's
 * 本年收费金额): the official one, or a common provincial variant saying that amounts
 * are printed with a fixed number of decimals (then they are padded to it).
 */
export interface FeeColumn {
  /** The cell under the header, e.g. `t2.fees`. */
  readonly cell: string;
  readonly header: Readonly<Record<FeeUnitWording, string>>;
  /** The text in a printed header that marks the variant wording, e.g. `4位小数`. */
  readonly decimalsMark: string;
  /** How many decimals amounts are printed with under the variant wording. */
  readonly decimals: number;
}

/** The figures of the fee reported in a section's text (the report model's `infoFee`). */
export type InfoFeeField = 'noticesIssued' | 'noticeAmountYuan' | 'collectedYuan';

/**
 * The words of the fee figures a section reports (信息处理费 under
 * 《政府信息公开信息处理费管理办法》): the editor's fields, the messages, and the sentence
 * that opens the section: `sentence.lead`, then each figure stated as `words` figure `unit`,
 * joined by `，`, then `。`; `sentence.none` when no notice was issued and nothing collected.
 */
export interface InfoFeeWords {
  /** What the figures are, in messages and the editor, e.g. `信息处理费`. */
  readonly name: string;
  /** In the sentence's order. */
  readonly figures: readonly {
    readonly field: InfoFeeField;
    /** The editor's field label, e.g. `收费通知总金额（元）`. */
    readonly label: string;
    /** The words stating it in the sentence, e.g. `总金额`. */
    readonly words: string;
    /** What a message calls it before its figure (`收费通知总金额100元`). */
    readonly what: string;
    readonly unit: '件' | '元';
  }[];
  readonly sentence: { readonly lead: string; readonly none: string };
}

/** The tables of a format by id; a format's own type may name them (`Format2021Tables`). */
export type FormatTables = Readonly<Record<TableId, TableDef>>;

export interface ReportFormat<Tables extends FormatTables = FormatTables> {
  /** Format id, e.g. `2021` (国办公开办函〔2021〕30号). */
  readonly id: string;
  readonly name: string;
  /** The instrument that issued the format. */
  readonly basis: string;
  /** The first reporting year written in this format; it is used up to the next format's first year (`formatForYear`). */
  readonly firstYear: number;
  /** Title pattern pieces: `{agency}{year}年` + titleSuffix. */
  readonly titleSuffix: string;
  readonly sections: readonly SectionDef[];
  /** The tables by id, in printed order. */
  readonly tables: Tables;
  /** Title endings seen in published reports, for recognising a title (the official one first). */
  readonly titleSuffixForms: readonly string[];
  /** The money column printed in the wording the agency chooses, if the format has one. */
  readonly feeColumn?: FeeColumn;
  /** The fee figures the section with role `infoFee` reports, with their words, if the format has them. */
  readonly infoFee?: InfoFeeWords;
  readonly columnWidthsMm: Readonly<Record<TableId, readonly number[]>>;
  readonly relations: FormatRelations;
}

/** Cells by what they mean, with the words a message uses for them. */
export interface NamedCells {
  readonly keys: readonly string[];
  /** E.g. `本年新收政府信息公开申请总计`; messages put the table's short name before it. */
  readonly name: string;
  /** The words by which prose mentions them, when a rule looks for them or a sentence states them (`复议`, `收到政府信息公开申请`). */
  readonly keyword?: string;
}

/** How prose and the UI say the two rows of the carry-over (`上年结转`, `结转下年度继续办理`). */
export interface CarryOverWords {
  readonly from: string;
  readonly to: string;
}

/**
 * What the format's figures mean beyond each table's own sums: the rules that compare
 * years, tables and prose read them here. Each is optional: a format without one
 * simply has no such rule.
 */
export interface FormatRelations {
  /**
   * This year's `toRow` continues last year's `fromRow`, column by column (上年结转 ← 结转下年度);
   * `words` are the two rows as prose and the UI say them (`上年结转`, `结转下年度继续办理`).
   */
  readonly carryOver?: {
    readonly table: TableId;
    readonly fromRow: string;
    readonly toRow: string;
    readonly words: CarryOverWords;
  };
  /**
   * Documents in force: last year's in force + issued − repealed = this year's, per row;
   * `words` are the columns as a sentence says them (`本年制发`).
   */
  readonly documentStock?: {
    readonly table: TableId;
    readonly rows: readonly string[];
    readonly columns: { readonly issued: string; readonly repealed: string; readonly inForce: string };
    readonly words: { readonly issued: string; readonly repealed: string; readonly inForce: string };
  };
  /** Applications received this year (total). */
  readonly applicationsReceived?: NamedCells;
  /** Applications dropped because the applicant did not pay the 信息处理费. */
  readonly unpaidFeeApplications?: NamedCells;
  /** Fees charged (table 2's 行政事业性收费). */
  readonly feesCharged?: NamedCells;
  /** Review and litigation cases (table 4's totals), one group per kind of case. */
  readonly cases?: readonly NamedCells[];
  /** Documents issued this year that must be published (规章, 行政规范性文件). */
  readonly documentsIssued?: NamedCells;
}
