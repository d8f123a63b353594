import type { Report } from '../../shared/model/report.ts';
import type { Db } from './database.ts';
import { statement } from './database.ts';
import { Refusal } from './refusal.ts';
import { describeChanges } from './revisionSummary.ts';
import type { EncodedReport } from './snapshot.ts';
import { compress, decodeReport, decompress, storedBytes } from './snapshot.ts';

/**
 * Revisions: whole snapshots of a report, kept automatically and never changed. Each
 * says why it was kept and, in a few Chinese words, what changed since the one before.
 */

export const REVISION_REASONS = {
  created: '新建',
  fromPreviousYear: '由上年报告生成',
  opened: '打开时',
  editing: '编辑中定时保留',
  beforeImport: '导入前',
  imported: '导入',
  beforeRestore: '恢复旧版本前',
  restored: '恢复旧版本',
  exported: '导出',
  manual: '手动保留',
} as const;
export type RevisionReason = keyof typeof REVISION_REASONS;

/** While a report is being edited, a revision is kept at most this often. */
export const REVISION_EVERY_MINUTES = 10;

export interface RevisionEntry {
  readonly id: number;
  readonly reportId: number;
  readonly createdAt: string;
  readonly reason: RevisionReason;
  /** The reason in Chinese, e.g. 导出. */
  readonly reasonLabel: string;
  /** Detail given with the reason, e.g. which file an export or import was. */
  readonly note: string;
  /** What changed since the previous revision, e.g. 修改了表三3格、第一部分文字. */
  readonly summary: string;
}

interface RevisionRow {
  readonly id: number;
  readonly report_id: number;
  readonly created_at: string;
  readonly reason: RevisionReason;
  readonly note: string;
  readonly summary: string;
  readonly content_hash: string;
}

const COLUMNS = 'id, report_id, created_at, reason, note, summary, content_hash';

function toSummary(row: RevisionRow): RevisionEntry {
  return {
    id: row.id,
    reportId: row.report_id,
    createdAt: row.created_at,
    reason: row.reason,
    reasonLabel: REVISION_REASONS[row.reason] ?? row.reason,
    note: row.note,
    summary: row.summary,
  };
}

export function latestRevision(db: Db, reportId: number): RevisionRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM revisions WHERE report_id = ? ORDER BY id DESC LIMIT 1`).get(reportId) as
    | RevisionRow
    | undefined;
}

function revisionContent(db: Db, id: number): Report {
  const { content } = statement(db, 'SELECT content FROM revisions WHERE id = ?').get(id) as { content: Uint8Array };
  return decodeReport(decompress(content));
}

function changesSince(db: Db, previous: RevisionRow | undefined, report: Report): string {
  if (!previous) return describeChanges(undefined, report);
  try {
    return describeChanges(revisionContent(db, previous.id), report);
  } catch (error) {
    if (error instanceof Refusal) return '（无法与上一版本比较）';
    throw error;
  }
}

export interface NewRevision {
  readonly reportId: number;
  readonly report: Report;
  readonly encoded: EncodedReport;
  readonly reason: RevisionReason;
  readonly note?: string;
  readonly now: string;
}

export function addRevision(db: Db, revision: NewRevision): RevisionEntry {
  const summary = changesSince(db, latestRevision(db, revision.reportId), revision.report);
  const { lastInsertRowid } = statement(
    db,
    'INSERT INTO revisions (report_id, created_at, reason, note, summary, content, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    revision.reportId,
    revision.now,
    revision.reason,
    revision.note ?? '',
    summary,
    compress(storedBytes(revision.encoded)),
    revision.encoded.hash,
  );
  return requireRevision(db, Number(lastInsertRowid)).summary;
}

/** Keeps a revision unless the newest one already holds exactly this content. */
export function addRevisionIfChanged(db: Db, revision: NewRevision): RevisionEntry | null {
  return latestRevision(db, revision.reportId)?.content_hash === revision.encoded.hash ? null : addRevision(db, revision);
}

export function listRevisions(db: Db, reportId: number): RevisionEntry[] {
  const rows = statement(db, `SELECT ${COLUMNS} FROM revisions WHERE report_id = ? ORDER BY id DESC`).all(reportId) as RevisionRow[];
  return rows.map(toSummary);
}

export function requireRevision(db: Db, id: number): { summary: RevisionEntry; report: () => Report } {
  const row = statement(db, `SELECT ${COLUMNS} FROM revisions WHERE id = ?`).get(id) as RevisionRow | undefined;
  if (!row) throw new Refusal(`找不到编号为${id}的版本。`);
  return { summary: toSummary(row), report: () => revisionContent(db, id) };
}
