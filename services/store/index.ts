/**
 * The store of drafts (agencies, reports, revisions, backups) on SQLite. The Electron
 * main process and the CLI use it through `openStore`; only this service touches
 * better-sqlite3.
 */
export { openStore, openStoreReader } from './store.ts';
export type { BackupStatus, FileRestoreResult, ImportResult, RestoredRevision, SavedChanges, SavedReport, Store } from './store.ts';
export type { StoredAgency, AgencySummary } from './agencies.ts';
export type { ReportEntry, StoredReport } from './reports.ts';
export { REVISION_REASONS } from './revisions.ts';
export type { RevisionReason, RevisionEntry } from './revisions.ts';
export type { BackupFile } from './backups.ts';
export type { RecoveryNotice } from './recovery.ts';
export { defaultDataDir } from './paths.ts';
export type {
  AddReceivedFileInput,
  AddUnitsInput,
  AssignFileInput,
  ChooseRevisionInput,
  CreateWorkspaceInput,
  FileIdInput,
  ListWorkspacesInput,
  RereadFileInput,
  SetNoteInput,
  UnitIdInput,
  UpdateUnitInput,
  WorkspaceIdInput,
} from './summaryInputs.ts';
export type {
  AgencyIdInput,
  CreateAgencyInput,
  CreateFromPreviousInput,
  CreateReportInput,
  FileInput,
  ImportReportInput,
  KeepRevisionInput,
  ListAgenciesInput,
  ListReportsInput,
  OpenStoreOptions,
  RenameAgencyInput,
  RenameReportInput,
  ReportIdInput,
  RevisionIdInput,
  SaveReportInput,
  UpdateAgencyInput,
} from './inputs.ts';
