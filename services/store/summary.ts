import { createHash } from 'node:crypto';
import type { Report } from '../../shared/model/report.ts';
import { plainUnitName } from '../../shared/summary/index.ts';
import type { ExpectedUnit, FileReading, ReceivedFile, ReviewNote, SummaryWorkspace, UnitEntry, UnitMatch } from '../../shared/summary/index.ts';
import type { Db } from './database.ts';
import { statement } from './database.ts';
import { Refusal } from './refusal.ts';
import { decodeReport, reportJson } from './snapshot.ts';

/**
 * The 汇总 workspaces in the database (migration 0002): workspaces, expected units,
 * received files with their bytes and the report read from them, the revision chosen
 * per unit, and reviewer notes. A file's revision number is its place among the unit's
 * files, so it follows a reassignment.
 */

interface WorkspaceRow {
  readonly id: number;
  readonly agency_id: number;
  readonly agency_name: string;
  readonly year: number;
  readonly created_at: string;
  readonly updated_at: string;
}

interface UnitRow {
  readonly id: number;
  readonly workspace_id: number;
  readonly name: string;
  readonly aliases: string;
}

interface FileRow {
  readonly id: number;
  readonly workspace_id: number;
  readonly unit_id: number | null;
  readonly file_name: string;
  readonly received_at: string;
  readonly byte_length: number;
  readonly reading: string;
  readonly match: string;
}

const SELECT_WORKSPACE = 'SELECT w.*, a.name AS agency_name FROM summary_workspaces w JOIN agencies a ON a.id = w.agency_id';
const FILE_COLUMNS = 'id, workspace_id, unit_id, file_name, received_at, length(bytes) AS byte_length, reading, match';

