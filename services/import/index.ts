import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Result } from '../../shared/model/validation.ts';
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

/** Reads a report file and recognises its figures and texts. */
export async function importFile(input: ImportInput): Promise<Result<ImportResult>> {
  const file = await readInput(input);
  if (!file.ok) return file;
  const document = await readDocument(file.value.bytes, file.value.name);
  if (!document.ok) return document;
  return recogniseReport(document.value, file.value.name);
}
