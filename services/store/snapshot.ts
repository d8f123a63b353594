import { deflateSync, inflateSync } from 'node:zlib';
import type { Report } from '../../shared/model/report.ts';
import { reportFileJson, reportFromJson } from '../../shared/model/serialize.ts';
import { canonicalJson, sha256Hex } from './canonicalJson.ts';
import { Refusal } from './refusal.ts';

/**
 * Reports are stored as the versioned report JSON of shared/model/serialize.ts, so a
 * newer app reads (and upgrades) what an older one wrote. Revisions keep it deflated.
 */

export interface EncodedReport {
  readonly json: string;
  /** Hash of the content, independent of key order: equal hashes mean nothing changed. */
  readonly hash: string;
}

/** The report is written once, key-sorted: that text is both hashed and stored (every autosave does this). */
export function encodeReport(report: Report): EncodedReport {
  const canonical = canonicalJson(report);
  return { json: reportFileJson(canonical), hash: sha256Hex(canonical) };
}

export function decodeReport(json: string): Report {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Refusal(`保存的报告数据无法读取：${(error as Error).message}`);
  }
  const report = reportFromJson(parsed);
  if (!report.ok) throw new Refusal(`保存的报告数据无法读取：${report.error}`);
  return report.value;
}

export function compress(json: string): Buffer {
  return deflateSync(Buffer.from(json, 'utf8'));
}

export function decompress(blob: Uint8Array): string {
  return inflateSync(blob).toString('utf8');
}
