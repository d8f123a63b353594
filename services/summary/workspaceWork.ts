import type { Finding } from '../../shared/checks/index.ts';
import type { Agency, Report } from '../../shared/model/report.ts';
import { reportFormat } from '../../shared/model/report.ts';
import type { Result } from '../../shared/model/validation.ts';
import type { ReviewRow, SummaryWorkspace, WorkspaceSum } from '../../shared/summary/index.ts';
import { openStoreReader } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import { reviewListXlsx, reviewOpinionDocx, sumExchangeFile, sumXlsx } from './outputs.ts';
import { noReadableReport, reviewRows, reviewStoredWorkspace, sumWorkspace, unitReviewDetail } from './workspace.ts';

/**
 * The review work on a workspace of the store that takes long with many units (reading
 * and checking every unit's report, the sum, the review and sum workbooks, the 审核意见):
 * Electron main runs it on the heavy-work thread, which reads the database through its
 * own read-only connection (SQLite's WAL lets it read beside main's writes), so main's
 * event loop never waits for it. Arguments and results are plain data.
 */

/** A workspace of the store in `dataDir`. */
export interface WorkspaceAt {
  readonly dataDir: string;
  readonly workspaceId: number;
}

/** One unit's review without the check's functions (it crosses threads). */
export interface UnitReviewData {
  readonly workspace: SummaryWorkspace;
  readonly row: ReviewRow;
  readonly findings: readonly Finding[];
  readonly report: Report | null;
  /** Notes by finding key; the unit's own note is in `row.note`. */
  readonly notes: Readonly<Record<string, string>>;
}

export interface WorkspaceSumData {
  readonly sum: WorkspaceSum;
  /** The 勾稽 rules on the summed report. */
  readonly findings: readonly Finding[];
}

export interface WorkbookOptions {
  readonly title: string;
  readonly author: string;
}

export interface WorkspaceWork {
  /** The review table's rows; with `unitIds`, of those units only (the others are kept by the caller). */
  reviewRows(at: WorkspaceAt, unitIds: readonly number[] | null): Promise<Result<ReviewRow[]>>;
  unitReview(at: WorkspaceAt, unitId: number): Promise<Result<UnitReviewData>>;
  workspaceSum(at: WorkspaceAt): Promise<Result<WorkspaceSumData>>;
  reviewListXlsx(at: WorkspaceAt, options: WorkbookOptions): Promise<Result<Uint8Array>>;
  sumXlsx(at: WorkspaceAt, options: WorkbookOptions): Promise<Result<Uint8Array>>;
  sumExchangeFile(at: WorkspaceAt, agency: Agency, now: Date): Promise<Result<string>>;
  /** The 审核意见 of a unit as DOCX; refused when the unit has no readable report. */
  reviewOpinionDocx(at: WorkspaceAt, unitId: number, date: string): Promise<Result<Uint8Array>>;
}

export const WORKSPACE_WORK_METHODS = [
  'reviewRows',
  'unitReview',
  'workspaceSum',
  'reviewListXlsx',
  'sumXlsx',
  'sumExchangeFile',
  'reviewOpinionDocx',
] as const satisfies readonly (keyof WorkspaceWork)[];

/**
 * The work on a read-only store of the database, opened for the call and closed after it
 * (about half a millisecond to open: main checked the file when it opened it). No connection
 * is kept between calls: 从备份恢复 moves the database file aside, which Windows refuses while
 * another connection has the file open, and a restored file is read from the next call on.
 */
async function withReader<T>(at: WorkspaceAt, work: (store: Store) => Result<T> | Promise<Result<T>>): Promise<Result<T>> {
  const opened = openStoreReader(at.dataDir);
  if (!opened.ok) return opened;
  try {
    return await work(opened.value);
  } finally {
    await opened.value.close();
  }
}

async function mapped<T, U>(result: Result<T>, next: (value: T) => U | Promise<U>): Promise<Result<U>> {
  return result.ok ? { ok: true, value: await next(result.value) } : result;
}

export const inProcessWorkspaceWork: WorkspaceWork = {
  reviewRows: (at, unitIds) => withReader(at, (store) => reviewRows(store, { workspaceId: at.workspaceId, ...(unitIds ? { unitIds } : {}) })),
  unitReview: (at, unitId) =>
    withReader(at, (store) =>
      mapped(unitReviewDetail(store, { workspaceId: at.workspaceId, unitId }), ({ workspace, row, findings, report, notes }) => ({
        workspace,
        row,
        findings,
        report,
        notes,
      })),
    ),
  workspaceSum: (at) => withReader(at, (store) => mapped(sumWorkspace(store, at), (result) => ({ sum: result.sum, findings: result.check.findings }))),
  reviewListXlsx: (at, options) => withReader(at, (store) => mapped(reviewStoredWorkspace(store, at), (review) => reviewListXlsx(review, options))),
  sumXlsx: (at, options) => withReader(at, (store) => mapped(sumWorkspace(store, at), (result) => sumXlsx(result.sum, options))),
  sumExchangeFile: (at, agency, now) =>
    withReader(at, (store) => mapped(sumWorkspace(store, at), (result) => sumExchangeFile(result.sum, agency, result.workspace.year, now))),
  reviewOpinionDocx: (at, unitId, date) =>
    withReader(at, async (store) => {
      const detail = unitReviewDetail(store, { workspaceId: at.workspaceId, unitId });
      if (!detail.ok) return detail;
      const { workspace, row, findings, report, notes } = detail.value;
      if (!report) return { ok: false, error: noReadableReport(row.unitName) };
      return { ok: true, value: await reviewOpinionDocx({ superior: workspace.agencyName, year: workspace.year, row, findings, format: reportFormat(report), notes, date }) };
    }),
};
