import type { Report } from '../../shared/model/report.ts';
import type { Db } from './database.ts';
import { statement } from './database.ts';
import { Refusal } from './refusal.ts';
import type { EncodedReport } from './snapshot.ts';
import { decodeReport, storedBytes } from './snapshot.ts';

/** Reports: one per agency and year (among those not in the recycle bin). */

export interface ReportEntry {
  readonly id: number;
  readonly agencyId: number;
  /** The agency's remembered name. */
  readonly agencyName: string;
  readonly year: number;
  /** A name the user gave this draft (empty: shown as agency and year). */
  readonly label: string;
  readonly createdAt: string;
  /** Time of the last save that changed something. */
  readonly updatedAt: string;
  /** When it was moved to the recycle bin, or null. */
  readonly deletedAt: string | null;
}

export interface StoredReport {
  readonly summary: ReportEntry;
  readonly report: Report;
}

/** A report's row without its content: enough to check, summarise and write it. */
export interface ReportHead {
  readonly id: number;
  readonly agency_id: number;
  readonly agency_name: string;
  readonly agency_deleted_at: string | null;
  readonly year: number;
  readonly label: string;
  readonly content_hash: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
}

export interface ReportRow extends ReportHead {
  readonly content: string;
}

const FROM = 'FROM reports r JOIN agencies a ON a.id = r.agency_id';
const SELECT = `SELECT r.*, a.name AS agency_name, a.deleted_at AS agency_deleted_at ${FROM}`;
/**
 * What every autosave reads, in one statement: the report's head (without its ~10 KB of
 * content), its agency's stored details and when its newest revision was kept. The agency's columns come from subqueries
 * on `r.agency_id`, not from a join: SQLite plans a join with an eye on the bound report id,
 * which marks the statement to be re-prepared when that binding changes, and better-sqlite3
 * clears the bindings after every call, so a join here was re-prepared (and its row
 * constructor compiled anew) on every save.
 */
const SELECT_SAVE_HEAD = `
  SELECT r.id, r.agency_id, r.year, r.label, r.content_hash, r.created_at, r.updated_at, r.deleted_at,
         (SELECT name FROM agencies WHERE id = r.agency_id) AS agency_name,
         (SELECT deleted_at FROM agencies WHERE id = r.agency_id) AS agency_deleted_at,
         (SELECT details FROM agencies WHERE id = r.agency_id) AS agency_details,
         (SELECT created_at FROM revisions v WHERE v.report_id = r.id ORDER BY v.id DESC LIMIT 1) AS last_revision_at
  FROM reports r WHERE r.id = ?`;

/** A report's head as a save needs it. */
export interface SaveHead extends ReportHead {
  /** The agency's remembered details (JSON), to write them only when they change. */
  readonly agency_details: string;
  /** When the newest revision was kept, or null when there is none. */
  readonly last_revision_at: string | null;
}

export function toSummary(row: ReportHead): ReportEntry {
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    year: row.year,
    label: row.label,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function toStored(row: ReportRow): StoredReport {
  return { summary: toSummary(row), report: decodeReport(row.content) };
}

export function describeReport(row: Pick<ReportHead, 'agency_name' | 'year'>): string {
  return `“${row.agency_name || '未命名机关'}”${row.year}年度报告`;
}

export function requireReport(db: Db, id: number): ReportRow {
  return found(statement(db, `${SELECT} WHERE r.id = ?`).get(id) as ReportRow | undefined, id);
}

/** The head of a report in no recycle bin, for a save. */
export function requireLiveSaveHead(db: Db, id: number): SaveHead {
  return live(found(statement(db, SELECT_SAVE_HEAD).get(id) as SaveHead | undefined, id));
}

function found<T extends ReportHead>(row: T | undefined, id: number): T {
  if (!row) throw new Refusal(`找不到编号为${id}的报告。`);
  return row;
}

/** A report that is in no recycle bin (neither it nor its agency). */
export function requireLiveReport(db: Db, id: number): ReportRow {
  return live(requireReport(db, id));
}

function live<T extends ReportHead>(row: T): T {
  if (row.deleted_at) throw new Refusal(`${describeReport(row)}在回收站中，请先将其恢复。`);
  if (row.agency_deleted_at) throw new Refusal(`机关“${row.agency_name}”在回收站中，请先将其恢复。`);
  return row;
}

export function liveReportFor(db: Db, agencyId: number, year: number): ReportRow | undefined {
  return statement(db, `${SELECT} WHERE r.agency_id = ? AND r.year = ? AND r.deleted_at IS NULL`).get(agencyId, year) as
    | ReportRow
    | undefined;
}

/** Refuses when the agency already has a live report for `year` (other than `exceptId`). */
export function refuseTakenYear(db: Db, agencyId: number, year: number, exceptId?: number): void {
  const existing = liveReportFor(db, agencyId, year);
  if (existing && existing.id !== exceptId) {
    throw new Refusal(`${describeReport(existing)}已经存在（编号${existing.id}）。每个机关每年只能有一份报告，请打开已有的那份。`);
  }
}

export function listReports(db: Db, agencyId: number | undefined, deleted: boolean): ReportEntry[] {
  const rows = statement(
    db,
    `${SELECT} WHERE (@agencyId IS NULL OR r.agency_id = @agencyId) AND a.deleted_at IS NULL AND (r.deleted_at IS NOT NULL) = @deleted
     ORDER BY a.name, r.agency_id, r.year DESC, r.id`,
  ).all({ agencyId: agencyId ?? null, deleted: deleted ? 1 : 0 }) as ReportRow[];
  return rows.map(toSummary);
}

export function insertReport(db: Db, agencyId: number, report: Report, encoded: EncodedReport, now: string): ReportRow {
  const { lastInsertRowid } = statement(
    db,
    'INSERT INTO reports (agency_id, year, content, content_hash, created_at, updated_at) VALUES (?, ?, CAST(? AS TEXT), ?, ?, ?)',
  ).run(agencyId, report.year, storedBytes(encoded), encoded.hash, now, now);
  return requireReport(db, Number(lastInsertRowid));
}

/**
 * The year is not written here: an UPDATE naming `year` rewrites its index entry even when the
 * value is the same, which costs every autosave a second page in the WAL. Same-sized content
 * is overwritten in place, so an autosave then commits only the pages whose bytes changed.
 * The content is bound as its UTF-8 bytes and stored as the text they are (CAST: the column
 * is TEXT, and a database in UTF-8 keeps the bytes as they are).
 */
export function writeReportContent(db: Db, id: number, encoded: EncodedReport, now: string): void {
  statement(db, 'UPDATE reports SET content = CAST(? AS TEXT), content_hash = ?, updated_at = ? WHERE id = ?').run(storedBytes(encoded), encoded.hash, now, id);
}

/** Moves a report to another year (the caller has refused a taken one). */
export function setReportYear(db: Db, id: number, year: number): void {
  statement(db, 'UPDATE reports SET year = ? WHERE id = ?').run(year, id);
}

export function setReportLabel(db: Db, id: number, label: string, now: string): ReportRow {
  statement(db, 'UPDATE reports SET label = ?, updated_at = ? WHERE id = ?').run(label, now, id);
  return requireReport(db, id);
}

export function setReportDeleted(db: Db, id: number, deletedAt: string | null): ReportRow {
  statement(db, 'UPDATE reports SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
  return requireReport(db, id);
}
