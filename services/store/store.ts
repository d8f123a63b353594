import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { blankReport } from '../../shared/model/report.ts';
import { applyReportChanges } from '../../shared/model/reportChanges.ts';
import type { ReportChanges } from '../../shared/model/reportChanges.ts';
import { isSealedReport } from '../../shared/model/sealedReport.ts';
import type { Report } from '../../shared/model/report.ts';
import type { ExpectedUnit, ReceivedFile, ReviewNote, SummaryWorkspace } from '../../shared/summary/index.ts';
import type { Result } from '../../shared/model/validation.ts';
import type { StoredAgency, AgencySummary } from './agencies.ts';
import * as agencies from './agencies.ts';
import type { BackupFile } from './backups.ts';
import { BACKUP_EVERY_MINUTES, listBackups, pruneBackups, removePartialBackups, takeBackup } from './backups.ts';
import type { Db } from './database.ts';
import { inImmediateTransaction, inspectDatabaseFile, openReadOnly, openReadWrite } from './database.ts';
import { durableRename } from './durableFile.ts';
import type { StoreFileWork } from './fileWork.ts';
import { inProcessFileWork } from './fileWork.ts';
import { storageErrorMessage } from './errors.ts';
import * as inputs from './inputs.ts';
import { validateInput } from './inputs.ts';
import { acquireLock } from './lock.ts';
import type { StoreLock } from './lock.ts';
import { latestVersion, migrate, newerDatabaseMessage } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { reportFromPreviousYear } from './nextYear.ts';
import type { StorePaths } from './paths.ts';
import { sideFiles, storePaths } from './paths.ts';
import type { RecoveryNotice } from './recovery.ts';
import { moveAside, moveBack, prepareDatabaseFile, removeIncoming, unavailableMessage } from './recovery.ts';
import { Refusal } from './refusal.ts';
import type { ReportHead, ReportRow, ReportEntry, StoredReport } from './reports.ts';
import * as reports from './reports.ts';
import type { RevisionEntry } from './revisions.ts';
import * as revisions from './revisions.ts';
import { REVISION_EVERY_MINUTES } from './revisions.ts';
import { encodeReport } from './snapshot.ts';
import type { EncodedReport } from './snapshot.ts';
import * as summary from './summary.ts';
import * as summaryInputs from './summaryInputs.ts';
import type { Clock } from './time.ts';
import { describeTime, minutesBetween, systemClock } from './time.ts';

export interface SavedReport {
  readonly summary: ReportEntry;
  /** The revision this save kept (one every few minutes of editing), or null. */
  readonly revision: RevisionEntry | null;
  /** The saved content's hash: what the next changes are made on (`ReportChanges.base`). */
  readonly contentHash: string;
}

/** Changes saved, or not: the report they were made on is not the one saved last (save the whole report). */
export type SavedChanges = SavedReport | { readonly stale: true };

export interface ImportResult {
  readonly summary: ReportEntry;
  /** True when the report was new here; false when it replaced the content of an existing one. */
  readonly created: boolean;
  readonly revision: RevisionEntry;
}

export interface RestoredRevision extends StoredReport {
  readonly revision: RevisionEntry;
}

export interface BackupStatus {
  /** Newest first. */
  readonly backups: readonly BackupFile[];
  /** Why the last automatic backup failed, or null. */
  readonly lastAutomaticBackupError: string | null;
}

export interface FileRestoreResult {
  /** A backup of the data as it was just before the restore. */
  readonly safetyBackup: BackupFile;
  /** Where the replaced database file was moved (never deleted). */
  readonly movedTo: string;
}

/**
 * The store of drafts. Every method takes one plain object, validates it, and answers
 * with a `Result` whose error is a Chinese message for the user. A method that
 * changes data returns only after the change is durable on disk.
 */
export interface Store {
  readonly dataDir: string;
  readonly readOnly: boolean;
  /** What happened at start-up that the user must be told (damaged database restored …). */
  readonly startupNotices: readonly RecoveryNotice[];

