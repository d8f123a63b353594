import type { DocumentModel } from '../../shared/document/model.ts';
import type { Result } from '../../shared/model/validation.ts';
import { renderDocx } from '../export/docx/renderDocx.ts';
import { renderXlsx } from '../export/xlsx/renderXlsx.ts';
import { importFile, importPasted } from '../import/index.ts';
import { inProcessFileWork } from '../store/fileWork.ts';
import type { StoreFileWork } from '../store/fileWork.ts';
import type { ImportResult, PastedContent } from '../import/index.ts';
import { inProcessWorkspaceWork, WORKSPACE_WORK_METHODS } from '../summary/workspaceWork.ts';
import type { WorkspaceWork } from '../summary/workspaceWork.ts';

/**
 * The services that keep a processor busy for tens to hundreds of milliseconds: reading a
 * published report or pasted content (pdf.js, DOCX, recognition), writing a DOCX or XLSX, the
 * 汇总's review and sum of a workspace of the store (services/summary/workspaceWork.ts), and
 * the store's work on whole database files: backups' copies, a restore's file taken in
 * (services/store/fileWork.ts). In Electron main they run on a worker thread (heavyWorker.ts)
 * so menus, window moves and other IPC calls never wait for them; in the CLI and in tests,
 * in-process. Arguments and results are plain data (structured-cloneable).
 */
export interface HeavyWork extends WorkspaceWork, StoreFileWork {
  readImportFile(path: string): Promise<Result<ImportResult>>;
  readPasted(content: PastedContent): Promise<Result<ImportResult>>;
  renderDocx(model: DocumentModel): Promise<Uint8Array>;
  renderXlsx(model: DocumentModel): Promise<Uint8Array>;
}

export const HEAVY_WORK_METHODS = ['readImportFile', 'readPasted', 'renderDocx', 'renderXlsx', 'copyDatabase', 'takeInBackupFile', ...WORKSPACE_WORK_METHODS] as const satisfies readonly (keyof HeavyWork)[];

export const inProcessHeavyWork: HeavyWork = {
  ...inProcessWorkspaceWork,
  ...inProcessFileWork,
  readImportFile: (path) => importFile({ path }),
  readPasted: async (content) => importPasted(content),
  renderDocx,
  renderXlsx,
};
