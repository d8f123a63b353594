import { reportSchema } from './schemas.ts';
import type { Report } from './report.ts';
import { validate } from './validation.ts';
import type { Result } from './validation.ts';

/**
 * Versioned JSON for report files and storage. `schemaVersion` is the version of this
 * envelope and of the report model; `formatId` inside the report is the official format.
 */
export const REPORT_FILE_KIND = 'nianbao-report';
export const REPORT_SCHEMA_VERSION = 1;

export interface ReportFile {
  readonly kind: typeof REPORT_FILE_KIND;
  readonly schemaVersion: number;
  readonly report: Report;
}

export function toReportFile(report: Report): ReportFile {
  return { kind: REPORT_FILE_KIND, schemaVersion: REPORT_SCHEMA_VERSION, report };
}

/**
 * The report file's JSON around a report already written as JSON (the store writes the
 * report once, key-sorted, and hashes the same text): `before` + report JSON + `after` is
 * JSON.stringify(toReportFile(report)) up to key order. Both are ASCII, so the report's
 * UTF-8 bytes start `before.length` bytes in.
 */
export const REPORT_FILE_AROUND = {
  before: `{"kind":${JSON.stringify(REPORT_FILE_KIND)},"schemaVersion":${REPORT_SCHEMA_VERSION},"report":`,
  after: '}',
} as const;

export function reportFileJson(reportJson: string): string {
  return REPORT_FILE_AROUND.before + reportJson + REPORT_FILE_AROUND.after;
}

export function serializeReport(report: Report): string {
  return `${JSON.stringify(toReportFile(report), null, 2)}\n`;
}

/**
 * Upgrades an envelope of an older schema version to the current one. Version 1 is the
 * first; a later version adds a step here and keeps the older ones.
 */
function migrate(envelope: { schemaVersion: number; report: unknown }): Result<unknown> {
  if (envelope.schemaVersion === REPORT_SCHEMA_VERSION) return { ok: true, value: envelope.report };
  if (envelope.schemaVersion > REPORT_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `该文件由较新版本的年报软件保存（数据版本${envelope.schemaVersion}，本软件支持到${REPORT_SCHEMA_VERSION}），请升级软件后再打开。`,
    };
  }
  return { ok: false, error: `不支持的数据版本${envelope.schemaVersion}。` };
}

/** Reads a report from a parsed JSON value (a report file envelope). */
export function reportFromJson(json: unknown): Result<Report> {
  if (typeof json !== 'object' || json === null || (json as { kind?: unknown }).kind !== REPORT_FILE_KIND) {
    return { ok: false, error: '这不是年报软件的报告文件（缺少 "kind": "nianbao-report"）。' };
  }
  const { schemaVersion, report } = json as { schemaVersion?: unknown; report?: unknown };
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) {
    return { ok: false, error: '报告文件缺少数据版本（schemaVersion）。' };
  }
  const migrated = migrate({ schemaVersion, report });
  if (!migrated.ok) return migrated;
  const validated = validate(reportSchema, migrated.value);
  return validated.ok ? validated : { ok: false, error: `报告文件内容有误：${validated.error}` };
}

/** Reads a report from the text of a report file. */
export function parseReport(text: string): Result<Report> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `文件不是有效的JSON：${(error as Error).message}` };
  }
  return reportFromJson(json);
}
