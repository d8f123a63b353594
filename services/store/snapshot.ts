import { deflateSync, inflateSync } from 'node:zlib';
import type { Report } from '../../shared/model/report.ts';
import { REPORT_FILE_AROUND, reportFileJson, reportFromJson } from '../../shared/model/serialize.ts';
import { canonicalJson, sha256Hex, writeCanonicalJson } from './canonicalJson.ts';
import { Refusal } from './refusal.ts';
import { Utf8Writer } from './utf8Writer.ts';

/**
 * Reports are stored as the versioned report JSON of shared/model/serialize.ts, so a
 * newer app reads (and upgrades) what an older one wrote. Revisions keep it deflated.
 */

export interface EncodedReport {
  readonly report: Report;
  /** Hash of the content, independent of key order: equal hashes mean nothing changed. */
  readonly hash: string;
}

/** The stored JSON of a report: the report file around the report's key-sorted JSON. */
export function reportJson(report: Report): string {
  return reportFileJson(canonicalJson(report));
}

/**
 * The stored JSON of the last report encoded, as UTF-8, in one buffer that every autosave
 * reuses: a fresh ~10 KB array for each save cost more than the encoding itself (14–25 µs,
 * the collector reclaiming them). `holds` says whose bytes it has.
 */
const stored = new Utf8Writer(64 * 1024);
let holds: EncodedReport | undefined;

/** Writes the stored JSON of `report`; returns where the report's own bytes begin and end. */
function writeStored(report: Report): { start: number; end: number } {
  const { before, after } = REPORT_FILE_AROUND;
  stored.reset();
  stored.text(before);
  const start = stored.length;
  writeCanonicalJson(stored, report);
  const end = stored.length;
  stored.text(after);
  return { start, end };
}

/**
 * The report is written once, key-sorted, as UTF-8 (every autosave does this): the hash is of
 * the report's own bytes within the stored ones, which is the hash of its key-sorted JSON,
 * and the same bytes are bound to the statement (a string would be converted to UTF-8 there).
 */
export function encodeReport(report: Report): EncodedReport {
  const { start, end } = writeStored(report);
  const encoded = { report, hash: sha256Hex(stored.view().subarray(start, end)) };
  holds = encoded;
  return encoded;
}

/**
 * The stored JSON's UTF-8, for a statement to bind or deflate to compress at once: valid until
 * the next report is encoded. The buffer's bytes when it still holds this report's, else
 * written again.
 */
export function storedBytes(encoded: EncodedReport): Uint8Array {
  if (encoded !== holds) {
    writeStored(encoded.report);
    holds = encoded;
  }
  return stored.view();
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
