import { z } from 'zod';
import type { LocalRequirements } from './localRequirements.ts';
import { localRequirementsSchema } from './schemas.ts';
import type { Result } from './validation.ts';
import { validate } from './validation.ts';

/** The file that carries a superior office's local requirements to its units. */

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
