import { z } from 'zod';
import { reportSchema } from '../../shared/model/schemas.ts';

/** The inputs of the store's 汇总 methods, checked at the service boundary like the others (inputs.ts). */

const id = z.number({ error: '应为数字' }).int({ error: '应为正整数' }).positive({ error: '应为正整数' });
const workspaceId = id;
const unitId = id;
const fileId = id;
const unitName = z.string().trim().min(1, { error: '单位名称不能为空' }).max(100, { error: '不能超过100个字符' });
const unitEntry = z.strictObject({ name: unitName, aliases: z.array(unitName).max(20, { error: '别名不能超过20个' }).readonly() });

export const fileReadingSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('read'),
    agency: z.string().max(200).nullable(),
    year: z.number().int().nullable(),
    sourceFormat: z.string().max(40),
    uncertainCells: z.number().int().nonnegative(),
  }),
  z.strictObject({ status: z.literal('unreadable'), reason: z.string().min(1).max(2000) }),
]);

export const unitMatchSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('matched'), unitId, by: z.enum(['exact', 'tolerant', 'manual']) }),
  z.strictObject({ status: z.literal('ambiguous'), candidates: z.array(unitId).readonly() }),
  z.strictObject({ status: z.literal('unmatched'), candidates: z.array(unitId).readonly() }),
]);

export const listWorkspacesInput = z.strictObject({ agencyId: id.optional() });
export const createWorkspaceInput = z.strictObject({ agencyId: id, year: reportSchema.shape.year });
export const workspaceIdInput = z.strictObject({ workspaceId });
export const addUnitsInput = z.strictObject({ workspaceId, units: z.array(unitEntry).max(5000, { error: '一次最多5000个单位' }).readonly() });
export const updateUnitInput = z.strictObject({ unitId, ...unitEntry.shape });
export const unitIdInput = z.strictObject({ unitId });
export const addReceivedFileInput = z.strictObject({
  workspaceId,
  fileName: z.string().trim().min(1, { error: '文件名不能为空' }).max(300),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: '应为文件内容' }),
  reading: fileReadingSchema,
  report: reportSchema.nullable(),
  match: unitMatchSchema,
});
export const fileIdInput = z.strictObject({ fileId });
export const assignFileInput = z.strictObject({ fileId, unitId: unitId.nullable() });
export const rereadFileInput = z.strictObject({ fileId, reading: fileReadingSchema, report: reportSchema.nullable() });
export const chooseRevisionInput = z.strictObject({ unitId, fileId: fileId.nullable() });
export const setNoteInput = z.strictObject({ unitId, findingKey: z.string().max(500), text: z.string().max(5000, { error: '不能超过5000个字符' }) });

export type ListWorkspacesInput = z.input<typeof listWorkspacesInput>;
export type CreateWorkspaceInput = z.input<typeof createWorkspaceInput>;
export type WorkspaceIdInput = z.input<typeof workspaceIdInput>;
export type AddUnitsInput = z.input<typeof addUnitsInput>;
export type UpdateUnitInput = z.input<typeof updateUnitInput>;
export type UnitIdInput = z.input<typeof unitIdInput>;
export type AddReceivedFileInput = z.input<typeof addReceivedFileInput>;
export type FileIdInput = z.input<typeof fileIdInput>;
export type AssignFileInput = z.input<typeof assignFileInput>;
export type RereadFileInput = z.input<typeof rereadFileInput>;
export type ChooseRevisionInput = z.input<typeof chooseRevisionInput>;
export type SetNoteInput = z.input<typeof setNoteInput>;
