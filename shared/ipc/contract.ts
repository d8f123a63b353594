import { z } from 'zod';
import type { Agency, Report } from '../model/report.ts';
import { agencySchema, localRequirementsSchema, reportChangesSchema, reportSchema, yearSchema } from '../model/schemas.ts';
import { sealedReportSchema } from '../model/sealedReport.ts';
import type { LocalRequirements } from '../model/localRequirements.ts';
import type { Finding } from '../checks/index.ts';
import type {
  ExpectedUnit,
  OwnReportComparison,
  ReceivedFile,
  ReviewNote,
  ReviewRow,
  SummaryWorkspace,
  WorkspaceSum,
} from '../summary/index.ts';
import type { Channel } from './names.ts';
import type { ReportStatus } from './reportStatus.ts';

/**
 * The one IPC contract between the page and the main process: every channel, the zod
 * schema of its argument and the type of its result. Main's handler registry is built
 * from this table and the preloads from its names (names.ts, one entry here for each),
 * so the page sees one API and every argument is validated in main before it reaches a
 * service.
 *
 * Everything crossing it is JSON-serialisable (dates are ISO 8601 strings). File paths
 * never come from the page except to show a file the app itself wrote: main asks the
 * user with a native dialog and returns the chosen path (null when cancelled).
 */

export { CHANNEL_PREFIX, channels, isChannel, MENU_EVENT, MENU_COMMANDS, isMenuCommand, FLUSH_EVENT, FLUSH_DONE_EVENT } from './names.ts';
export type { Channel, MenuCommand } from './names.ts';
export type { ReportStatus } from './reportStatus.ts';

/** Store records are numbered 1, 2, 3 … */
const id = z.number({ error: '编号应为数字' }).int({ error: '编号应为正整数' }).positive({ error: '编号应为正整数' });
const noArgs = z.strictObject({});


export interface AgencyRecord {
  readonly id: number;
  readonly agency: Agency;
  /** Its reports that are not in the recycle bin. */
  readonly reportCount: number;
  readonly updatedAt: string;
  /** When it was moved to the recycle bin; null while in use. */
  readonly deletedAt: string | null;
}

