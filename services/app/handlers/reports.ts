import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';
import { unwrap, UserFacingError } from '../registry.ts';
import { reportSummary } from '../summaries.ts';
import { lastYearOf, openedReport, summaryOf } from './storeAccess.ts';

type ReportChannel = `nianbao:reports:${string}` & keyof Implementations;

export function reportHandlers({ store, clock }: AppDeps): Implementations<ReportChannel> {
  /** The agency's report of `year` that is not in the recycle bin. */
  function liveReportOf(agencyId: number, year: number) {
    return unwrap(store.listReports({ agencyId })).find((summary) => summary.year === year);
  }

  return {
    'nianbao:reports:list': async ({ agencyId, includeDeleted }) => {
      const summaries = [false, ...(includeDeleted ? [true] : [])].flatMap((deleted) => unwrap(store.listReports({ agencyId, deleted })));
      return summaries.map((summary) => summaryOf(store, summary.id));
    },
    'nianbao:reports:create': async ({ agencyId, year, from }) => {
      if (from === 'blank') {
        const created = unwrap(store.createReport({ agencyId, year }));
        return reportSummary(created.summary, created.report, lastYearOf(store, created.summary.id));
      }
      const previous = liveReportOf(agencyId, year - 1);
      if (!previous) {
        throw new UserFacingError(`没有找到该机关${year - 1}年度的报告，无法由上年报告新建。可以先导入上年的报告文件，或新建空白报告。`);
      }
      const created = unwrap(store.createReportFromPrevious({ reportId: previous.id, year }));
      return reportSummary(created.summary, created.report, lastYearOf(store, created.summary.id));
    },
    'nianbao:reports:open': async ({ id }) => openedReport(store, unwrap(store.openReport({ reportId: id }))),
    'nianbao:reports:save': async ({ id, report }) => {
      // The store returns only once the transaction is on disk (synchronous=FULL).
      const { contentHash } = unwrap(store.saveReport({ reportId: id, report }));
      return { savedAt: clock().toISOString(), contentHash };
    },
    'nianbao:reports:saveChanges': async ({ id, changes }) => {
      const saved = unwrap(store.saveReportChanges({ reportId: id, changes }));
      return 'stale' in saved ? { status: 'stale' } : { status: 'saved', savedAt: clock().toISOString(), contentHash: saved.contentHash };
    },
    'nianbao:reports:rename': async ({ id, name }) => {
      unwrap(store.renameReport({ reportId: id, label: name }));
      return summaryOf(store, id);
    },
    'nianbao:reports:delete': async ({ id }) => {
      unwrap(store.deleteReport({ reportId: id }));
      return null;
    },
    'nianbao:reports:restore': async ({ id }) => {
      unwrap(store.restoreReport({ reportId: id }));
      return summaryOf(store, id);
    },
  };
}
