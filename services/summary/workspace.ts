import type { Report } from '../../shared/model/report.ts';
import type { Result } from '../../shared/model/validation.ts';
import { checkSum, compareOwnReport, plainUnitName, reviewWorkspace, shownRevision, sumReviewedUnits } from '../../shared/summary/index.ts';
import type { CheckResult } from '../../shared/checks/index.ts';
import type {
  ExpectedUnit,
  OwnReportComparison,
  ReviewRow,
  SummaryWorkspace,
  UnitReview,
  WorkspaceContents,
  WorkspaceReview,
  WorkspaceSum,
} from '../../shared/summary/index.ts';
import type { Store } from '../store/index.ts';

/** The review and the sum of a workspace kept in the store. */

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new StoreFailure(result.error);
  return result.value;
}

class StoreFailure extends Error {}

function attempt<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof StoreFailure) return { ok: false, error: error.message };
    throw error;
  }
}

/** Last year's workspace of the same agency, if there is one. */
function previousWorkspace(store: Store, workspace: SummaryWorkspace): SummaryWorkspace | undefined {
  return unwrap(store.listWorkspaces({ agencyId: workspace.agencyId })).find((w) => w.year === workspace.year - 1);
}

/**
 * Each unit's file of last year, by this year's unit id: the shown revision (chosen, else
 * newest readable) of the unit of the same name (or alias) in last year's workspace.
 */
function lastYearFiles(store: Store, workspace: SummaryWorkspace, units: readonly ExpectedUnit[]): Map<number, number> {
  const fileOfUnit = new Map<number, number>();
  const previous = previousWorkspace(store, workspace);
  if (!previous) return fileOfUnit;
  const lastUnits = unwrap(store.listUnits({ workspaceId: previous.id }));
  const files = unwrap(store.listReceivedFiles({ workspaceId: previous.id }));
  const chosen = new Map(unwrap(store.listChoices({ workspaceId: previous.id })).map((c) => [c.unitId, c.fileId]));
  const byName = new Map<string, number>();
  for (const unit of lastUnits) {
    const shown = shownRevision(
      files.filter((f) => f.match.status === 'matched' && f.match.unitId === unit.id),
      chosen.get(unit.id) ?? null,
    );
    if (shown) for (const name of [unit.name, ...unit.aliases]) byName.set(plainUnitName(name), shown.id);
  }
  for (const unit of units) {
    const fileId = [unit.name, ...unit.aliases].map((n) => byName.get(plainUnitName(n))).find((id) => id !== undefined);
    if (fileId !== undefined) fileOfUnit.set(unit.id, fileId);
  }
  return fileOfUnit;
}

/**
 * Each unit's report of last year, by this year's unit id (see `lastYearFiles`). Only the
 * files are matched here; a report is read when a unit's review asks for it, so one unit's
 * review reads one, and it is not checked.
 */
function lastYearReports(store: Store, workspace: SummaryWorkspace, units: readonly ExpectedUnit[]): (unitId: number) => Report | null {
  const fileOfUnit = lastYearFiles(store, workspace, units);
  return (unitId) => {
    const fileId = fileOfUnit.get(unitId);
    return fileId === undefined ? null : unwrap(store.getReceivedReport({ fileId }));
  };
}

/**
 * What a workspace's review depends on, as text that changes whenever the review would:
 * per unit, its name, its files (what was read, the unit, the revision), the revision
 * chosen and its file of last year; for the sum, the same without last year. A received
 * file's report never changes under its id (a re-read must drop what was kept). Reading
 * these takes a few list queries and no report, so a kept review is checked cheaply.
 */
export interface ReviewStamps {
  /** By unit id, in the list's order. */
  readonly units: ReadonlyMap<number, string>;
  readonly sum: string;
}

export function reviewStamps(store: Store, input: { workspaceId: number }): Result<ReviewStamps> {
  return attempt(() => {
    const workspace = unwrap(store.getWorkspace({ workspaceId: input.workspaceId }));
    const units = unwrap(store.listUnits({ workspaceId: input.workspaceId }));
    const files = unwrap(store.listReceivedFiles({ workspaceId: input.workspaceId }));
    const chosen = new Map(unwrap(store.listChoices({ workspaceId: input.workspaceId })).map((c) => [c.unitId, c.fileId]));
    const lastYear = lastYearFiles(store, workspace, units);
    const filesOf = new Map<number, unknown[]>();
    for (const f of files) {
      if (f.match.status === 'matched') filesOf.set(f.match.unitId, [...(filesOf.get(f.match.unitId) ?? []), [f.id, f.fileName, f.reading, f.revision]]);
    }
    const own = new Map(units.map((u) => [u.id, JSON.stringify([u.name, filesOf.get(u.id) ?? [], chosen.get(u.id) ?? null])]));
    return {
      units: new Map(units.map((u) => [u.id, `${own.get(u.id)}|${lastYear.get(u.id) ?? ''}`])),
      sum: `${workspace.year}|${[...own.values()].join('\n')}`,
    };
  });
}

