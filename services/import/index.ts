import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Result } from '../../shared/model/validation.ts';
import { currentFormat } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { yearFormatConflict } from '../../shared/model/yearFormat.ts';
import { readDocx } from './readers/docx.ts';
import { readHtml } from './readers/html.ts';
import { readMhtml } from './readers/mhtml.ts';
import { readPdf } from './readers/pdf.ts';
import { readPlainText } from './readers/text/plainText.ts';
import { isWorkbook, readXlsx } from './readers/xlsx.ts';
import { openZip } from './readers/zip.ts';
import { recogniseReport } from './recognise/recogniseReport.ts';
import { decodeText, sniff } from './sniff.ts';
import type { SourceDocument } from './source.ts';
import type { ImportResult } from './types.ts';

/**
 * Import of published reports (DOCX, PDF with a text layer, web pages, XLSX, plain text): the one entry
 * point for the CLI and for the app's import review (over IPC: a path in, a plain JSON
 * result out). Never throws for a bad file: the error is a Chinese sentence saying what
 * is wrong and what to do.
 */

export type { CellReading, CellStatus, Confidence, ImportedSection, ImportIssue, ImportResult, UnmatchedText } from './types.ts';

export type ImportInput = { readonly path: string } | { readonly bytes: Uint8Array; readonly name: string };

/** Largest file accepted (a report is well under 20 MB even with images). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** File types the import reads, for open dialogs. */
export const IMPORT_EXTENSIONS = ['docx', 'pdf', 'html', 'htm', 'mht', 'mhtml', 'xlsx', 'txt'] as const;

async function readInput(input: ImportInput): Promise<Result<{ bytes: Uint8Array; name: string }>> {
  if ('bytes' in input) return { ok: true, value: { bytes: input.bytes, name: input.name } };
  const name = basename(input.path);
  try {
    const info = await stat(input.path);
    if (info.isDirectory()) return { ok: false, error: `“${input.path}”是一个文件夹，请选择报告文件。` };
    if (info.size > MAX_IMPORT_BYTES) {
      return { ok: false, error: `“${name}”太大（${Math.round(info.size / 1024 / 1024)} MB），超过${MAX_IMPORT_BYTES / 1024 / 1024} MB，不像是年度报告文件。` };
    }
    return { ok: true, value: { bytes: new Uint8Array(await readFile(input.path)), name } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : (error as Error).message;
    return { ok: false, error: `无法读取“${input.path}”：${reason}。` };
  }
}

/** A ZIP holding an Excel workbook; a ZIP that cannot be opened is left to the DOCX reader to explain. */
function isSpreadsheet(bytes: Uint8Array): boolean {
  try {
    return isWorkbook(openZip(bytes));
  } catch {
    return false;
  }
}

async function readDocument(bytes: Uint8Array, name: string): Promise<Result<SourceDocument>> {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: `“${name}”太大，超过${MAX_IMPORT_BYTES / 1024 / 1024} MB，不像是年度报告文件。` };
  const kind = sniff(bytes, name);
  if (!kind.ok) return kind;
  if (kind.value === 'zip') return isSpreadsheet(bytes) ? readXlsx(bytes, name) : readDocx(bytes, name);
  if (kind.value === 'pdf') return readPdf(bytes, name);
  if (kind.value === 'html') return readHtml(bytes, name);
  if (kind.value === 'mhtml') {
    const page = readMhtml(bytes, name);
    return page.ok ? readHtml(page.value.html, name, page.value.charset) : page;
  }
  const text = decodeText(bytes);
  if (text.trim() === '') return { ok: false, error: `“${name}”中没有文字（只有空白），没有可导入的内容。` };
  return readPlainText(text);
}

/** What was pasted from the clipboard: its text, and its HTML when the program it was copied from gave one (a browser, WPS, Word). */
export interface PastedContent {
  readonly text: string;
  readonly html?: string;
}

const PASTED_NAME = '粘贴的内容';

function readCount(result: ImportResult): number {
  return result.cells.filter((c) => c.status === 'read').length;
}

/**
 * Recognises a whole report or a single table pasted from the clipboard. The HTML keeps
 * a table's columns, so it is read too when there is one; the reading with more figures
 * read is kept (the HTML one on a tie).
 */
export function importPasted(content: PastedContent): Result<ImportResult> {
  const readings: Result<ImportResult>[] = [];
  if (content.html?.trim()) {
    const page = readHtml(new TextEncoder().encode(content.html), PASTED_NAME);
    if (page.ok) readings.push(recogniseReport(page.value, PASTED_NAME, undefined, 1));
  }
  const text = content.text.trim() ? readPlainText(content.text) : undefined;
  if (text) readings.push(text.ok ? recogniseReport(text.value, PASTED_NAME, undefined, 1) : text);
  const read = readings.filter((r): r is { ok: true; value: ImportResult } => r.ok).sort((a, b) => readCount(b.value) - readCount(a.value));
  if (read[0]) return read[0];
  return {
    ok: false,
    error: `粘贴的内容中没有找到年度报告的章节标题或表格（${Object.values(currentFormat.tables).map((t) => t.subject).join('、')}）。请复制整份报告，或带表头的一张表格，再粘贴。`,
  };
}

/** Reads a report file and recognises its figures and texts. */
export async function importFile(input: ImportInput): Promise<Result<ImportResult>> {
  const file = await readInput(input);
  if (!file.ok) return file;
  const document = await readDocument(file.value.bytes, file.value.name);
  if (!document.ok) return document;
  return recogniseReport(document.value, file.value.name);
}

/**
 * The reviewed import as a report of `year` (the file's, or another the user chose): refused,
 * saying why, when that year is written in another format than the one the file was read in.
 */
export function reportAsYear(report: Report, year: number): Result<Report> {
  const conflict = yearFormatConflict(report, year);
  return conflict === undefined ? { ok: true, value: { ...report, year } } : { ok: false, error: conflict };
}
