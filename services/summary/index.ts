/**
 * The superior office's 汇总 as a service for the app (over IPC) and the CLI: receiving
 * files and folders into a workspace of the store, the review table, each unit's review,
 * the sum, unit lists, and the review and sum outputs. The pure parts are in shared/summary.
 */
export { listReceivedPaths, readReceivedFile, RECEIVED_EXTENSIONS, uncertainCells, unitNameFromFileName } from './readReceived.ts';
export type { ReadImportFile, ReceivedReading } from './readReceived.ts';
export { matchReceived, receiveFiles } from './receive.ts';
export type { ReceiveOptions, ReceiveOutcome, ReceiveProgress } from './receive.ts';
export { carryUnitsFromLastYear, noReadableReport, reviewRows, reviewStamps, reviewStoredWorkspace, sumWorkspace, unitNotListed, unitReviewDetail, workspaceContents } from './workspace.ts';
export type { ReviewStamps, UnitReviewDetail, WorkspaceSumResult } from './workspace.ts';
export { csvRows, readUnitList } from './unitListFile.ts';
export { commonYear, reviewFolder } from './folderReview.ts';
export { receivedFileSource, rereadReceivedFiles } from './reread.ts';
export type { FolderReview } from './folderReview.ts';
export { inProcessWorkspaceWork, WORKSPACE_WORK_METHODS } from './workspaceWork.ts';
export type { UnitReviewData, WorkbookOptions, WorkspaceAt, WorkspaceSumData, WorkspaceWork } from './workspaceWork.ts';
