import { currentFormat, formatForYear } from '../format/index.ts';
import type { ReportFormat } from '../format/index.ts';
import type { Report } from '../model/report.ts';
import { reviewUnit, shownRevision } from './review.ts';
import type { UnitReview } from './review.ts';
import { sumReports } from './sum.ts';
import type { Summand, WorkspaceSum } from './sum.ts';
import type { ExpectedUnit, ReceivedFile, ReviewNote } from './types.ts';

/** Everything a review needs, however it is kept (the store, or a folder read by the CLI). */
export interface WorkspaceContents {
  readonly units: readonly ExpectedUnit[];
  /** Every received file, oldest first. */
  readonly files: readonly ReceivedFile[];
  readonly choices: readonly { readonly unitId: number; readonly fileId: number }[];
  readonly notes: readonly ReviewNote[];
  /** The report read from a file (null when it could not be read). */
  reportOf(fileId: number): Report | null;
  /** The unit's report of last year, when known. */
  previousOf?(unitId: number): Report | null;
  /** The workspace's year, when it has one: a report of another year is pointed out. */
  readonly year?: number;
}

export interface WorkspaceReview {
  /** The format of the workspace's year: its reports are summed in it, and its carry-over words head the review. */
  readonly format: ReportFormat;
  /** One per expected unit, in the list's order. */
  readonly units: readonly UnitReview[];
  /** Readable files without a unit: no unit fits, or two fit equally (the reviewer chooses). */
  readonly unassigned: readonly ReceivedFile[];
  /** Files that could not be read, with their reasons. */
  readonly unreadable: readonly ReceivedFile[];
  /** Units received more than once with no revision chosen yet. */
  readonly duplicates: readonly number[];
}

function unitIdOf(file: ReceivedFile): number | null {
  return file.match.status === 'matched' ? file.match.unitId : null;
}

/** The format a workspace's reports are in: its year's (a folder with no readable report has no year; the latest format then names its columns). */
function workspaceFormat(year: number | undefined): ReportFormat {
  return year === undefined ? currentFormat : formatForYear(year);
}

/** Reviews every expected unit: the chosen (else newest) revision checked, notes attached. */
export function reviewWorkspace(contents: WorkspaceContents): WorkspaceReview {
  const byUnit = new Map<number, ReceivedFile[]>();
  for (const file of contents.files) {
    const unitId = unitIdOf(file);
    if (unitId !== null) byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), file]);
  }
  const chosen = new Map(contents.choices.map((c) => [c.unitId, c.fileId]));
  const unitNotes = new Map(contents.notes.filter((n) => n.findingKey === '').map((n) => [n.unitId, n.text]));
  const units = contents.units.map((unit) => {
    const files = byUnit.get(unit.id) ?? [];
    const chosenFileId = chosen.get(unit.id) ?? null;
    const shown = shownRevision(files, chosenFileId);
    return reviewUnit({
      unit,
      files,
      chosenFileId,
      report: shown ? contents.reportOf(shown.id) : null,
      previous: contents.previousOf?.(unit.id) ?? null,
      note: unitNotes.get(unit.id) ?? '',
      ...(contents.year !== undefined ? { year: contents.year } : {}),
    });
  });
  return {
    format: workspaceFormat(contents.year),
    units,
    unassigned: contents.files.filter((f) => unitIdOf(f) === null && f.reading.status === 'read'),
    unreadable: contents.files.filter((f) => f.reading.status === 'unreadable'),
    duplicates: units.filter((u) => u.row.needsChoice).map((u) => u.row.unitId),
  };
}

/** The sum over the units that reported (each by its shown revision); a report of another year is left out. */
export function sumReviewedUnits(review: WorkspaceReview): WorkspaceSum {
  const summands: Summand[] = review.units.flatMap((u) =>
    u.report && u.check && u.row.otherYear === undefined ? [{ unitId: u.row.unitId, unitName: u.row.unitName, report: u.report, figures: u.check.figures }] : [],
  );
  return sumReports(summands, review.format);
}