/** A workspace's contents from the store; reports are read only for the revisions shown. */
export function workspaceContents(store: Store, workspaceId: number, withLastYear = true): WorkspaceContents {
  const workspace = unwrap(store.getWorkspace({ workspaceId }));
  const units = unwrap(store.listUnits({ workspaceId }));
  const previousOf = withLastYear ? lastYearReports(store, workspace, units) : () => null;
  return {
    units,
    files: unwrap(store.listReceivedFiles({ workspaceId })),
    choices: unwrap(store.listChoices({ workspaceId })),
    notes: unwrap(store.listNotes({ workspaceId })),
    reportOf: (fileId) => unwrap(store.getReceivedReport({ fileId })),
    previousOf,
    year: workspace.year,
  };
}

/** Reviews every unit of a workspace (the carry-over against last year's workspace when there is one). */
export function reviewStoredWorkspace(store: Store, input: { workspaceId: number }): Result<WorkspaceReview> {
  return attempt(() => reviewWorkspace(workspaceContents(store, input.workspaceId)));
}

/** The review table: one row per expected unit (with `unitIds`, of those units only, in the list's order). */
export function reviewRows(store: Store, input: { workspaceId: number; unitIds?: readonly number[] }): Result<ReviewRow[]> {
  return attempt(() => {
    const contents = workspaceContents(store, input.workspaceId);
    const only = input.unitIds && new Set(input.unitIds);
    return reviewWorkspace(only ? { ...contents, units: contents.units.filter((u) => only.has(u.id)) } : contents).units.map((u) => u.row);
  });
}

/** One unit's review with its findings and the reviewer's notes on them, for its read-only view and its 审核意见. */
export interface UnitReviewDetail extends UnitReview {
  readonly workspace: SummaryWorkspace;
  /** Notes by finding key (`findingNoteKey`); the unit's own note is in `row.note`. */
  readonly notes: Readonly<Record<string, string>>;
}

export function unitNotListed(unitId: number): string {
  return `单位（编号${unitId}）不在这个汇总的名单中。`;
}

/** Why a unit has no 审核意见 yet. */
export function noReadableReport(unitName: string): string {
  return `“${unitName}”还没有可读的报告，无法写审核意见。`;
}

export function unitReviewDetail(store: Store, input: { workspaceId: number; unitId: number }): Result<UnitReviewDetail> {
  return attempt(() => {
    const workspace = unwrap(store.getWorkspace({ workspaceId: input.workspaceId }));
    const contents = workspaceContents(store, input.workspaceId);
    const units = contents.units.filter((u) => u.id === input.unitId);
    if (units.length === 0) throw new StoreFailure(unitNotListed(input.unitId));
    const [review] = reviewWorkspace({ ...contents, units }).units;
    const notes = Object.fromEntries(contents.notes.filter((n) => n.unitId === input.unitId && n.findingKey !== '').map((n) => [n.findingKey, n.text]));
    return { ...review!, workspace, notes };
  });
}

export interface WorkspaceSumResult {
  readonly workspace: SummaryWorkspace;
  readonly sum: WorkspaceSum;
  /** The 勾稽 rules on the summed report. */
  readonly check: CheckResult;
  /** 本级报告 = Σ 下级 per cell, when the superior agency's own report is given. */
  readonly ownReport: readonly OwnReportComparison[] | null;
}

/**
 * The sum over the units that reported (each by its chosen, else newest, revision), the
 * rules run on it, and — with `ownReportId`, a report of the store — the superior's own report against it.
 */
export function sumWorkspace(store: Store, input: { workspaceId: number; ownReportId?: number }): Result<WorkspaceSumResult> {
  return attempt(() => {
    const workspace = unwrap(store.getWorkspace({ workspaceId: input.workspaceId }));
    const sum = sumReviewedUnits(reviewWorkspace(workspaceContents(store, input.workspaceId, false)));
    const own = input.ownReportId === undefined ? null : unwrap(store.getReport({ reportId: input.ownReportId })).report;
    return { workspace, sum, check: checkSum(sum, workspace.agencyName, workspace.year), ownReport: own ? compareOwnReport(own, sum) : null };
  });
}

/** Copies last year's unit list (names and aliases) into the workspace; names already listed are skipped. */
export function carryUnitsFromLastYear(store: Store, input: { workspaceId: number }): Result<{ added: ExpectedUnit[]; skipped: string[] }> {
  return attempt(() => {
    const workspace = unwrap(store.getWorkspace({ workspaceId: input.workspaceId }));
    const previous = previousWorkspace(store, workspace);
    if (!previous) throw new StoreFailure(`没有“${workspace.agencyName}”${workspace.year - 1}年度的汇总，无法沿用上年的单位名单。`);
    const units = unwrap(store.listUnits({ workspaceId: previous.id }));
    return unwrap(store.addUnits({ workspaceId: input.workspaceId, units: units.map(({ name, aliases }) => ({ name, aliases: [...aliases] })) }));
  });
}
