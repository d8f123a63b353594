import { blankAgency } from '../../shared/model/report.ts';
import { agencySchema } from '../../shared/model/schemas.ts';
import type { Agency, AgencyLevel } from '../../shared/model/report.ts';
import type { Db } from './database.ts';
import { statement } from './database.ts';
import { Refusal } from './refusal.ts';

/** Agencies: the bodies a clerk writes for, with the details remembered for their next report. */

export interface AgencySummary {
  readonly id: number;
  readonly name: string;
  readonly level: AgencyLevel;
  /** Reports not in the recycle bin. */
  readonly reportCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When it was moved to the recycle bin, or null. */
  readonly deletedAt: string | null;
}

export interface StoredAgency extends AgencySummary {
  /** The remembered details (name, contact, export options …) new reports start from. */
  readonly agency: Agency;
}

interface AgencyRow {
  readonly id: number;
  readonly name: string;
  readonly details: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
  readonly report_count: number;
}

const SELECT = `
  SELECT a.*, (SELECT count(*) FROM reports r WHERE r.agency_id = a.id AND r.deleted_at IS NULL) AS report_count
  FROM agencies a`;

/** Stored details, read leniently: fields a later model adds take their blank values. */
function readDetails(row: AgencyRow): Agency {
  const blank = blankAgency(row.name);
  const stored = JSON.parse(row.details) as Record<string, unknown>;
  const merged = Object.fromEntries(Object.keys(blank).map((key) => [key, stored[key] ?? blank[key as keyof Agency]]));
  const parsed = agencySchema.safeParse(merged);
  return parsed.success ? parsed.data : blank;
}

function toSummary(row: AgencyRow): AgencySummary {
  return {
    id: row.id,
    name: row.name,
    level: readDetails(row).level,
    reportCount: row.report_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function toRecord(row: AgencyRow): StoredAgency {
  return { ...toSummary(row), agency: readDetails(row) };
}

function agencyRow(db: Db, id: number): AgencyRow | undefined {
  return statement(db, `${SELECT} WHERE a.id = ?`).get(id) as AgencyRow | undefined;
}

export function requireAgency(db: Db, id: number): AgencyRow {
  const row = agencyRow(db, id);
  if (!row) throw new Refusal(`找不到编号为${id}的机关。`);
  return row;
}

/** An agency that is not in the recycle bin. */
export function requireLiveAgency(db: Db, id: number): AgencyRow {
  const row = requireAgency(db, id);
  if (row.deleted_at) throw new Refusal(`机关“${row.name}”在回收站中，请先将其恢复。`);
  return row;
}

export function listAgencies(db: Db, deleted: boolean): AgencySummary[] {
  const rows = statement(db, `${SELECT} WHERE (a.deleted_at IS NOT NULL) = ? ORDER BY a.name, a.id`).all(deleted ? 1 : 0) as AgencyRow[];
  return rows.map(toSummary);
}

/** The live agency of that name (the most recently used when several share it). */
export function findAgencyByName(db: Db, name: string): AgencyRow | undefined {
  return statement(db, `${SELECT} WHERE a.name = ? AND a.deleted_at IS NULL ORDER BY a.updated_at DESC, a.id DESC LIMIT 1`).get(name) as
    | AgencyRow
    | undefined;
}

export function refuseDuplicateName(db: Db, name: string, exceptId?: number): void {
  const existing = findAgencyByName(db, name);
  if (existing && existing.id !== exceptId) throw new Refusal(`已经有名为“${name}”的机关（编号${existing.id}）。`);
}

export function insertAgency(db: Db, agency: Agency, now: string): AgencySummary {
  const { lastInsertRowid } = statement(db, 'INSERT INTO agencies (name, details, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    agency.name,
    JSON.stringify(agency),
    now,
    now,
  );
  return toSummary(requireAgency(db, Number(lastInsertRowid)));
}

/** An agency's name and details as stored, when a caller has read them already. */
export interface StoredDetails {
  readonly name: string;
  readonly details: string;
}

/**
 * Remembers `agency` as the agency's details (also done by every report save). Details
 * that did not change are not written: an autosave then commits only the report's pages.
 * Given what is stored (an autosave reads it with the report's head), unchanged details
 * cost no statement at all.
 */
export function writeAgencyDetails(db: Db, id: number, agency: Agency, now: string, stored?: StoredDetails): void {
  const details = JSON.stringify(agency);
  if (stored && stored.name === agency.name && stored.details === details) return;
  statement(db, 'UPDATE agencies SET name = @name, details = @details, updated_at = @now WHERE id = @id AND (name IS NOT @name OR details IS NOT @details)').run(
    { name: agency.name, details, now, id },
  );
}

export function setAgencyDeleted(db: Db, id: number, deletedAt: string | null, now: string): AgencySummary {
  statement(db, 'UPDATE agencies SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, now, id);
  return toSummary(requireAgency(db, id));
}