  listAgencies(input?: inputs.ListAgenciesInput): Result<AgencySummary[]>;
  getAgency(input: inputs.AgencyIdInput): Result<StoredAgency>;
  createAgency(input: inputs.CreateAgencyInput): Result<StoredAgency>;
  updateAgency(input: inputs.UpdateAgencyInput): Result<StoredAgency>;
  renameAgency(input: inputs.RenameAgencyInput): Result<StoredAgency>;
  deleteAgency(input: inputs.AgencyIdInput): Result<AgencySummary>;
  restoreAgency(input: inputs.AgencyIdInput): Result<AgencySummary>;

  listReports(input?: inputs.ListReportsInput): Result<ReportEntry[]>;
  createReport(input: inputs.CreateReportInput): Result<StoredReport>;
  createReportFromPrevious(input: inputs.CreateFromPreviousInput): Result<StoredReport>;
  /** Reads a report without side effects. */
  getReport(input: inputs.ReportIdInput): Result<StoredReport>;
  /** Reads a report for editing; keeps an `opened` revision if it changed since the last one. */
  openReport(input: inputs.ReportIdInput): Result<StoredReport>;
  /** Last year's report of the same agency, or null: for the cross-year checks. */
  previousReport(input: inputs.ReportIdInput): Result<StoredReport | null>;
  saveReport(input: inputs.SaveReportInput): Result<SavedReport>;
  /** Saves what changed since the last save of the report (an autosave), when the report they were made on is that one. */
  saveReportChanges(input: inputs.SaveReportChangesInput): Result<SavedChanges>;
  renameReport(input: inputs.RenameReportInput): Result<ReportEntry>;
  deleteReport(input: inputs.ReportIdInput): Result<ReportEntry>;
  restoreReport(input: inputs.ReportIdInput): Result<ReportEntry>;
  /** Files a report from elsewhere under its agency (by name) and year, creating either if needed. */
  importReport(input: inputs.ImportReportInput): Result<ImportResult>;

  listRevisions(input: inputs.ReportIdInput): Result<RevisionEntry[]>;
  getRevision(input: inputs.RevisionIdInput): Result<{ revision: RevisionEntry; report: Report }>;
  keepRevision(input: inputs.KeepRevisionInput): Result<RevisionEntry>;
  /** Makes an old revision the current content; the current content is kept as a revision first. */
  restoreRevision(input: inputs.RevisionIdInput): Result<RestoredRevision>;

  listBackups(): Result<BackupStatus>;
  backupNow(): Promise<Result<BackupFile>>;
  backupToFile(input: inputs.FileInput): Promise<Result<{ path: string; bytes: number }>>;
  /** Replaces all data with a backup file; the current data is backed up and moved aside first. */
  restoreFromFile(input: inputs.FileInput): Promise<Result<FileRestoreResult>>;

  /** The superior office's 汇总 workspaces (one per agency and year). */
  listWorkspaces(input?: summaryInputs.ListWorkspacesInput): Result<SummaryWorkspace[]>;
  createWorkspace(input: summaryInputs.CreateWorkspaceInput): Result<SummaryWorkspace>;
  getWorkspace(input: summaryInputs.WorkspaceIdInput): Result<SummaryWorkspace>;
  /** The expected units, in the office's order. */
  listUnits(input: summaryInputs.WorkspaceIdInput): Result<ExpectedUnit[]>;
  /** Adds units at the end; a name already listed (whitespace and width aside) is skipped and returned. */
  addUnits(input: summaryInputs.AddUnitsInput): Result<{ added: ExpectedUnit[]; skipped: string[] }>;
  updateUnit(input: summaryInputs.UpdateUnitInput): Result<ExpectedUnit>;
  /** Removes a unit without files; one with received files is refused. */
  removeUnit(input: summaryInputs.UnitIdInput): Result<ExpectedUnit>;
  /** Keeps a received file (its bytes, what was read, the report, the unit matched); never replaces an earlier one. */
  addReceivedFile(input: summaryInputs.AddReceivedFileInput): Result<ReceivedFile>;
  listReceivedFiles(input: summaryInputs.WorkspaceIdInput): Result<ReceivedFile[]>;
  getReceivedFile(input: summaryInputs.FileIdInput): Result<ReceivedFile>;
  getReceivedReport(input: summaryInputs.FileIdInput): Result<Report | null>;
  getReceivedBytes(input: summaryInputs.FileIdInput): Result<Uint8Array>;
  /** The reviewer's answer to an ambiguous or unmatched file (or a correction): the file's unit, or none. */
  assignFile(input: summaryInputs.AssignFileInput): Result<ReceivedFile>;
  /** Replaces what was read from a file's kept bytes (the review re-run). */
  rereadFile(input: summaryInputs.RereadFileInput): Result<ReceivedFile>;
  /** Which revision of a unit the review and the sum use (null: the newest). */
  chooseRevision(input: summaryInputs.ChooseRevisionInput): Result<{ unitId: number; fileId: number | null }>;
  listChoices(input: summaryInputs.WorkspaceIdInput): Result<{ unitId: number; fileId: number }[]>;
  /** A reviewer's note on a unit (`findingKey` '') or on one of its findings; an empty text removes it. */
  setNote(input: summaryInputs.SetNoteInput): Result<ReviewNote | null>;
  listNotes(input: summaryInputs.WorkspaceIdInput): Result<ReviewNote[]>;

