import { checkReport } from '../../shared/checks/index.ts';
import { reportTitle } from '../../shared/document/build.ts';
import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import { reportReadiness } from '../../shared/ipc/reportStatus.ts';
import type { Report } from '../../shared/model/report.ts';
import type * as stored from '../store/index.ts';

/** The store's records in the shape the contract promises the page. */

export function agencyRecord(record: stored.StoredAgency): AgencyRecord {
  return {
    id: record.id,
    agency: record.agency,
    reportCount: record.reportCount,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
  };
}

/** A report's list entry: its name, and its status from the checks (with last year's report). */
export function reportSummary(summary: stored.ReportEntry, report: Report, lastYear: Report | null): ReportSummary {
  const checks = checkReport(report, lastYear ? { previous: lastYear } : {});
  const readiness = reportReadiness(checks);
  return {
    id: summary.id,
    agencyId: summary.agencyId,
    year: summary.year,
    name: summary.label.trim() || reportTitle(report),
    status: readiness.status,
    errorCount: readiness.mistakes,
    unfinishedCount: readiness.unfinished,
    warningCount: checks.counts.warning,
    updatedAt: summary.updatedAt,
    deletedAt: summary.deletedAt,
  };
}
