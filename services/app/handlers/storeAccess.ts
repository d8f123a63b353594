import type { OpenedReport, ReportSummary } from '../../../shared/ipc/contract.ts';
import type { Report } from '../../../shared/model/report.ts';
import type { Store } from '../../store/index.ts';
import { unwrap } from '../registry.ts';
import { reportSummary } from '../summaries.ts';

/** Reads the handlers share: a report with its summary and last year's report. */

export function lastYearOf(store: Store, reportId: number): Report | null {
  return unwrap(store.previousReport({ reportId }))?.report ?? null;
}

export function summaryOf(store: Store, reportId: number): ReportSummary {
  const { summary, report } = unwrap(store.getReport({ reportId }));
  return reportSummary(summary, report, lastYearOf(store, reportId));
}

/** A report as the editor opens it; `read` is the store call that fetched it. */
export function openedReport(store: Store, read: { summary: Parameters<typeof reportSummary>[0]; report: Report }): OpenedReport {
  const lastYear = lastYearOf(store, read.summary.id);
  return { summary: reportSummary(read.summary, read.report, lastYear), report: read.report, lastYear };
}

/** The agency's record, refusing one that does not exist. */
export function agencyOf(store: Store, agencyId: number) {
  return unwrap(store.getAgency({ agencyId }));
}
