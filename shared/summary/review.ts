import { checkReport } from '../checks/index.ts';
import type { CheckResult, Finding, FindingKind } from '../checks/index.ts';
import { cellIndex, cellName, tableById } from '../format/index.ts';
import type { ReportFormat } from '../format/index.ts';
import type { Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import type { CarryOverCheck, ExpectedUnit, ReceivedFile, ReviewRow, ReviewState } from './types.ts';

/** The review of one expected unit: its row in the review table, and the findings behind it. */
export interface UnitReview {
  readonly row: ReviewRow;
  /** The findings on the shown revision (empty when 未报送). */
  readonly findings: readonly Finding[];
  /** The shown revision's report, or null. */
  readonly report: Report | null;
  readonly check: CheckResult | null;
}

export interface UnitReviewInput {
  readonly unit: ExpectedUnit;
  /** Every file received for the unit (readable or not), oldest first. */
  readonly files: readonly ReceivedFile[];
  /** The revision the reviewer chose, or null. */
  readonly chosenFileId: number | null;
  /** The report of `shownRevision(files, chosenFileId)`, or null when there is none. */
  readonly report: Report | null;
  /** The unit's report of last year, when known: the carry-over and other cross-year rules. */
  readonly previous?: Report | null;
  readonly note?: string;
  /** The workspace's year: a report of another year is pointed out (and its unit is 有错误). */
  readonly year?: number;
}

function readable(files: readonly ReceivedFile[]): ReceivedFile[] {
  return files.filter((f) => f.reading.status === 'read');
}

/** The revision the review is about: the chosen one, else the newest readable one. */
export function shownRevision(files: readonly ReceivedFile[], chosenFileId: number | null): ReceivedFile | null {
  const read = readable(files);
  return read.find((f) => f.id === chosenFileId) ?? read[read.length - 1] ?? null;
}

/**
 * The key under which a reviewer's note on a finding is kept: the finding's id (its rule
 * and place: `T3-BAL.naturalPerson`) and, for a finding at words of the text, the words.
 * It does not depend on the file, so the note survives a corrected file.
 */
export function findingNoteKey(finding: Finding): string {
  return finding.location.words ? `${finding.id}@${finding.location.words.text}` : finding.id;
}

/** Where findings are: table short names and section headings, in the format's order. */
export function findingPlaces(findings: readonly Finding[], format: ReportFormat): string[] {
  const tables = new Set(findings.map((f) => f.location.table).filter(Boolean));
  const sections = new Set(findings.map((f) => f.location.section).filter(Boolean));
  return [
    ...format.sections.flatMap((s) => {
      const names: string[] = [];
      if (sections.has(s.key)) names.push(s.heading);
      if (s.table && tables.has(s.table)) names.push(tableById(format, s.table).shortName);
      return names;
    }),
  ];
}

function carryOverCheck(findings: readonly Finding[], format: ReportFormat, previous: Report | null | undefined): CarryOverCheck {
  // Without the relation in both years' formats nothing was compared.
  if (!previous || !format.relations.carryOver || !reportFormat(previous).relations.carryOver) return { status: 'unknown' };
  const cells = cellIndex(format).byKey;
  const columns = findings
    .filter((f) => f.rule === 'X-CARRY')
    .map((f) => cells.get(f.location.cells[0] ?? ''))
    .filter((cell) => cell !== undefined)
    .map((cell) => cellName(cell, 'inRow'));
  return columns.length ? { status: 'mismatch', columns } : { status: 'consistent' };
}

function stateOf(check: CheckResult | null, unreadable: boolean, otherYear: boolean): ReviewState {
  // Only unreadable files, or last year's file: the unit sent something but must send it again.
  if (!check) return unreadable ? 'errors' : 'missing';
  if (check.counts.error > 0 || otherYear) return 'errors';
  return check.counts.warning > 0 ? 'warnings' : 'passed';
}

/** Checks a unit's shown revision and makes its row of the review table. */
export function reviewUnit(input: UnitReviewInput): UnitReview {
  const { unit, files, chosenFileId, report, previous } = input;
  const shown = report ? shownRevision(files, chosenFileId) : null;
  const check = report && shown ? checkReport(report, previous ? { previous } : {}) : null;
  const findings = check?.findings ?? [];
  const format = report ? reportFormat(report) : null;
  const kinds: Record<FindingKind, number> = { unfinished: 0, mistake: 0, advice: 0 };
  for (const f of findings) kinds[f.kind]++;
  const read = readable(files);
  const otherYear = report && input.year !== undefined && report.year !== input.year ? report.year : undefined;
  const unreadable = read.length === 0 ? (files.find((f) => f.reading.status === 'unreadable')?.reading as { reason: string } | undefined) : undefined;
  const row: ReviewRow = {
    unitId: unit.id,
    unitName: unit.name,
    state: stateOf(check, unreadable !== undefined, otherYear !== undefined),
    fileId: shown?.id ?? null,
    fileName: shown?.fileName ?? null,
    revision: shown?.revision ?? null,
    revisions: read.length,
    needsChoice: read.length > 1 && !read.some((f) => f.id === chosenFileId),
    unreadable: unreadable?.reason ?? null,
    counts: check?.counts ?? { error: 0, warning: 0, hint: 0 },
    kinds,
    places: format ? findingPlaces(findings.filter((f) => f.severity !== 'hint'), format) : [],
    carryOver: check && format ? carryOverCheck(findings, format, previous) : { status: 'unknown' },
    proseConflicts: findings.filter((f) => f.rule.startsWith('P-')).length,
    uncertainCells: shown?.reading.status === 'read' ? shown.reading.uncertainCells : 0,
    ...(otherYear !== undefined ? { otherYear } : {}),
    note: input.note ?? '',
  };
  return { row, findings, report: shown ? report : null, check };
}
