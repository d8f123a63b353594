import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Report } from '../../shared/model/report.ts';
import type { Result } from '../../shared/model/validation.ts';
import type { FileReading } from '../../shared/summary/index.ts';
import { EXCHANGE_EXTENSION, readExchangeFile } from '../exchange/index.ts';
import { EXCHANGE_MAX_BYTES } from '../exchange/exchangeFile.ts';
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from '../import/index.ts';
import type { ImportResult } from '../import/index.ts';

/**
 * Reading the files a superior office receives, one at a time: the published-report
 * importer for DOCX, PDF, web pages, XLSX and text, the exchange reader for `.nianbao`.
 * A file that cannot be read gives its reason and nothing else.
 */

/** The importer's file reading; the app passes the worker thread's, the CLI the in-process one. */
export type ReadImportFile = (path: string) => Promise<Result<ImportResult>>;

/** File types a folder is searched for. */
export const RECEIVED_EXTENSIONS: readonly string[] = [...IMPORT_EXTENSIONS.map((e) => `.${e}`), EXCHANGE_EXTENSION];

export interface ReceivedReading {
  readonly path: string;
  readonly fileName: string;
  /** The file's bytes, kept by the store so the review can be re-run (empty when the file could not be read at all). */
  readonly bytes: Uint8Array;
  readonly reading: FileReading;
  readonly report: Report | null;
}

/** Lock files of Word/WPS (`~$报告.docx`) and hidden files are never reports. */
function isReportFileName(name: string): boolean {
  return !name.startsWith('~$') && !name.startsWith('.') && RECEIVED_EXTENSIONS.includes(extname(name).toLowerCase());
}

/**
 * The files to receive: each path that is a file, and the report files in each folder
 * (sub-folders included, in name order). A path that does not exist is returned as is,
 * so it is listed with its reason.
 */
export async function listReceivedPaths(paths: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
    for (const entry of entries) {
      signal?.throwIfAborted();
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && isReportFileName(entry.name)) found.push(path);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) await walk(path);
    else found.push(path);
  }
  return found;
}

/** Cells the clerk would have to check: not read with high confidence, or figures not placed. */
export function uncertainCells(result: ImportResult): number {
  return result.cells.filter((c) => c.status === 'unplaced' || c.status === 'unreadable' || (c.status === 'read' && c.confidence !== 'high')).length;
}

function unreadable(path: string, bytes: Uint8Array, reason: string): ReceivedReading {
  return { path, fileName: basename(path), bytes, reading: { status: 'unreadable', reason }, report: null };
}

async function readBytes(path: string, limit: number): Promise<Result<Uint8Array>> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, error: '这是一个文件夹。' };
    if (info.size > limit) return { ok: false, error: `文件太大（${Math.round(info.size / 1024 / 1024)} MB），不像是年度报告。` };
    return { ok: true, value: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? '文件不存在。' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限。' : `无法读取：${(error as Error).message}` };
  }
}

/** Reads one received file into a report, or says why it cannot. */
export async function readReceivedFile(path: string, readImportFile: ReadImportFile): Promise<ReceivedReading> {
  const exchange = extname(path).toLowerCase() === EXCHANGE_EXTENSION;
  const bytes = await readBytes(path, exchange ? EXCHANGE_MAX_BYTES : MAX_IMPORT_BYTES);
  if (!bytes.ok) return unreadable(path, new Uint8Array(), bytes.error);
  if (exchange) {
    const contents = readExchangeFile(new TextDecoder('utf-8', { fatal: false }).decode(bytes.value));
    if (!contents.ok) return unreadable(path, bytes.value, contents.error);
    const { report } = contents.value;
    return {
      path,
      fileName: basename(path),
      bytes: bytes.value,
      reading: { status: 'read', agency: report.agency.name.trim() || null, year: report.year, sourceFormat: 'exchange', uncertainCells: 0 },
      report,
    };
  }
  const imported = await readImportFile(path);
  if (!imported.ok) return unreadable(path, bytes.value, imported.error);
  const result = imported.value;
  return {
    path,
    fileName: basename(path),
    bytes: bytes.value,
    reading: { status: 'read', agency: result.agency, year: result.year, sourceFormat: result.sourceFormat, uncertainCells: uncertainCells(result) },
    report: result.report,
  };
}

/**
 * The name a file's unit is known by in its name: `2024年城关镇政府信息公开工作年度报告.pdf`
 * → `城关镇`. Used only when the report itself names no agency that matches.
 */
export function unitNameFromFileName(fileName: string): string {
  return basename(fileName, extname(fileName))
    .replace(/^[\d\s._\-—、（()）]+/, '')
    .replace(/(?:20\d\d|19\d\d)\s*年?度?/g, '')
    .replace(/(?:关于)?(?:政府)?(?:信息公开)?(?:工作)?(?:年度)?报告.*$/, '')
    .replace(/[\s_\-—]+$/g, '')
    .trim();
}