  /** Waits for a running backup, closes the database and releases the lock. */
  close(): Promise<void>;
}

const LATEST_VERSION = latestVersion(migrations);

interface Context {
  db: Db;
  readonly paths: StorePaths;
  readonly clock: Clock;
  readonly readOnly: boolean;
  readonly lock: StoreLock | undefined;
  /** Copies backups and takes in a restore's file: off this thread in the app (`OpenStoreOptions.fileWork`). */
  readonly fileWork: StoreFileWork;
}

function refuse(message: string): never {
  throw new Refusal(message);
}

function failure(error: unknown, doing: string): { ok: false; error: string } {
  if (error instanceof Refusal) return { ok: false, error: error.message };
  const message = storageErrorMessage(error, doing);
  if (message) return { ok: false, error: message };
  throw error;
}

function createStore(context: Context, startupNotices: readonly RecoveryNotice[]): Store {
  const { paths, clock } = context;
  let closed = false;
  /** Set while the database file is being replaced: every other call waits its turn. */
  let replacing = false;
  let pendingBackup: Promise<unknown> | undefined;
  let newestBackupAt = listBackups(paths.backups)[0]?.takenAt;
  let lastAutomaticBackupError: string | null = null;

  const now = () => clock().toISOString();
  const db = () => context.db;

  function available(): void {
    if (closed) refuse('数据库已关闭。');
    if (replacing) refuse('正在从备份文件恢复数据，请稍后再试。');
  }

  /** A read: validated input, failures as messages. */
  function reader<S extends z.ZodType, T>(schema: S, doing: string, fn: (input: z.output<S>) => T) {
    return (input?: z.input<S>): Result<T> => {
      const valid = validateInput(schema, input);
      if (!valid.ok) return valid;
      try {
        available();
        return { ok: true, value: fn(valid.value) };
      } catch (error) {
        return failure(error, doing);
      }
    };
  }

  /** A read or change that waits (backups): validated input, failures as messages. */
  function waiting<S extends z.ZodType, T>(schema: S, doing: string, fn: (input: z.output<S>) => Promise<T>) {
    return async (input?: z.input<S>): Promise<Result<T>> => {
      const valid = validateInput(schema, input);
      if (!valid.ok) return valid;
      try {
        available();
        return { ok: true, value: await fn(valid.value) };
      } catch (error) {
        return failure(error, doing);
      }
    };
  }

  /** A change: one immediate transaction, durable when it returns; a refusal rolls it back. */
  function writer<S extends z.ZodType, T>(schema: S, doing: string, fn: (input: z.output<S>) => T) {
    return reader(schema, doing, (input: z.output<S>): T => {
      if (context.readOnly) refuse('数据以只读方式打开，不能修改。');
      const value = inImmediateTransaction(db(), () => fn(input));
      backUpIfDue();
      return value;
    });
  }

  async function backUp(): Promise<BackupFile> {
    mkdirSync(paths.backups, { recursive: true });
    const backup = await takeBackup(context.fileWork.copyDatabase, paths.database, paths.backups, clock());
    newestBackupAt = backup.takenAt;
    if (!context.readOnly) pruneBackups(paths.backups);
    return backup;
  }

  /** Starts an automatic backup in the background when the newest one is old enough. */
  function backUpIfDue(): void {
    if (context.readOnly || pendingBackup || closed || replacing) return;
    if (newestBackupAt && minutesBetween(newestBackupAt, clock()) < BACKUP_EVERY_MINUTES) return;
    pendingBackup = backUp()
      .then(() => (lastAutomaticBackupError = null))
      .catch((error: unknown) => (lastAutomaticBackupError = storageErrorMessage(error, '自动备份') ?? String(error)))
      .finally(() => (pendingBackup = undefined));
  }

  /** Writes new content to a report and remembers its agency details, as every save does. */
  function writeContent(row: ReportHead, report: Report, encoded: EncodedReport, at: string, storedAgency?: agencies.StoredDetails): ReportHead {
    if (report.year !== row.year) {
      reports.refuseTakenYear(db(), row.agency_id, report.year, row.id);
      reports.setReportYear(db(), row.id, report.year);
    }
    agencies.writeAgencyDetails(db(), row.agency_id, report.agency, at, storedAgency);
    reports.writeReportContent(db(), row.id, encoded, at);
    // The row as the two writes left it, not read back: every autosave comes here.
    return { ...row, agency_name: report.agency.name, year: report.year, content_hash: encoded.hash, updated_at: at };
  }

  function keepCurrent(row: ReportRow, reason: revisions.RevisionReason, at: string): RevisionEntry | null {
    const { report } = reports.toStored(row);
    return revisions.addRevisionIfChanged(db(), { reportId: row.id, report, encoded: encodeReport(report), reason, now: at });
  }

  function createWithRevision(agencyId: number, report: Report, reason: revisions.RevisionReason, note?: string) {
    const at = now();
    const encoded = encodeReport(report);
    const row = reports.insertReport(db(), agencyId, report, encoded, at);
    const revision = revisions.addRevision(db(), { reportId: row.id, report, encoded, reason, note, now: at });
    return { stored: reports.toStored(row), revision };
  }

  /**
   * The last reports saved (a few, by report id) and their hashes: what an autosave's changes
   * are applied to once the row still has that content. Any other write changes the row's
   * hash, and its report here is no longer taken.
   */
  const lastSaved = new Map<number, EncodedReport>();
  const LAST_SAVED_KEPT = 8;

  function rememberSaved(reportId: number, encoded: EncodedReport): void {
    lastSaved.delete(reportId);
    lastSaved.set(reportId, encoded);
    if (lastSaved.size > LAST_SAVED_KEPT) lastSaved.delete(lastSaved.keys().next().value!);
  }

  /** Every save of new content by the page or a caller: one cell changed, mostly. */
  function save({ reportId, report }: { reportId: number; report: Report }): SavedReport {
    return saveOver(reports.requireLiveSaveHead(db(), reportId), report);
  }

  function saveOver(row: reports.SaveHead, report: Report): SavedReport {
    const encoded = encodeReport(report);
    if (encoded.hash === row.content_hash) {
      rememberSaved(row.id, encoded);
      return { summary: reports.toSummary(row), revision: null, contentHash: encoded.hash };
    }
    const date = clock();
    const at = date.toISOString();
    const saved = writeContent(row, report, encoded, at, { name: row.agency_name, details: row.agency_details });
    const latest = row.last_revision_at;
    const due = !latest || minutesBetween(latest, date) >= REVISION_EVERY_MINUTES;
    const revision = due ? revisions.addRevisionIfChanged(db(), { reportId: row.id, report, encoded, reason: 'editing', now: at }) : null;
    // Remembered once written: a refused save (a year taken) leaves the report before it.
    rememberSaved(row.id, encoded);
    return { summary: reports.toSummary(saved), revision, contentHash: encoded.hash };
  }

  function saveChanges({ reportId, changes }: { reportId: number; changes: ReportChanges }): SavedChanges {
    const row = reports.requireLiveSaveHead(db(), reportId);
    const base = lastSaved.get(reportId);
    const current = base !== undefined && base.hash === changes.base && base.hash === row.content_hash && base.report.formatId === changes.formatId;
    return current ? saveOver(row, applyReportChanges(base.report, changes)) : { stale: true };
  }

  // A sealed report was validated by the IPC contract's parse and cannot have changed since.
  const saveSealed = writer(inputs.saveSealedReportInput, '保存报告', save);
  const saveChecked = writer(inputs.saveReportInput, '保存报告', save);

  const store: Store = {
    dataDir: paths.dataDir,
    readOnly: context.readOnly,
    startupNotices,

    listAgencies: reader(inputs.listAgenciesInput, '读取机关列表', ({ deleted }) => agencies.listAgencies(db(), deleted ?? false)),
    getAgency: reader(inputs.agencyIdInput, '读取机关', ({ agencyId }) => agencies.toRecord(agencies.requireAgency(db(), agencyId))),
    createAgency: writer(inputs.createAgencyInput, '新建机关', ({ agency }) => {
      agencies.refuseDuplicateName(db(), agency.name);
      const { id } = agencies.insertAgency(db(), agency, now());
      return agencies.toRecord(agencies.requireAgency(db(), id));
    }),
    updateAgency: writer(inputs.updateAgencyInput, '保存机关信息', ({ agencyId, agency }) => {
      agencies.requireLiveAgency(db(), agencyId);
      agencies.writeAgencyDetails(db(), agencyId, agency, now());
      return agencies.toRecord(agencies.requireAgency(db(), agencyId));
    }),
    renameAgency: writer(inputs.renameAgencyInput, '修改机关名称', ({ agencyId, name }) => {
      const record = agencies.toRecord(agencies.requireLiveAgency(db(), agencyId));
      agencies.refuseDuplicateName(db(), name, agencyId);
      agencies.writeAgencyDetails(db(), agencyId, { ...record.agency, name }, now());
      return agencies.toRecord(agencies.requireAgency(db(), agencyId));
    }),
    deleteAgency: writer(inputs.agencyIdInput, '删除机关', ({ agencyId }) => {
      agencies.requireLiveAgency(db(), agencyId);
      const at = now();
      return agencies.setAgencyDeleted(db(), agencyId, at, at);
    }),
    restoreAgency: writer(inputs.agencyIdInput, '恢复机关', ({ agencyId }) => {
      const row = agencies.requireAgency(db(), agencyId);
      if (!row.deleted_at) refuse(`机关“${row.name}”不在回收站中。`);
      return agencies.setAgencyDeleted(db(), agencyId, null, now());
    }),

    listReports: reader(inputs.listReportsInput, '读取报告列表', ({ agencyId, deleted }) =>
      reports.listReports(db(), agencyId, deleted ?? false),
    ),
    createReport: writer(inputs.createReportInput, '新建报告', ({ agencyId, year }) => {
      const { agency } = agencies.toRecord(agencies.requireLiveAgency(db(), agencyId));
      reports.refuseTakenYear(db(), agencyId, year);
      return createWithRevision(agencyId, blankReport(agency, year), 'created').stored;
    }),
    createReportFromPrevious: writer(inputs.createFromPreviousInput, '由上年报告新建', ({ reportId, year }) => {
      const previous = reports.requireLiveReport(db(), reportId);
      const target = year ?? previous.year + 1;
      if (target <= previous.year) refuse(`新报告的年度应晚于${previous.year}年。`);
      reports.refuseTakenYear(db(), previous.agency_id, target);
      const { agency } = agencies.toRecord(agencies.requireAgency(db(), previous.agency_id));
      const report = reportFromPreviousYear(reports.toStored(previous).report, agency, target);
      return createWithRevision(previous.agency_id, report, 'fromPreviousYear', `由${previous.year}年度报告生成`).stored;
    }),
    getReport: reader(inputs.reportIdInput, '读取报告', ({ reportId }) => reports.toStored(reports.requireReport(db(), reportId))),
    openReport: writer(inputs.reportIdInput, '打开报告', ({ reportId }) => {
      const row = reports.requireLiveReport(db(), reportId);
      keepCurrent(row, 'opened', now());
      return reports.toStored(row);
    }),
    previousReport: reader(inputs.reportIdInput, '读取上年报告', ({ reportId }) => {
      const row = reports.requireReport(db(), reportId);
      const previous = reports.liveReportFor(db(), row.agency_id, row.year - 1);
      return previous ? reports.toStored(previous) : null;
    }),
    // The input's type is not trusted (callers outside TypeScript pass anything): each writer checks it with its schema.
    saveReport: (input) =>
      isSealedReport((input as Partial<inputs.SaveReportInput> | undefined)?.report)
        ? saveSealed(input as inputs.SaveSealedReportInput)
        : saveChecked(input),
    saveReportChanges: writer(inputs.saveReportChangesInput, '保存报告', saveChanges),
    renameReport: writer(inputs.renameReportInput, '修改报告名称', ({ reportId, label }) => {
      reports.requireLiveReport(db(), reportId);
      return reports.toSummary(reports.setReportLabel(db(), reportId, label, now()));
    }),
    deleteReport: writer(inputs.reportIdInput, '删除报告', ({ reportId }) => {
      reports.requireLiveReport(db(), reportId);
      return reports.toSummary(reports.setReportDeleted(db(), reportId, now()));
    }),
    restoreReport: writer(inputs.reportIdInput, '恢复报告', ({ reportId }) => {
      const row = reports.requireReport(db(), reportId);
      if (!row.deleted_at) refuse(`${reports.describeReport(row)}不在回收站中。`);
      reports.refuseTakenYear(db(), row.agency_id, row.year, row.id);
      return reports.toSummary(reports.setReportDeleted(db(), reportId, null));
    }),
    importReport: writer(inputs.importReportInput, '导入报告', ({ report, source }): ImportResult => {
      const name = report.agency.name.trim();
      if (!name) refuse('导入的报告没有填写机关名称，无法归档。请让对方填写机关名称后重新导出。');
      const at = now();
      const note = source ? `来自${source}` : '';
      const agency = agencies.findAgencyByName(db(), name) ?? agencies.insertAgency(db(), report.agency, at);
      const existing = reports.liveReportFor(db(), agency.id, report.year);
      if (!existing) {
        agencies.writeAgencyDetails(db(), agency.id, report.agency, at);
        const { stored, revision } = createWithRevision(agency.id, report, 'imported', note);
        return { summary: stored.summary, created: true, revision };
      }
      keepCurrent(existing, 'beforeImport', at);
      const encoded = encodeReport(report);
      const saved = writeContent(existing, report, encoded, at);
      const revision = revisions.addRevision(db(), { reportId: saved.id, report, encoded, reason: 'imported', note, now: at });
      return { summary: reports.toSummary(saved), created: false, revision };
    }),

    listRevisions: reader(inputs.reportIdInput, '读取版本列表', ({ reportId }) => {
      reports.requireReport(db(), reportId);
      return revisions.listRevisions(db(), reportId);
    }),
    getRevision: reader(inputs.revisionIdInput, '读取版本', ({ revisionId }) => {
      const revision = revisions.requireRevision(db(), revisionId);
      return { revision: revision.summary, report: revision.report() };
    }),
    keepRevision: writer(inputs.keepRevisionInput, '保留版本', ({ reportId, reason, note }) => {
      const { report } = reports.toStored(reports.requireLiveReport(db(), reportId));
      return revisions.addRevision(db(), { reportId, report, encoded: encodeReport(report), reason, note, now: now() });
    }),
    restoreRevision: writer(inputs.revisionIdInput, '恢复版本', ({ revisionId }): RestoredRevision => {
      const old = revisions.requireRevision(db(), revisionId);
      const row = reports.requireLiveReport(db(), old.summary.reportId);
      const at = now();
      keepCurrent(row, 'beforeRestore', at);
      const report = old.report();
      const encoded = encodeReport(report);
      const saved = writeContent(row, report, encoded, at);
      const note = `恢复到${describeTime(old.summary.createdAt)}的版本（${old.summary.reasonLabel}）`;
      const revision = revisions.addRevision(db(), { reportId: row.id, report, encoded, reason: 'restored', note, now: at });
      return { summary: reports.toSummary(saved), report, revision };
    }),

    listWorkspaces: reader(summaryInputs.listWorkspacesInput, '读取汇总列表', ({ agencyId }) => summary.listWorkspaces(db(), agencyId)),
    createWorkspace: writer(summaryInputs.createWorkspaceInput, '新建汇总', ({ agencyId, year }) => {
      agencies.requireLiveAgency(db(), agencyId);
      return summary.insertWorkspace(db(), agencyId, year, now());
    }),
    getWorkspace: reader(summaryInputs.workspaceIdInput, '读取汇总', ({ workspaceId }) => summary.requireWorkspace(db(), workspaceId)),
    listUnits: reader(summaryInputs.workspaceIdInput, '读取单位名单', ({ workspaceId }) => {
      summary.requireWorkspace(db(), workspaceId);
      return summary.listUnits(db(), workspaceId);
    }),
    addUnits: writer(summaryInputs.addUnitsInput, '添加单位', ({ workspaceId, units }) => {
      summary.requireWorkspace(db(), workspaceId);
      const added = summary.addUnits(db(), workspaceId, units);
      summary.touchWorkspace(db(), workspaceId, now());
      return added;
    }),
    updateUnit: writer(summaryInputs.updateUnitInput, '修改单位', ({ unitId, name, aliases }) => summary.updateUnit(db(), unitId, { name, aliases })),
    removeUnit: writer(summaryInputs.unitIdInput, '删除单位', ({ unitId }) => summary.removeUnit(db(), unitId)),
    addReceivedFile: writer(summaryInputs.addReceivedFileInput, '保存收到的报告', (file) => {
      summary.requireWorkspace(db(), file.workspaceId);
      return summary.insertFile(db(), file, now());
    }),
    listReceivedFiles: reader(summaryInputs.workspaceIdInput, '读取收到的报告', ({ workspaceId }) => {
      summary.requireWorkspace(db(), workspaceId);
      return summary.listFiles(db(), workspaceId);
    }),
    getReceivedFile: reader(summaryInputs.fileIdInput, '读取收到的报告', ({ fileId }) => summary.requireFile(db(), fileId).file),
    getReceivedReport: reader(summaryInputs.fileIdInput, '读取收到的报告', ({ fileId }) => summary.fileReport(db(), fileId)),
    getReceivedBytes: reader(summaryInputs.fileIdInput, '读取收到的文件', ({ fileId }) => summary.fileBytes(db(), fileId)),
    assignFile: writer(summaryInputs.assignFileInput, '指定报告的单位', ({ fileId, unitId }) => summary.assignFile(db(), fileId, unitId, now())),
    rereadFile: writer(summaryInputs.rereadFileInput, '重新读取报告', ({ fileId, reading, report }) => summary.rereadFile(db(), fileId, reading, report, now())),
    chooseRevision: writer(summaryInputs.chooseRevisionInput, '选择报告版本', ({ unitId, fileId }) => {
      summary.chooseRevision(db(), unitId, fileId, now());
      return { unitId, fileId };
    }),
    listChoices: reader(summaryInputs.workspaceIdInput, '读取选择的版本', ({ workspaceId }) => summary.listChoices(db(), workspaceId)),
    setNote: writer(summaryInputs.setNoteInput, '保存审核意见', ({ unitId, findingKey, text }) => summary.setNote(db(), unitId, findingKey, text, now())),
    listNotes: reader(summaryInputs.workspaceIdInput, '读取审核意见', ({ workspaceId }) => summary.listNotes(db(), workspaceId)),

    listBackups: reader(inputs.noInput, '读取备份列表', () => ({
      backups: listBackups(paths.backups),
      lastAutomaticBackupError,
    })),
    backupNow: waiting(inputs.noInput, '备份', async () => {
      await pendingBackup;
      return backUp();
    }),
    backupToFile: waiting(inputs.fileInput, '备份到文件', async ({ path: target }) => {
      const path = resolve(target);
      if (path === paths.database || sideFiles(paths.database).includes(path)) refuse('不能备份到数据库文件本身，请另选一个位置。');
      await context.fileWork.copyDatabase(paths.database, path);
      return { path, bytes: statSync(path).size };
    }),
    restoreFromFile: waiting(inputs.fileInput, '从备份文件恢复', async ({ path }): Promise<FileRestoreResult> => {
      const source = resolve(path);
      const { incoming } = paths;
      if (context.readOnly) refuse('数据以只读方式打开，不能恢复。');
      if (source === paths.database) refuse('这就是正在使用的数据库文件，请选择一个备份文件。');
      replacing = true;
      try {
        removeIncoming(paths);
        const refusal = await context.fileWork.takeInBackupFile(source, incoming);
        if (refusal) refuse(refusal);
        await pendingBackup;
        const safetyBackup = await backUp();
        context.db.close();
        let movedTo: string | undefined;
        try {
          movedTo = moveAside(paths, clock(), 'replaced');
          durableRename(incoming, paths.database);
        } catch (error) {
          if (movedTo && !existsSync(paths.database)) moveBack(movedTo, paths);
          throw error;
        } finally {
          context.db = openAndMigrate(paths.database);
        }
        return { safetyBackup, movedTo };
      } finally {
        replacing = false;
        removeIncoming(paths);
      }
    }),

    async close() {
      if (closed) return;
      await pendingBackup;
      closed = true;
      context.db.close();
      context.lock?.release();
    },
  };
  backUpIfDue();
  return store;
}

