import type { ImportedCell, SummaryOverview, SummarySum, SummaryUnit, UnitsAdded } from '../../../shared/ipc/contract.ts';
import { compareOwnReport, reviewOpinionTitle, unitsFromText } from '../../../shared/summary/index.ts';
import type { ReceivedFile, ReviewRow } from '../../../shared/summary/index.ts';
import { IMPORT_EXTENSIONS } from '../../import/index.ts';
import type { Store } from '../../store/index.ts';
import { EXCHANGE_EXTENSION } from '../../exchange/index.ts';
import { carryUnitsFromLastYear, noReadableReport, readUnitList, receivedFileSource, receiveFiles, reviewStamps, unitNotListed } from '../../summary/index.ts';
import type { AppDeps, SaveDialogRequest } from '../deps.ts';
import { ReceiveJobs } from '../receiveJobs.ts';
import type { ReviewCache } from '../reviewCache.ts';
import type { Implementations } from '../registry.ts';
import { UserFacingError, unwrap } from '../registry.ts';
import type { UserFiles } from '../userFiles.ts';
import { safeFileName } from '../userFiles.ts';
import { importReview } from './imports.ts';

type SummaryChannel = `nianbao:summary:${string}` & keyof Implementations;

const REPORT_FILTERS = [{ name: '年度报告（交换文件、Word、PDF、网页、Excel、文本）', extensions: [EXCHANGE_EXTENSION.slice(1), ...IMPORT_EXTENSIONS] }];
const UNIT_LIST_FILTERS = [{ name: '单位名单（Excel、CSV、文本）', extensions: ['xlsx', 'csv', 'txt'] }];
const XLSX_FILTER = { name: 'Excel工作簿', extensions: ['xlsx'] };

/** `2025-03-05` in the user's time zone: the date under the 审核意见's signature. */
function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function added(result: { added: readonly unknown[]; skipped: readonly string[] }): UnitsAdded {
  return { added: result.added.length, skipped: result.skipped };
}

function workspaceOf(store: Store, agencyId: number, year: number) {
  const existing = unwrap(store.listWorkspaces({ agencyId })).find((w) => w.year === year);
  return existing ?? unwrap(store.createWorkspace({ agencyId, year }));
}

/** The kept review rows with the notes as they are now (a note changes no check). */
function withCurrentNotes(store: Store, workspaceId: number, rows: readonly ReviewRow[]): ReviewRow[] {
  const notes = new Map(unwrap(store.listNotes({ workspaceId })).flatMap((n) => (n.findingKey === '' ? [[n.unitId, n.text] as const] : [])));
  return rows.map((row) => (row.note === (notes.get(row.unitId) ?? '') ? row : { ...row, note: notes.get(row.unitId) ?? '' }));
}

/** The superior agency's own report of the workspace's year, if it has one. */
function ownReport(store: Store, agencyId: number, year: number) {
  return unwrap(store.listReports({ agencyId })).find((r) => r.year === year && r.deletedAt === null);
}

/**
 * What the importer read for each cell of a received published report (read again from the
 * kept bytes on the worker thread), shown beside the figures in the unit's read-only view.
 * A file that no longer reads shows none; an exchange file has none.
 */
async function readingsOf(store: Store, file: ReceivedFile | undefined, deps: AppDeps): Promise<{ readings: ImportedCell[]; sourceText: string }> {
  if (!file || file.reading.status !== 'read') return { readings: [], sourceText: '' };
  const source = await receivedFileSource(store, file.id, deps.heavy.readImportFile);
  if (!source.ok || source.value === null) return { readings: [], sourceText: '' };
  const review = importReview(source.value);
  return { readings: [...review.cells], sourceText: review.sourceText };
}

