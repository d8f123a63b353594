import type { Report } from '../../shared/model/report.ts';
import { reportFromJson, toReportFile } from '../../shared/model/serialize.ts';
import type { Result } from '../../shared/model/validation.ts';
import { canonicalJson, sha256Hex } from '../store/canonicalJson.ts';

/**
 * The exchange file (`*.nianbao`): one report, self-contained, for sending to a
 * superior office. JSON with the file format version, the report's schema version
 * (inside `payload`, the versioned report JSON) and a SHA-256 checksum over everything
 * else, so damage in transit or by hand is caught before anything is imported.
 */

const EXCHANGE_KIND = 'nianbao-exchange';
export const EXCHANGE_FORMAT_VERSION = 1;
export const EXCHANGE_EXTENSION = '.nianbao';
/** Larger than any real report; a bigger file is refused before parsing. */
export const EXCHANGE_MAX_BYTES = 20 * 1024 * 1024;

export interface ExchangeContents {
  readonly report: Report;
  readonly exportedAt: string;
  /** The schema version the report was written with (upgraded on reading). */
  readonly schemaVersion: number;
}

function checksumOf(body: Readonly<Record<string, unknown>>): string {
  return `sha256:${sha256Hex(canonicalJson(body))}`;
}

export function writeExchangeFile(report: Report, exportedAt: Date): string {
  const body = {
    kind: EXCHANGE_KIND,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    payload: toReportFile(report),
  };
  return `${JSON.stringify({ ...body, checksum: checksumOf(body) }, null, 2)}\n`;
}

const REEXPORT = '请让对方重新导出后再导入。';

/**
 * Reads an exchange file, checking in turn that it is one, its format version, its
 * checksum, and the report (schema version and content). A bad file gets the first
 * reason it fails, in Chinese.
 */
export function readExchangeFile(text: string): Result<ExchangeContents> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `文件内容不完整或已损坏（不是有效的JSON）。${REEXPORT}` };
  }
  if (typeof json !== 'object' || json === null || (json as { kind?: unknown }).kind !== EXCHANGE_KIND) {
    return { ok: false, error: '这不是年报的交换文件（.nianbao）。' };
  }
  const { formatVersion, checksum, exportedAt, ...rest } = json as Record<string, unknown>;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return { ok: false, error: `交换文件缺少有效的文件格式版本。${REEXPORT}` };
  }
  if (formatVersion > EXCHANGE_FORMAT_VERSION) {
    return {
      ok: false,
      error: `该交换文件由较新版本的年报导出（文件格式版本${formatVersion}，本软件支持到${EXCHANGE_FORMAT_VERSION}），请升级年报软件后再导入。`,
    };
  }
  if (typeof checksum !== 'string' || checksum !== checksumOf({ ...rest, formatVersion, exportedAt })) {
    return { ok: false, error: `文件校验失败：内容与校验和不符，文件可能在传输中损坏或被改动过。${REEXPORT}` };
  }
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
    return { ok: false, error: `交换文件缺少导出时间。${REEXPORT}` };
  }
  const payload = rest.payload as { schemaVersion?: unknown } | undefined;
  const report = reportFromJson(payload);
  if (!report.ok) return { ok: false, error: `交换文件中的报告无法导入：${report.error}` };
  return { ok: true, value: { report: report.value, exportedAt, schemaVersion: payload!.schemaVersion as number } };
}