function toWorkspace(row: WorkspaceRow): SummaryWorkspace {
  return { id: row.id, agencyId: row.agency_id, agencyName: row.agency_name, year: row.year, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toUnit(row: UnitRow): ExpectedUnit {
  return { id: row.id, name: row.name, aliases: JSON.parse(row.aliases) as string[] };
}

export function listWorkspaces(db: Db, agencyId: number | undefined): SummaryWorkspace[] {
  const rows = (
    agencyId === undefined
      ? statement(db, `${SELECT_WORKSPACE} ORDER BY a.name, w.year DESC`).all()
      : statement(db, `${SELECT_WORKSPACE} WHERE w.agency_id = ? ORDER BY w.year DESC`).all(agencyId)
  ) as WorkspaceRow[];
  return rows.map(toWorkspace);
}

export function requireWorkspace(db: Db, id: number): SummaryWorkspace {
  const row = statement(db, `${SELECT_WORKSPACE} WHERE w.id = ?`).get(id) as WorkspaceRow | undefined;
  if (!row) throw new Refusal(`汇总（编号${id}）不存在。`);
  return toWorkspace(row);
}

export function workspaceFor(db: Db, agencyId: number, year: number): SummaryWorkspace | undefined {
  const row = statement(db, `${SELECT_WORKSPACE} WHERE w.agency_id = ? AND w.year = ?`).get(agencyId, year) as WorkspaceRow | undefined;
  return row && toWorkspace(row);
}

export function insertWorkspace(db: Db, agencyId: number, year: number, at: string): SummaryWorkspace {
  const existing = workspaceFor(db, agencyId, year);
  if (existing) throw new Refusal(`“${existing.agencyName}”${year}年度的汇总已经存在。`);
  const { lastInsertRowid } = statement(db, 'INSERT INTO summary_workspaces (agency_id, year, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    agencyId,
    year,
    at,
    at,
  );
  return requireWorkspace(db, Number(lastInsertRowid));
}

export function touchWorkspace(db: Db, id: number, at: string): void {
  statement(db, 'UPDATE summary_workspaces SET updated_at = ? WHERE id = ?').run(at, id);
}

export function listUnits(db: Db, workspaceId: number): ExpectedUnit[] {
  return (statement(db, 'SELECT * FROM summary_units WHERE workspace_id = ? ORDER BY position, id').all(workspaceId) as UnitRow[]).map(toUnit);
}

export function requireUnit(db: Db, id: number): ExpectedUnit & { workspaceId: number } {
  const row = statement(db, 'SELECT * FROM summary_units WHERE id = ?').get(id) as UnitRow | undefined;
  if (!row) throw new Refusal(`单位（编号${id}）不存在。`);
  return { ...toUnit(row), workspaceId: row.workspace_id };
}

function refuseNameTaken(units: readonly ExpectedUnit[], name: string, except?: number): void {
  const key = plainUnitName(name);
  const other = units.find((u) => u.id !== except && plainUnitName(u.name) === key);
  if (other) throw new Refusal(`单位“${other.name}”已在名单中。`);
}

/** Adds units at the end of the list; names already listed are skipped and returned. */
export function addUnits(db: Db, workspaceId: number, entries: readonly UnitEntry[]): { added: ExpectedUnit[]; skipped: string[] } {
  const units = listUnits(db, workspaceId);
  const taken = new Set(units.map((u) => plainUnitName(u.name)));
  let position = units.length;
  const added: ExpectedUnit[] = [];
  const skipped: string[] = [];
  const insert = statement(db, 'INSERT INTO summary_units (workspace_id, name, aliases, position) VALUES (?, ?, ?, ?)');
  for (const entry of entries) {
    const key = plainUnitName(entry.name);
    if (taken.has(key)) {
      skipped.push(entry.name);
      continue;
    }
    taken.add(key);
    const name = entry.name.trim();
    const { lastInsertRowid } = insert.run(workspaceId, name, JSON.stringify(entry.aliases), position++);
    added.push({ id: Number(lastInsertRowid), name, aliases: entry.aliases });
  }
  return { added, skipped };
}

export function updateUnit(db: Db, unitId: number, entry: UnitEntry): ExpectedUnit {
  const unit = requireUnit(db, unitId);
  refuseNameTaken(listUnits(db, unit.workspaceId), entry.name, unitId);
  statement(db, 'UPDATE summary_units SET name = ?, aliases = ? WHERE id = ?').run(entry.name.trim(), JSON.stringify(entry.aliases), unitId);
  return toUnit(statement(db, 'SELECT * FROM summary_units WHERE id = ?').get(unitId) as UnitRow);
}

/** Removes a unit that has no files and no notes (one with either is refused). */
export function removeUnit(db: Db, unitId: number): ExpectedUnit {
  const unit = requireUnit(db, unitId);
  const files = statement(db, 'SELECT count(*) AS n FROM summary_files WHERE unit_id = ?').get(unitId) as { n: number };
  if (files.n > 0) throw new Refusal(`“${unit.name}”已有收到的报告（${files.n}份），不能从名单中删除。请先把报告改归其他单位。`);
  statement(db, 'DELETE FROM summary_notes WHERE unit_id = ?').run(unitId);
  statement(db, 'DELETE FROM summary_units WHERE id = ?').run(unitId);
  return unit;
}

function withRevisions(rows: readonly FileRow[]): ReceivedFile[] {
  const counts = new Map<number, number>();
  return rows.map((row) => {
    const revision = row.unit_id === null ? null : (counts.get(row.unit_id) ?? 0) + 1;
    if (row.unit_id !== null) counts.set(row.unit_id, revision!);
    return {
      id: row.id,
      fileName: row.file_name,
      receivedAt: row.received_at,
      byteLength: row.byte_length,
      reading: JSON.parse(row.reading) as FileReading,
      match: JSON.parse(row.match) as UnitMatch,
      revision,
    };
  });
}

export function listFiles(db: Db, workspaceId: number): ReceivedFile[] {
  return withRevisions(statement(db, `SELECT ${FILE_COLUMNS} FROM summary_files WHERE workspace_id = ? ORDER BY id`).all(workspaceId) as FileRow[]);
}

export function requireFile(db: Db, fileId: number): { workspaceId: number; file: ReceivedFile } {
  const row = statement(db, 'SELECT workspace_id FROM summary_files WHERE id = ?').get(fileId) as { workspace_id: number } | undefined;
  if (!row) throw new Refusal(`收到的文件（编号${fileId}）不存在。`);
  return { workspaceId: row.workspace_id, file: listFiles(db, row.workspace_id).find((f) => f.id === fileId)! };
}

function unitOf(match: UnitMatch): number | null {
  return match.status === 'matched' ? match.unitId : null;
}

function refuseForeignUnit(db: Db, workspaceId: number, match: UnitMatch): void {
  const ids = match.status === 'matched' ? [match.unitId] : match.candidates;
  for (const id of ids) {
    if (requireUnit(db, id).workspaceId !== workspaceId) throw new Refusal(`单位（编号${id}）不属于这个汇总。`);
  }
}

export interface NewReceivedFile {
  readonly workspaceId: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly reading: FileReading;
  readonly report: Report | null;
  readonly match: UnitMatch;
}

export function insertFile(db: Db, file: NewReceivedFile, at: string): ReceivedFile {
  refuseForeignUnit(db, file.workspaceId, file.match);
  const { lastInsertRowid } = statement(
    db,
    'INSERT INTO summary_files (workspace_id, unit_id, file_name, received_at, bytes, bytes_hash, reading, match, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    file.workspaceId,
    unitOf(file.match),
    file.fileName,
    at,
    Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
    createHash('sha256').update(file.bytes).digest('hex'),
    JSON.stringify(file.reading),
    JSON.stringify(file.match),
    file.report ? reportJson(file.report) : null,
  );
  touchWorkspace(db, file.workspaceId, at);
  return requireFile(db, Number(lastInsertRowid)).file;
}

/** The reviewer's choice of unit for a file (or none). The unit's chosen revision is dropped if it was this file. */
export function assignFile(db: Db, fileId: number, unitId: number | null, at: string): ReceivedFile {
  const { workspaceId } = requireFile(db, fileId);
  const match: UnitMatch = unitId === null ? { status: 'unmatched', candidates: [] } : { status: 'matched', unitId, by: 'manual' };
  refuseForeignUnit(db, workspaceId, match);
  statement(db, 'DELETE FROM summary_choices WHERE file_id = ?').run(fileId);
  statement(db, 'UPDATE summary_files SET unit_id = ?, match = ? WHERE id = ?').run(unitId, JSON.stringify(match), fileId);
  touchWorkspace(db, workspaceId, at);
  return requireFile(db, fileId).file;
}

/** A re-read of a file's bytes (a newer importer): its reading and report replaced, its unit kept. */
export function rereadFile(db: Db, fileId: number, reading: FileReading, report: Report | null, at: string): ReceivedFile {
  const { workspaceId } = requireFile(db, fileId);
  statement(db, 'UPDATE summary_files SET reading = ?, report = ? WHERE id = ?').run(JSON.stringify(reading), report ? reportJson(report) : null, fileId);
  touchWorkspace(db, workspaceId, at);
  return requireFile(db, fileId).file;
}

export function fileReport(db: Db, fileId: number): Report | null {
  const row = statement(db, 'SELECT report FROM summary_files WHERE id = ?').get(fileId) as { report: string | null } | undefined;
  if (!row) throw new Refusal(`收到的文件（编号${fileId}）不存在。`);
  return row.report === null ? null : decodeReport(row.report);
}

export function fileBytes(db: Db, fileId: number): Uint8Array {
  const row = statement(db, 'SELECT bytes FROM summary_files WHERE id = ?').get(fileId) as { bytes: Buffer } | undefined;
  if (!row) throw new Refusal(`收到的文件（编号${fileId}）不存在。`);
  return new Uint8Array(row.bytes);
}

export function chooseRevision(db: Db, unitId: number, fileId: number | null, at: string): void {
  const unit = requireUnit(db, unitId);
  if (fileId === null) {
    statement(db, 'DELETE FROM summary_choices WHERE unit_id = ?').run(unitId);
  } else {
    const { file } = requireFile(db, fileId);
    if (unitOf(file.match) !== unitId) throw new Refusal(`文件“${file.fileName}”不是“${unit.name}”的报告，不能选为它的版本。`);
    if (file.reading.status !== 'read') throw new Refusal(`文件“${file.fileName}”无法读取，不能选为“${unit.name}”的版本。`);
    statement(db, 'INSERT INTO summary_choices (unit_id, file_id) VALUES (?, ?) ON CONFLICT (unit_id) DO UPDATE SET file_id = excluded.file_id').run(unitId, fileId);
  }
  touchWorkspace(db, unit.workspaceId, at);
}

export function listChoices(db: Db, workspaceId: number): { unitId: number; fileId: number }[] {
  return statement(db, 'SELECT c.unit_id AS unitId, c.file_id AS fileId FROM summary_choices c JOIN summary_units u ON u.id = c.unit_id WHERE u.workspace_id = ? ORDER BY c.unit_id').all(
    workspaceId,
  ) as { unitId: number; fileId: number }[];
}

/** Writes a note; an empty text removes it. */
export function setNote(db: Db, unitId: number, findingKey: string, text: string, at: string): ReviewNote | null {
  const unit = requireUnit(db, unitId);
  if (text.trim() === '') {
    statement(db, 'DELETE FROM summary_notes WHERE unit_id = ? AND finding_key = ?').run(unitId, findingKey);
    touchWorkspace(db, unit.workspaceId, at);
    return null;
  }
  statement(
    db,
    'INSERT INTO summary_notes (unit_id, finding_key, text, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (unit_id, finding_key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at',
  ).run(unitId, findingKey, text, at);
  touchWorkspace(db, unit.workspaceId, at);
  return { unitId, findingKey, text, updatedAt: at };
}

export function listNotes(db: Db, workspaceId: number): ReviewNote[] {
  return statement(
    db,
    'SELECT n.unit_id AS unitId, n.finding_key AS findingKey, n.text, n.updated_at AS updatedAt FROM summary_notes n JOIN summary_units u ON u.id = n.unit_id WHERE u.workspace_id = ? ORDER BY n.unit_id, n.finding_key',
  ).all(workspaceId) as ReviewNote[];
}
