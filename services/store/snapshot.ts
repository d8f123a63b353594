import { deflateSync, inflateSync } from 'node:zlib';
import type { Report } from '../../shared/model/report.ts';
import { REPORT_FILE_AROUND, reportFileJson, reportFromJson } from '../../shared/model/serialize.ts';
import { canonicalJson, sha256Hex } from './canonicalJson.ts';
import { Refusal } from './refusal.ts';

/**
 * Reports are stored as the versioned report JSON of shared/model/serialize.ts, so a
 * newer app reads (and upgrades) what an older one wrote. Revisions keep it deflated.
 */

export interface EncodedReport {
  /** The stored JSON (`reportJson`) as UTF-8: encoded once, then hashed, stored and compressed as these bytes. */
  readonly bytes: Uint8Array;
  /** Hash of the content, independent of key order: equal hashes mean nothing changed. */
  readonly hash: string;
}

/** The stored JSON of a report: the report file around the report's key-sorted JSON. */
export function reportJson(report: Report): string {
  return reportFileJson(canonicalJson(report));
}

const utf8 = new TextEncoder();
/** Each report is encoded here first and copied out at its size: the exact size is not known before. */
let scratch = new Uint8Array(64 * 1024);

function utf8Bytes(text: string): Uint8Array {
  // Three bytes at most for each UTF-16 unit (a surrogate pair's two make four).
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  return scratch.slice(0, utf8.encodeInto(text, scratch).written);
}

/**
 * The report is written once, key-sorted, and turned into UTF-8 once (every autosave does
 * this): the hash is of the report's own bytes within the stored ones, which is the hash of
 * its key-sorted JSON, and the same bytes are bound to the statement (a string would be
 * converted to UTF-8 again there).
 */
export function encodeReport(report: Report): EncodedReport {
  const bytes = utf8Bytes(reportJson(report));
  const { before, after } = REPORT_FILE_AROUND;
  return { bytes, hash: sha256Hex(bytes.subarray(before.length, bytes.length - after.length)) };
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

export function compress(bytes: Uint8Array): Buffer {
  return deflateSync(bytes);
}

export function decompress(blob: Uint8Array): string {
  return inflateSync(blob).toString('utf8');
}
