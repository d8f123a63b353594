import type { OpenedReport } from '../../shared/ipc/contract.ts';
import { nianbao } from '../api.ts';

type ReportId = OpenedReport['summary']['id'];

let started: { readonly reportId: ReportId; readonly read: Promise<OpenedReport> } | undefined;

/**
 * Begins reading the report the window opens on at start (main.tsx), while the report
 * screen's script loads (screens.tsx): the two overlap instead of following each other.
 */
export function startOpeningReport(reportId: ReportId): void {
  const read = nianbao.reports.open({ id: reportId });
  // Its failure is shown by the report screen that takes it; until then it is not unhandled.
  read.catch(() => undefined);
  started = { reportId, read };
}

/** The read begun at start-up when it is the one asked for (it is used once), else a new read. */
export function openReport(reportId: ReportId): Promise<OpenedReport> {
  const early = started;
  started = undefined;
  return early?.reportId === reportId ? early.read : nianbao.reports.open({ id: reportId });
}