function openAndMigrate(path: string): Db {
  const db = openReadWrite(path);
  const migrated = migrate(db, migrations);
  if (!migrated.ok) {
    db.close();
    refuse(migrated.error);
  }
  return db;
}

/** What an opened store is given besides its connection and lock. */
type Setting = Pick<Context, 'paths' | 'clock' | 'fileWork'>;

function openReadOnlyStore(setting: Setting): Store {
  const { paths } = setting;
  const inspection = inspectDatabaseFile(paths.database, LATEST_VERSION);
  switch (inspection.state) {
    case 'missing':
    case 'empty':
      return refuse(`在“${paths.dataDir}”没有找到年报的数据。`);
    case 'newer':
      return refuse(newerDatabaseMessage(inspection.version, LATEST_VERSION));
    case 'damaged':
      return refuse(`数据库已损坏（${inspection.reason}）。请打开年报程序，它会自动从备份恢复。`);
    case 'unavailable':
      return refuse(unavailableMessage(inspection.reason));
    case 'ok':
      if (inspection.version < LATEST_VERSION) refuse('数据库需要升级：请先用年报程序打开一次。');
  }
  return createStore({ ...setting, db: openReadOnly(paths.database), readOnly: true, lock: undefined }, []);
}

function openWritableStore(setting: Setting): Store {
  const { paths, clock } = setting;
  mkdirSync(paths.backups, { recursive: true });
  const lock = acquireLock(paths, clock);
  if (!lock.ok) refuse(lock.error);
  try {
    removePartialBackups(paths.backups);
    const prepared = prepareDatabaseFile(paths, LATEST_VERSION, clock);
    if (!prepared.ok) refuse(prepared.error);
    const db = openAndMigrate(paths.database);
    return createStore({ ...setting, db, readOnly: false, lock: lock.value }, prepared.value ? [prepared.value] : []);
  } catch (error) {
    lock.value.release();
    throw error;
  }
}

