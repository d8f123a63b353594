import type { Report } from './report.ts';
import { reportSchema } from './schemas.ts';

/**
 * A report that passed `reportSchema` and was frozen right after, so it is still valid
 * wherever it goes. The IPC contract's autosave argument is parsed into one, and the store
 * takes a sealed report without validating it a second time (every autosave came through
 * both: the report's ~165 figures were checked and copied twice). Only the parse below makes
 * one: a copy or spread of a sealed report is an ordinary report, validated again.
 */
declare const sealed: unique symbol;
export type SealedReport = Report & { readonly [sealed]: true };

const sealedReports = new WeakSet<object>();

function seal(report: Report): SealedReport {
  const { agency } = report;
  Object.freeze(agency.exportOptions);
  Object.freeze(agency.localRequirements.overviewSubheadings);
  Object.freeze(agency.localRequirements);
  Object.freeze(agency);
  Object.freeze(report.sections);
  Object.freeze(report.values);
  Object.freeze(report.statedTotals);
  Object.freeze(report.infoFee);
  Object.freeze(report);
  sealedReports.add(report);
  return report as SealedReport;
}

/** `reportSchema`, its output sealed (the parse's own copy, nobody else holds it). */
export const sealedReportSchema = reportSchema.transform(seal);

export function isSealedReport(value: unknown): value is SealedReport {
  return typeof value === 'object' && value !== null && sealedReports.has(value);
}