export interface ReportSummary {
  readonly id: number;
  readonly agencyId: number;
  readonly year: number;
  /** The name shown in lists (renameable), e.g. `2024年政府信息公开工作年度报告`. */
  readonly name: string;
  readonly status: ReportStatus;
  /** Mistakes in what is written (not counting what is still blank). */
  readonly errorCount: number;
  /** Things still to write: table rows with blank cells, empty sections, the agency's name. */
  readonly unfinishedCount: number;
  readonly warningCount: number;
  /** Last edited. */
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

export interface OpenedReport {
  readonly summary: ReportSummary;
  readonly report: Report;
  /** The same agency's report of the previous year, for cross-year checks; null if none. */
  readonly lastYear: Report | null;
}

/**
 * What printing came to: 'printed' only when the platform says the job went to the printer;
 * 'cancelled' when it says the user cancelled; 'dialog-closed' when it says neither (on
 * Linux the print dialog only tells that it closed).
 */
export type PrintOutcome = 'printed' | 'cancelled' | 'dialog-closed';

export interface SaveResult {
  /** When the save became durable (the call resolves only then). */
  readonly savedAt: string;
  /** The saved content's hash: the next autosave sends the changes made on it. */
  readonly contentHash: string;
}

/** Changes saved; or `stale`: main does not hold the report they were made on, so the page saves the whole report. */
export type SaveChangesResult = ({ readonly status: 'saved' } & SaveResult) | { readonly status: 'stale' };

export interface RevisionSummary {
  readonly id: number;
  readonly reportId: number;
  readonly createdAt: string;
  /** Why it was kept, e.g. 打开、定时保存、导出前、恢复前. */
  readonly reason: string;
  /** Short description of what changed since the previous revision. */
  readonly summary: string;
}

export interface RevisionView {
  readonly revision: RevisionSummary;
  readonly report: Report;
}

/** An automatic, rotating backup of the database (in the data directory). */
export interface BackupSummary {
  /** File name, e.g. `nianbao-2025-01-31T02-20-30-123Z.db`. */
  readonly file: string;
  readonly createdAt: string;
  readonly sizeBytes: number;
}

/** A file written for the user (export, backup); null when the save dialog was cancelled. */
export type SavedFile = { readonly path: string } | null;

export type ImportConfidence = 'sure' | 'unsure';

/** `read`: a figure; `blank`: printed blank; `unread`: not read (missing, unplaced or unreadable: the source may well have it). */
export type ImportedCellStatus = 'read' | 'blank' | 'unread';

export interface ImportedCell {
  readonly key: string;
  readonly status: ImportedCellStatus;
  /** The figure found; null when the source has it blank or it could not be read. */
  readonly value: string | null;
  readonly confidence: ImportConfidence;
  /** The source text the value was read from, to show beside it ('' when none was found). */
  readonly source: string;
  /** Which line of `sourceText` that is (0-based); absent when none was found. */
  readonly line?: number;
  /** Why the reading is uncertain or why there is no value, or null. */
  readonly note: string | null;
  /** Where the cell's text is printed in the source PDF; absent for other sources or when not found. */
  readonly box?: PrintedBox;
}

/** A box on a PDF page, in PDF points from the page's lower-left corner (y upwards). */
export interface PrintedBox {
  /** 1-based page number. */
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The source PDF of an import, for showing its pages beside the figures. */
export interface ImportedPdf {
  readonly base64: string;
  /** Each page's size in PDF points (unrotated), page 1 first. */
  readonly pageSizes: readonly { readonly width: number; readonly height: number }[];
}

/** What an import recognised, for the user to review and correct before confirming. */
export interface ImportReview {
  readonly fileName: string;
  /** The agency and year the file names (its title), to compare with the ones chosen; null when not found. */
  readonly agency: string | null;
  readonly year: number | null;
  /** The text of the source file, shown beside the recognised figures. */
  readonly sourceText: string;
  /** The source file when it is a PDF (its pages are shown beside the figures); null otherwise. */
  readonly pdf: ImportedPdf | null;
  /** The recognised report (blank cells stay blank; nothing is guessed). */
  readonly report: Report;
  readonly cells: readonly ImportedCell[];
  /** Labels, headings or lines that could not be matched. */
  readonly unmatched: readonly string[];
  /** Readable remarks about the file (e.g. sections not found). */
  readonly notes: readonly string[];
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** The official format new reports are written in: its id (e.g. 2021) and name. */
  readonly formatId: string;
  readonly formatName: string;
  /** The instrument that issued the format, e.g. 国办公开办函〔2021〕30号. */
  readonly formatBasis: string;
  /** Data version of reports and exchange files this app writes. */
  readonly dataVersion: number;
  readonly dataDir: string;
  /** The automatic backups (inside the data directory). */
  readonly backupsDir: string;
  readonly logsDir: string;
  /** Third-party notices (fonts, libraries). */
  readonly notices: string;
}

export interface StartupNotice {
  readonly level: 'info' | 'warning';
  readonly message: string;
}

/** A 汇总 workspace as its screen opens it: the units expected, the files received, the review. */
export interface SummaryOverview {
  readonly workspace: SummaryWorkspace;
  readonly units: readonly ExpectedUnit[];
  /** Every file received, oldest first (unreadable and unmatched ones included). */
  readonly files: readonly ReceivedFile[];
  /** One row per expected unit. */
  readonly rows: readonly ReviewRow[];
  /** Units listed in the agency's 汇总 of the year before (0: none to carry). */
  readonly lastYearUnitCount: number;
  /** The receiving job under way (started before the screen was left or reloaded), or null. */
  readonly receiving: ReceiveProgress | null;
}

/** Units added to a workspace (typed, pasted, imported or carried). */
export interface UnitsAdded {
  readonly added: number;
  /** Names already listed, left out. */
  readonly skipped: readonly string[];
}

/** How far a receiving job is; `finished` once every file is done, it was cancelled or it failed. */
export interface ReceiveProgress {
  readonly jobId: number;
  readonly total: number;
  readonly done: number;
  /** The file being read now. */
  readonly current: string | null;
  readonly finished: boolean;
  readonly cancelled: boolean;
  /** Files kept (readable or not) and how many of them could not be read, once finished. */
  readonly received: number;
  readonly unreadable: number;
  /** Why the job stopped, when it failed. */
  readonly error: string | null;
}

/** One unit's report under review. */
export interface SummaryUnit {
  readonly row: ReviewRow;
  /** The shown revision's report; null when 未报送 or unreadable. */
  readonly report: Report | null;
  readonly findings: readonly Finding[];
  /** Every file received for the unit, oldest first. */
  readonly files: readonly ReceivedFile[];
  /** What the importer read for each cell (with the source text), for a published report; empty for an exchange file. */
  readonly readings: readonly ImportedCell[];
  readonly sourceText: string;
  readonly notes: readonly ReviewNote[];
}

/** The 汇总 of the three tables, the 勾稽 rules run on it and 本级 = Σ下级. */
export interface SummarySum {
  readonly sum: WorkspaceSum;
  readonly findings: readonly Finding[];
  /** The superior agency's own report of the year compared cell by cell; null when it has none. */
  readonly own: { readonly reportName: string; readonly comparisons: readonly OwnReportComparison[] } | null;
}

/** Marks a channel's result type; carries no value at run time. */
function returns<T>(): T {
  return undefined as T;
}

function channel<S extends z.ZodType, R>(args: S, result: R) {
  return { args, result };
}

export const ipcContract = {
  'nianbao:app:info': channel(noArgs, returns<AppInfo>()),
  /** What the user must be told at start (e.g. the database was recovered from a backup). */
  'nianbao:app:startupNotices': channel(noArgs, returns<StartupNotice[]>()),

  /** Agencies in use; with `includeDeleted`, those in the recycle bin too. */
  'nianbao:agencies:list': channel(z.strictObject({ includeDeleted: z.boolean().optional() }), returns<AgencyRecord[]>()),
  'nianbao:agencies:create': channel(z.strictObject({ agency: agencySchema }), returns<AgencyRecord>()),
  'nianbao:agencies:update': channel(z.strictObject({ id, agency: agencySchema }), returns<AgencyRecord>()),
  /** To the recycle bin, with its reports; undone by restore. */
  'nianbao:agencies:delete': channel(z.strictObject({ id }), returns<null>()),
  'nianbao:agencies:restore': channel(z.strictObject({ id }), returns<AgencyRecord>()),

  'nianbao:reports:list': channel(
    z.strictObject({ agencyId: id, includeDeleted: z.boolean().optional() }),
    returns<ReportSummary[]>(),
  ),
  /** A blank report, or one started from the agency's report of the year before. */
  'nianbao:reports:create': channel(
    z.strictObject({ agencyId: id, year: yearSchema, from: z.enum(['blank', 'lastYear']) }),
    returns<ReportSummary>(),
  ),
  'nianbao:reports:open': channel(z.strictObject({ id }), returns<OpenedReport>()),
  /** Autosave: resolves only once the report is durable. The report is sealed, so the store need not validate it again. */
  'nianbao:reports:save': channel(z.strictObject({ id, report: sealedReportSchema }), returns<SaveResult>()),
  /** Autosave of what changed since the last save (shared/model/reportChanges.ts): resolves once durable, as a save does. */
  'nianbao:reports:saveChanges': channel(z.strictObject({ id, changes: reportChangesSchema }), returns<SaveChangesResult>()),
  'nianbao:reports:rename': channel(
    z.strictObject({ id, name: z.string().trim().min(1, { error: '名称不能为空' }).max(100, { error: '名称不能超过100个字符' }) }),
    returns<ReportSummary>(),
  ),
  'nianbao:reports:delete': channel(z.strictObject({ id }), returns<null>()),
  'nianbao:reports:restore': channel(z.strictObject({ id }), returns<ReportSummary>()),

  'nianbao:revisions:list': channel(z.strictObject({ reportId: id }), returns<RevisionSummary[]>()),
  'nianbao:revisions:view': channel(z.strictObject({ id }), returns<RevisionView>()),
  /** Restoring is itself a new revision; returns the report as now saved. */
  'nianbao:revisions:restore': channel(z.strictObject({ id }), returns<OpenedReport>()),

  'nianbao:backups:list': channel(noArgs, returns<BackupSummary[]>()),
  /** Asks where to save (native dialog) and writes a copy of the database there. */
  'nianbao:backups:backupToFile': channel(noArgs, returns<SavedFile>()),
  /** Asks for a backup file (native dialog) and restores it; false when cancelled. */
  'nianbao:backups:restoreFromFile': channel(noArgs, returns<{ restored: boolean }>()),

  /** Asks where to save and writes the report as an exchange file (*.nianbao). */
  'nianbao:exchange:export': channel(z.strictObject({ reportId: id }), returns<SavedFile>()),
  /**
   * Asks for an exchange file and files its report under the agency named in it (created
   * if new; a report of the same year is replaced, its old content kept as a revision).
   */
  'nianbao:exchange:import': channel(noArgs, returns<ReportSummary | null>()),

  /** Asks where to save and exports the saved report; returns the path written. */
  'nianbao:export:docx': channel(z.strictObject({ reportId: id }), returns<SavedFile>()),
  'nianbao:export:pdf': channel(z.strictObject({ reportId: id }), returns<SavedFile>()),
  /** The report as one self-contained web page (HTML) for the agency's website. */
  'nianbao:export:html': channel(z.strictObject({ reportId: id }), returns<SavedFile>()),
  /** The three tables as an Excel workbook (XLSX), one sheet per table. */
  'nianbao:export:xlsx': channel(z.strictObject({ reportId: id }), returns<SavedFile>()),
  /** The PDF of a report as it is being edited (not saved first), for the in-app preview. */
  'nianbao:export:preview': channel(z.strictObject({ report: reportSchema }), returns<{ pdfBase64: string }>()),
  /**
   * Starts printing a report's preview before it is asked for (after a pause in the typing),
   * keeping the PDF for the `preview` that follows; answers at once.
   */
  'nianbao:export:printAhead': channel(z.strictObject({ report: reportSchema }), returns<null>()),
  /** Prints the saved report with the system print dialog; says what the platform reported. */
  'nianbao:export:print': channel(z.strictObject({ reportId: id }), returns<{ outcome: PrintOutcome }>()),

  /** Asks where to save and writes this year's figures beside last year's as a Word table. */
  'nianbao:comparison:exportDocx': channel(z.strictObject({ reportId: id }), returns<SavedFile>()),

  /** Asks where to save and writes the local requirements as a file for other units. */
  'nianbao:requirements:export': channel(z.strictObject({ requirements: localRequirementsSchema }), returns<SavedFile>()),
  /** Asks for a local requirements file and reads it (validated); null when cancelled. */
  'nianbao:requirements:import': channel(noArgs, returns<LocalRequirements | null>()),

  /** Asks for a DOCX, PDF, web page, XLSX or text file and reads it; null when cancelled. */
  'nianbao:import:read': channel(noArgs, returns<ImportReview | null>()),
  /** Reads a report or one table pasted from the clipboard: its text, and its HTML when the clipboard has one. */
  'nianbao:import:pasted': channel(
    z.strictObject({
      text: z.string().max(5_000_000, { error: '粘贴的内容太长（超过500万个字符）' }),
      html: z.string().max(20_000_000, { error: '粘贴的网页内容太长' }).optional(),
    }).refine((v) => v.text.trim() !== '' || (v.html ?? '').trim() !== '', { error: '没有粘贴任何内容' }),
    returns<ImportReview>(),
  ),
  /** Creates the reviewed (and corrected) report for the agency, e.g. this year's or last year's. */
  'nianbao:import:confirm': channel(
    z.strictObject({ agencyId: id, report: reportSchema, fileName: z.string().max(260) }),
    returns<ReportSummary>(),
  ),

  /** The superior agency's 汇总 workspaces. */
  'nianbao:summary:list': channel(z.strictObject({ agencyId: id }), returns<SummaryWorkspace[]>()),
  /** Opens the agency's 汇总 of the year, creating it the first time. */
  'nianbao:summary:open': channel(z.strictObject({ agencyId: id, year: yearSchema }), returns<SummaryOverview>()),
  /** Adds typed or pasted units (one a line; other names after a tab or comma). */
  'nianbao:summary:addUnits': channel(
    z.strictObject({ workspaceId: id, text: z.string().max(500_000, { error: '粘贴的名单太长' }) }),
    returns<UnitsAdded>(),
  ),
  /** Asks for an XLSX or CSV list of units and adds them; null when cancelled. */
  'nianbao:summary:importUnits': channel(z.strictObject({ workspaceId: id }), returns<UnitsAdded | null>()),
  /** Adds the units of the agency's 汇总 of the year before. */
  'nianbao:summary:carryUnits': channel(z.strictObject({ workspaceId: id }), returns<UnitsAdded>()),
  'nianbao:summary:removeUnit': channel(z.strictObject({ unitId: id }), returns<null>()),
  /** Asks for report files and starts receiving them; null when cancelled. */
  'nianbao:summary:receiveFiles': channel(z.strictObject({ workspaceId: id }), returns<ReceiveProgress | null>()),
  /** Asks for a folder and starts receiving every report file in it; null when cancelled. */
  'nianbao:summary:receiveFolder': channel(z.strictObject({ workspaceId: id }), returns<ReceiveProgress | null>()),
  'nianbao:summary:receiveProgress': channel(z.strictObject({ jobId: id }), returns<ReceiveProgress>()),
  /** Stops a receiving job after the file being read; the files before it stay received. */
  'nianbao:summary:receiveCancel': channel(z.strictObject({ jobId: id }), returns<null>()),
  /** The reviewer's answer for a file whose unit was not recognised (null: none of the units). */
  'nianbao:summary:assignFile': channel(z.strictObject({ fileId: id, unitId: id.nullable() }), returns<null>()),
  /** Which revision of a unit the review and the sum use. */
  'nianbao:summary:chooseRevision': channel(z.strictObject({ unitId: id, fileId: id }), returns<null>()),
  'nianbao:summary:unit': channel(z.strictObject({ workspaceId: id, unitId: id }), returns<SummaryUnit>()),
  /** A reviewer's note on a unit (`findingKey` '') or one of its findings; '' removes it. */
  'nianbao:summary:setNote': channel(
    z.strictObject({ unitId: id, findingKey: z.string().max(500), text: z.string().max(5000, { error: '备注不能超过5000个字符' }) }),
    returns<null>(),
  ),
  'nianbao:summary:sum': channel(z.strictObject({ workspaceId: id }), returns<SummarySum>()),
  /** Asks where to save and writes the 审核意见 of one unit as a Word document. */
  'nianbao:summary:exportOpinion': channel(z.strictObject({ workspaceId: id, unitId: id }), returns<SavedFile>()),
  /** The review table as an Excel workbook. */
  'nianbao:summary:exportReview': channel(z.strictObject({ workspaceId: id }), returns<SavedFile>()),
  /** The sum as an Excel workbook: one row per unit, one column per cell. */
  'nianbao:summary:exportSumXlsx': channel(z.strictObject({ workspaceId: id }), returns<SavedFile>()),
  /** The sum as an exchange file (a report of the superior agency to start its own from). */
  'nianbao:summary:exportSumReport': channel(z.strictObject({ workspaceId: id }), returns<SavedFile>()),

  /** Shows a file the app wrote in this session in the system's file manager. */
  'nianbao:shell:showInFolder': channel(z.strictObject({ path: z.string().min(1).max(4096) }), returns<null>()),
} as const satisfies Record<Channel, { args: z.ZodType; result: unknown }>;

export type IpcContract = typeof ipcContract;
export type ChannelArgs<C extends Channel> = z.input<IpcContract[C]['args']>;
export type ValidArgs<C extends Channel> = z.output<IpcContract[C]['args']>;
export type ChannelResult<C extends Channel> = IpcContract[C]['result'];

/**
 * What travels back over IPC: a value, or a readable Chinese error. Errors are values
 * because Electron wraps a rejected handler's message in its own English prefix.
 */
export type IpcResponse<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