/**
 * A read-only store of the database this process's writable store has open (the heavy-work
 * thread reading beside Electron main): main checked and migrated the file when it opened
 * it, so it is not checked again here (an integrity check reads every page of the file).
 */
export function openStoreReader(dataDir: string): Result<Store> {
  const paths = storePaths(resolve(dataDir));
  try {
    const setting = { paths, clock: systemClock, fileWork: inProcessFileWork };
    return { ok: true, value: createStore({ ...setting, db: openReadOnly(paths.database), readOnly: true, lock: undefined }, []) };
  } catch (error) {
    return failure(error, '打开数据');
  }
}

/**
 * Opens the store in `dataDir` (created if needed). For writing (the default) it takes
 * the single-writer lock, checks the database (`integrity_check`), replaces a damaged
 * one with the newest good backup, migrates the schema and starts automatic backups.
 * `readOnly` reads beside a running app without the lock, and changes nothing. Backups are
 * copied and a restore's file taken in by `fileWork`, on this thread unless another is given.
 */
export function openStore(options: inputs.OpenStoreOptions): Result<Store> {
  const valid = validateInput(inputs.openStoreInput, options);
  if (!valid.ok) return valid;
  const { dataDir, clock, readOnly, fileWork } = valid.value;
  const setting: Setting = { paths: storePaths(resolve(dataDir)), clock: clock ?? systemClock, fileWork: fileWork ?? inProcessFileWork };
  try {
    return { ok: true, value: readOnly ? openReadOnlyStore(setting) : openWritableStore(setting) };
  } catch (error) {
    return failure(error, '打开数据');
  }
}
