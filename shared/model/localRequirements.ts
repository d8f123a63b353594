import { z } from 'zod';
import type { Result } from './validation.ts';
import { validate } from './validation.ts';

/**
 * Requirements a superior office adds to the official format for its units (e.g. 总体情况
 * 原则上不超过一千字; 总体情况 must have the five sub-headings; 五 lists problems item by
 * item). Kept with the agency, so next year's report has them too; checked as warnings.
 * One file carries them from the superior office to every unit.
 */
export const localRequirementsSchema = z.strictObject({
  /** Who issued them, e.g. 区政务公开办. */
  issuer: z.string().trim().max(100, { error: '不能超过100个字符' }),
  /** Most characters 一、总体情况 may have (whitespace not counted); null: no limit. */
  overviewMaxChars: z.number().int({ error: '字数应为整数' }).min(100, { error: '字数上限至少为100' }).max(100_000, { error: '字数上限不合理' }).nullable(),
  /** Sub-headings 一、总体情况 must contain, e.g. 主动公开. */
  overviewSubheadings: z
    .array(z.string().trim().min(1, { error: '小标题不能为空' }).max(30, { error: '小标题不能超过30个字符' }))
    .max(12, { error: '小标题最多12个' }),
  /** 五 must list its problems item by item (一是…二是…, 1.…2.…). */
  problemsItemised: z.boolean(),
});
export type LocalRequirements = z.infer<typeof localRequirementsSchema>;

export const noLocalRequirements: LocalRequirements = { issuer: '', overviewMaxChars: null, overviewSubheadings: [], problemsItemised: false };

export function hasLocalRequirements(requirements: LocalRequirements): boolean {
  return requirements.overviewMaxChars !== null || requirements.overviewSubheadings.length > 0 || requirements.problemsItemised;
}

export const REQUIREMENTS_FILE_KIND = 'nianbao-local-requirements';
export const REQUIREMENTS_FILE_VERSION = 1;
export const REQUIREMENTS_FILE_EXTENSION = 'json';

const requirementsFileSchema = z.strictObject({
  kind: z.literal(REQUIREMENTS_FILE_KIND),
  version: z.literal(REQUIREMENTS_FILE_VERSION, { error: `文件版本不受支持（本软件支持版本${REQUIREMENTS_FILE_VERSION}）` }),
  requirements: localRequirementsSchema,
});

export function serializeRequirements(requirements: LocalRequirements): string {
  return `${JSON.stringify({ kind: REQUIREMENTS_FILE_KIND, version: REQUIREMENTS_FILE_VERSION, requirements }, null, 2)}\n`;
}

/** Reads a requirements file, or says in Chinese what is wrong with it. */
export function parseRequirements(text: string): Result<LocalRequirements> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: '这不是本地要求文件：内容不是有效的JSON。' };
  }
  if (typeof json !== 'object' || json === null || (json as { kind?: unknown }).kind !== REQUIREMENTS_FILE_KIND) {
    return { ok: false, error: `这不是年报软件的本地要求文件（缺少 "kind": "${REQUIREMENTS_FILE_KIND}"）。` };
  }
  const file = validate(requirementsFileSchema, json);
  return file.ok ? { ok: true, value: file.value.requirements } : { ok: false, error: `本地要求文件内容有误：${file.error}` };
}
