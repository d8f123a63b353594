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
  /** The stored JSON (`reportJson`); its UTF-8 is `storedBytes(encoded)`. */
  readonly json: string;
  /** Hash of the content, independent of key order: equal hashes mean nothing changed. */
  readonly hash: string;
}

/** The stored JSON of a report: the report file around the report's key-sorted JSON. */
export function reportJson(report: Report): string {
  return reportFileJson(canonicalJson(report));
}

const utf8 = new TextEncoder();
/**
 * The UTF-8 of the last text encoded, in one buffer that every autosave reuses: a fresh
 * ~10 KB array for each save cost more than the encoding itself (14–25 µs, the collector
 * reclaiming them). `holds` says whose bytes it has.
 */
let scratch = new Uint8Array(64 * 1024);
let holds: string | undefined;
let written = 0;

/**
 * The UTF-8 bytes of `text`, valid until the next call: hand them at once to what copies or
 * reads them (a statement's bind, the hash, deflate).
 */
function utf8View(text: string): Uint8Array {
  // Three bytes at most for each UTF-16 unit (a surrogate pair's two make four).
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  written = utf8.encodeInto(text, scratch).written;
  holds = text;
  return scratch.subarray(0, written);
}

/**
 * The report is written once, key-sorted, and turned into UTF-8 once (every autosave does
 * this): the hash is of the report's own bytes within the stored ones, which is the hash of
 * its key-sorted JSON, and the same bytes are bound to the statement (a string would be
 * converted to UTF-8 again there).
 */
export function encodeReport(report: Report): EncodedReport {
  // A new text every time: encoded without comparing it with the one the buffer holds.
  const json = reportJson(report);
  const bytes = utf8View(json);
  const { before, after } = REPORT_FILE_AROUND;
  return { json, hash: sha256Hex(bytes.subarray(before.length, bytes.length - after.length)) };
}

/**
 * The stored JSON's UTF-8, for a statement to bind or deflate to compress at once (see
 * utf8View): the buffer's bytes when it still holds this text (mostly the very string, which
 * V8 tells at once), else encoded again.
 */
export function storedBytes(encoded: EncodedReport): Uint8Array {
  return encoded.json === holds ? scratch.subarray(0, written) : utf8View(encoded.json);
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