export function summaryHandlers(deps: AppDeps, files: UserFiles, reviews: ReviewCache): Implementations<SummaryChannel> {
  const { store, dialogs, heavy } = deps;
  const jobs = new ReceiveJobs();
  const at = (workspaceId: number) => ({ dataDir: store.dataDir, workspaceId });

  const overview = async (workspaceId: number): Promise<SummaryOverview> => {
    const workspace = unwrap(store.getWorkspace({ workspaceId }));
    const lastYear = unwrap(store.listWorkspaces({ agencyId: workspace.agencyId })).find((w) => w.year === workspace.year - 1);
    const rows = unwrap(
      await reviews.rows(
        workspaceId,
        () => reviewStamps(store, { workspaceId }),
        (unitIds) => heavy.reviewRows(at(workspaceId), unitIds),
      ),
    );
    return {
      workspace,
      units: unwrap(store.listUnits({ workspaceId })),
      files: unwrap(store.listReceivedFiles({ workspaceId })),
      rows: withCurrentNotes(store, workspaceId, rows),
      lastYearUnitCount: lastYear ? unwrap(store.listUnits({ workspaceId: lastYear.id })).length : 0,
      receiving: jobs.underWay(workspaceId),
    };
  };

  /** Asks where to save (nothing is made for a cancelled dialog), then writes what `render` makes. */
  const saveAs = async (request: SaveDialogRequest, render: () => Promise<Uint8Array>) => {
    const path = await dialogs.chooseSavePath(request);
    if (path === null) return null;
    await files.write(path, await render());
    return { path };
  };

  /** Starts receiving `paths` as a job; its first state. */
  const startReceiving = (workspaceId: number, paths: readonly string[]) => {
    unwrap(store.getWorkspace({ workspaceId }));
    const jobId = jobs.start(workspaceId, async (report, signal) => {
      const outcome = unwrap(
        await receiveFiles(store, workspaceId, paths, {
          signal,
          readImportFile: heavy.readImportFile,
          onProgress: (p) => report({ done: p.done, total: p.total, current: p.done < p.total ? p.fileName : null }),
        }),
      );
      return { received: outcome.received.length, unreadable: outcome.unreadable.length };
    });
    return jobs.progress(jobId);
  };

  return {
    'nianbao:summary:list': async ({ agencyId }) => unwrap(store.listWorkspaces({ agencyId })),
    'nianbao:summary:open': async ({ agencyId, year }) => overview(workspaceOf(store, agencyId, year).id),
    'nianbao:summary:addUnits': async ({ workspaceId, text }) => {
      const reading = unitsFromText(text);
      if (reading.units.length === 0) throw new UserFacingError('没有找到单位名称：每行写一个单位（可在其后用逗号或Tab写简称）。');
      const result = added(unwrap(store.addUnits({ workspaceId, units: reading.units.map((u) => ({ name: u.name, aliases: [...u.aliases] })) })));
      return { ...result, skipped: [...reading.duplicates, ...result.skipped] };
    },
    'nianbao:summary:importUnits': async ({ workspaceId }) => {
      unwrap(store.getWorkspace({ workspaceId }));
      const path = await dialogs.chooseOpenPath({ title: '导入应报单位名单', filters: UNIT_LIST_FILTERS });
      if (path === null) return null;
      const reading = unwrap(await readUnitList(path));
      const result = added(unwrap(store.addUnits({ workspaceId, units: reading.units.map((u) => ({ name: u.name, aliases: [...u.aliases] })) })));
      return { ...result, skipped: [...reading.duplicates, ...result.skipped] };
    },
    'nianbao:summary:carryUnits': async ({ workspaceId }) => added(unwrap(carryUnitsFromLastYear(store, { workspaceId }))),
    'nianbao:summary:removeUnit': async ({ unitId }) => (unwrap(store.removeUnit({ unitId })), null),
    'nianbao:summary:receiveFiles': async ({ workspaceId }) => {
      unwrap(store.getWorkspace({ workspaceId }));
      jobs.refuseWhileReceiving(workspaceId);
      const paths = await dialogs.chooseOpenPaths({ title: '添加收到的报告', filters: REPORT_FILTERS });
      return paths === null ? null : startReceiving(workspaceId, paths);
    },
    'nianbao:summary:receiveFolder': async ({ workspaceId }) => {
      unwrap(store.getWorkspace({ workspaceId }));
      jobs.refuseWhileReceiving(workspaceId);
      const folder = await dialogs.chooseFolder({ title: '选择存放下级报告的文件夹' });
      return folder === null ? null : startReceiving(workspaceId, [folder]);
    },
    'nianbao:summary:receiveProgress': async ({ jobId }) => jobs.progress(jobId),
    'nianbao:summary:receiveCancel': async ({ jobId }) => (jobs.cancel(jobId), null),
    'nianbao:summary:assignFile': async ({ fileId, unitId }) => (unwrap(store.assignFile({ fileId, unitId })), null),
    'nianbao:summary:chooseRevision': async ({ unitId, fileId }) => (unwrap(store.chooseRevision({ unitId, fileId })), null),
    'nianbao:summary:unit': async ({ workspaceId, unitId }): Promise<SummaryUnit> => {
      const detail = unwrap(await heavy.unitReview(at(workspaceId), unitId));
      const unitFiles = unwrap(store.listReceivedFiles({ workspaceId })).filter((f) => f.match.status === 'matched' && f.match.unitId === unitId);
      const shown = unitFiles.find((f) => f.id === detail.row.fileId);
      const notes = unwrap(store.listNotes({ workspaceId })).filter((n) => n.unitId === unitId);
      return { row: detail.row, report: detail.report, findings: detail.findings, files: unitFiles, notes, ...(await readingsOf(store, shown, deps)) };
    },
    'nianbao:summary:setNote': async ({ unitId, findingKey, text }) => (unwrap(store.setNote({ unitId, findingKey, text })), null),
    'nianbao:summary:sum': async ({ workspaceId }): Promise<SummarySum> => {
      const workspace = unwrap(store.getWorkspace({ workspaceId }));
      const own = ownReport(store, workspace.agencyId, workspace.year);
      const stamps = unwrap(reviewStamps(store, { workspaceId }));
      const { sum, findings } = unwrap(await reviews.sum(workspaceId, stamps, () => heavy.workspaceSum(at(workspaceId))));
      // The own report is compared now, not kept: it is edited beside the 汇总.
      const comparisons = own ? compareOwnReport(unwrap(store.getReport({ reportId: own.id })).report, sum) : null;
      return { sum, findings, own: own && comparisons ? { reportName: own.label || `${own.year}年度报告`, comparisons } : null };
    },
    'nianbao:summary:exportOpinion': async ({ workspaceId, unitId }) => {
      const workspace = unwrap(store.getWorkspace({ workspaceId }));
      const unit = unwrap(store.listUnits({ workspaceId })).find((u) => u.id === unitId);
      if (!unit) throw new UserFacingError(unitNotListed(unitId));
      const files = unwrap(store.listReceivedFiles({ workspaceId }));
      if (!files.some((f) => f.match.status === 'matched' && f.match.unitId === unitId && f.reading.status === 'read')) throw new UserFacingError(noReadableReport(unit.name));
      const title = reviewOpinionTitle(unit.name, workspace.year);
      return saveAs({ title: '导出审核意见', defaultName: `${safeFileName(title, '审核意见')}.docx`, filters: [{ name: 'Word文档', extensions: ['docx'] }] }, async () =>
        unwrap(await heavy.reviewOpinionDocx(at(workspaceId), unitId, localDate(deps.clock()))),
      );
    },
    'nianbao:summary:exportReview': async ({ workspaceId }) => {
      const workspace = unwrap(store.getWorkspace({ workspaceId }));
      const title = `${workspace.agencyName}${workspace.year}年度下级报告审核表`;
      return saveAs({ title: '导出审核表', defaultName: `${safeFileName(title, '审核表')}.xlsx`, filters: [XLSX_FILTER] }, async () =>
        unwrap(await heavy.reviewListXlsx(at(workspaceId), { title, author: workspace.agencyName })),
      );
    },
    'nianbao:summary:exportSumXlsx': async ({ workspaceId }) => {
      const workspace = unwrap(store.getWorkspace({ workspaceId }));
      const title = `${workspace.agencyName}${workspace.year}年度下级报告汇总表`;
      return saveAs({ title: '导出汇总表', defaultName: `${safeFileName(title, '汇总表')}.xlsx`, filters: [XLSX_FILTER] }, async () =>
        unwrap(await heavy.sumXlsx(at(workspaceId), { title, author: workspace.agencyName })),
      );
    },
    'nianbao:summary:exportSumReport': async ({ workspaceId }) => {
      const workspace = unwrap(store.getWorkspace({ workspaceId }));
      const agency = unwrap(store.getAgency({ agencyId: workspace.agencyId })).agency;
      const title = `${workspace.agencyName}${workspace.year}年度下级报告汇总`;
      return saveAs(
        { title: '导出汇总的交换文件', defaultName: `${safeFileName(title, '汇总')}${EXCHANGE_EXTENSION}`, filters: [{ name: '年报交换文件', extensions: [EXCHANGE_EXTENSION.slice(1)] }] },
        async () => new TextEncoder().encode(unwrap(await heavy.sumExchangeFile(at(workspaceId), agency, deps.clock()))),
      );
    },
  };
}
