import type { FindingKind, Severity } from '../checks/index.ts';

/**
 * The superior office's 汇总: a workspace per superior agency and year, the units it
 * expects reports from, the files received, and the review of each unit. Plain data
 * (no class instances), so every type crosses IPC unchanged.
 */

/** One superior agency's 汇总 of one year. */
export interface SummaryWorkspace {
  readonly id: number;
  /** The superior agency (an agency of the store). */
  readonly agencyId: number;
  readonly agencyName: string;
  readonly year: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A unit the workspace expects a report from. */
export interface ExpectedUnit {
  readonly id: number;
  /** The unit's name as the office lists it (usually the full name). */
  readonly name: string;
  /** Other names the unit's reports may carry (简称, old names). */
  readonly aliases: readonly string[];
}

/** A unit as typed, pasted or imported, before it has an id. */
export interface UnitEntry {
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * How a received file was matched to an expected unit:
 * - `matched`: one unit, by its name or an alias (`exact`), by the same name once
 *   全称/简称 and whitespace are set aside (`tolerant`), or chosen by the reviewer (`manual`);
 * - `ambiguous`: more than one unit fits equally: the reviewer chooses among `candidates`;
 * - `unmatched`: no unit fits (`candidates` lists near ones, maybe none).
 * A file is never matched by a guess between two units.
 */
export type UnitMatch =
  | { readonly status: 'matched'; readonly unitId: number; readonly by: 'exact' | 'tolerant' | 'manual' }
  | { readonly status: 'ambiguous'; readonly candidates: readonly number[] }
  | { readonly status: 'unmatched'; readonly candidates: readonly number[] };

/** What reading one received file gave. */
export type FileReading =
  | {
      readonly status: 'read';
      /** The agency and year the file states (null when it does not). */
      readonly agency: string | null;
      readonly year: number | null;
      /** `exchange` for a `.nianbao` file, else the importer's source format (`docx`, `pdf` …). */
      readonly sourceFormat: string;
      /** Cells whose reading is not certain (medium/low confidence, unplaced, unreadable). */
      readonly uncertainCells: number;
    }
  | { readonly status: 'unreadable'; /** Why, in Chinese. */ readonly reason: string };

/** A received file: kept with its bytes (in the store), so the review can be re-run. */
export interface ReceivedFile {
  readonly id: number;
  readonly fileName: string;
  readonly receivedAt: string;
  readonly byteLength: number;
  readonly reading: FileReading;
  readonly match: UnitMatch;
  /** 1, 2, … per unit in the order received; null while the file has no unit. */
  readonly revision: number | null;
}

/** The review's verdict on a unit (未报送 / 有错误 / 有警告 / 通过). */
export type ReviewState = 'missing' | 'errors' | 'warnings' | 'passed';

export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  missing: '未报送',
  errors: '有错误',
  warnings: '有警告',
  passed: '通过',
};

/** The carry-over (上年结转 = last year's 结转下年度) against the unit's last year. */
export type CarryOverCheck =
  | { readonly status: 'unknown' }
  | { readonly status: 'consistent' }
  /** `columns`: the applicant columns that differ, as the format names them. */
  | { readonly status: 'mismatch'; readonly columns: readonly string[] };

/** One row of the review table: one expected unit. */
export interface ReviewRow {
  readonly unitId: number;
  readonly unitName: string;
  readonly state: ReviewState;
  /** The received file the row is about (the chosen revision), or null when 未报送. */
  readonly fileId: number | null;
  readonly fileName: string | null;
  readonly revision: number | null;
  /** How many readable files were received for the unit. */
  readonly revisions: number;
  /** More than one revision and none chosen yet: the reviewer must choose (the newest is shown). */
  readonly needsChoice: boolean;
  /** Set when the unit's only files could not be read: the first reason. */
  readonly unreadable: string | null;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly kinds: Readonly<Record<FindingKind, number>>;
  /** Where the errors and warnings are: table short names (`表三`) and section headings, in format order. */
  readonly places: readonly string[];
  readonly carryOver: CarryOverCheck;
  /** Prose that contradicts the tables (the `P-` rules). */
  readonly proseConflicts: number;
  readonly uncertainCells: number;
  /** Set when the report shown is of another year than the workspace's (a unit sent the wrong year's file). */
  readonly otherYear?: number;
  /** The reviewer's note on the unit ('' when none). */
  readonly note: string;
}

/** A reviewer's note, kept by unit and finding key, so it survives a corrected file. */
export interface ReviewNote {
  readonly unitId: number;
  /** `findingNoteKey(finding)`, or '' for the note on the unit. */
  readonly findingKey: string;
  readonly text: string;
  readonly updatedAt: string;
}
