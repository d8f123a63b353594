import { z } from 'zod';
import { compiledSchema } from '../compiledSchema.ts';
import { agencySchema, reportChangesSchema, reportSchema } from '../../shared/model/schemas.ts';
import { isSealedReport } from '../../shared/model/sealedReport.ts';
import type { SealedReport } from '../../shared/model/sealedReport.ts';
import type { Result } from '../../shared/model/validation.ts';
import { validate } from '../../shared/model/validation.ts';
import type { StoreFileWork } from './fileWork.ts';
import type { Clock } from './time.ts';

/**
 * The store's inputs, checked at the service boundary (IPC and CLI pass untrusted
 * values). Every method takes one plain object.
 */

const id = z.number({ error: '应为数字' }).int({ error: '应为正整数' }).positive({ error: '应为正整数' });
const agencyId = id;
const reportId = id;
const revisionId = id;
const year = reportSchema.shape.year;
const name = z
  .string()
  .trim()
  .min(1, { error: '名称不能为空' })
  .max(100, { error: '不能超过100个字符' });

export const openStoreInput = z.strictObject({
  dataDir: z.string().trim().min(1, { error: '请给出数据文件夹' }),
  clock: z.custom<Clock>((v) => typeof v === 'function', { error: '应为返回当前时间的函数' }).optional(),
  /** Read without taking the writer's lock: for the CLI while the app is open. */
  readOnly: z.boolean().optional(),
  /** Who copies backups and takes in a restore's file (default in-process): Electron main passes the heavy-work thread. */
  fileWork: z
    .custom<StoreFileWork>((v) => typeof v === 'object' && v !== null && 'copyDatabase' in v && 'takeInBackupFile' in v, { error: '应为处理数据库文件的对象' })
    .optional(),
});

export const noInput = z.strictObject({});
export const listAgenciesInput = z.strictObject({ deleted: z.boolean().optional() });
export const agencyIdInput = z.strictObject({ agencyId });
export const createAgencyInput = z.strictObject({ agency: agencySchema.extend({ name }) });
export const updateAgencyInput = z.strictObject({ agencyId, agency: agencySchema });
export const renameAgencyInput = z.strictObject({ agencyId, name });

export const listReportsInput = z.strictObject({ agencyId: agencyId.optional(), deleted: z.boolean().optional() });
export const createReportInput = z.strictObject({ agencyId, year });
export const createFromPreviousInput = z.strictObject({ reportId, year: year.optional() });
export const reportIdInput = z.strictObject({ reportId });
export const saveReportInput = z.strictObject({ reportId, report: reportSchema });
/** An autosave whose report the IPC contract's parse sealed (valid, and frozen since): only its id is left to check. */
export const saveSealedReportInput = z.strictObject({ reportId, report: z.custom<SealedReport>(isSealedReport) });
/** An autosave of what changed since the last save (shared/model/reportChanges.ts). */
export const saveReportChangesInput = z.strictObject({ reportId, changes: reportChangesSchema });
export const renameReportInput = z.strictObject({ reportId, label: z.string().trim().max(100, { error: '不能超过100个字符' }) });
export const importReportInput = z.strictObject({ report: reportSchema, source: z.string().max(300).optional() });

export const revisionIdInput = z.strictObject({ revisionId });
/** Revisions a caller asks for; the others are kept by the store itself. */
export const keepRevisionInput = z.strictObject({
  reportId,
  reason: z.enum(['exported', 'manual'], { error: '原因应为 exported 或 manual' }),
  note: z.string().max(200, { error: '不能超过200个字符' }).optional(),
});

export const fileInput = z.strictObject({ path: z.string().trim().min(1, { error: '请给出文件路径' }) });

export type OpenStoreOptions = z.input<typeof openStoreInput>;
export type ListAgenciesInput = z.input<typeof listAgenciesInput>;
export type AgencyIdInput = z.input<typeof agencyIdInput>;
export type CreateAgencyInput = z.input<typeof createAgencyInput>;
export type UpdateAgencyInput = z.input<typeof updateAgencyInput>;
export type RenameAgencyInput = z.input<typeof renameAgencyInput>;
export type ListReportsInput = z.input<typeof listReportsInput>;
export type CreateReportInput = z.input<typeof createReportInput>;
export type CreateFromPreviousInput = z.input<typeof createFromPreviousInput>;
export type ReportIdInput = z.input<typeof reportIdInput>;
export type SaveReportInput = z.input<typeof saveReportInput>;
export type SaveReportChangesInput = z.input<typeof saveReportChangesInput>;
export type SaveSealedReportInput = z.input<typeof saveSealedReportInput>;
export type RenameReportInput = z.input<typeof renameReportInput>;
export type ImportReportInput = z.input<typeof importReportInput>;
export type RevisionIdInput = z.input<typeof revisionIdInput>;
export type KeepRevisionInput = z.input<typeof keepRevisionInput>;
export type FileInput = z.input<typeof fileInput>;

/** Validates a method's input; the error says which field is wrong and how, in Chinese. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  return validate(compiledSchema(schema), input ?? {}, '输入有误：');
}
