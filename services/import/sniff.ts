import type { Result } from '../../shared/model/validation.ts';

/**
 * What kind of file the bytes are, by their content (the name's extension only helps
 * to explain a refusal, and tells a web page from text): a ZIP (DOCX, XLSX), a PDF, an
 * OLE compound file (an encrypted DOCX or XLSX, an old .doc or .xls), a web page (HTML,
 * or MHTML: a page saved as one file), or text. Anything else is refused with a
 * readable reason.
 */

export type FileKind = 'zip' | 'pdf' | 'html' | 'mhtml' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** How far into a file `%PDF-` may start (some writers put bytes before it). */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function extension(name: string): string {
  return /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

const SPREADSHEET_EXTENSIONS = new Set(['xlsx', 'xls', 'et', 'xlsm']);

/** An OLE file: Word and Excel encrypt a DOCX or XLSX by wrapping it in one (EncryptedPackage); .doc, .xls and .wps are OLE too. */
function oleError(bytes: Uint8Array, name: string): string {
  const spreadsheet = SPREADSHEET_EXTENSIONS.has(extension(name)) || containsUtf16(bytes, 'Workbook');
  if (containsUtf16(bytes, 'EncryptedPackage')) {
    const how = spreadsheet
      ? '请在Excel或WPS表格中打开它，取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）并保存后再导入。'
      : '请在Word或WPS中打开它，取消密码（文件→信息→保护文档→用密码进行加密，清空密码）并保存后再导入。';
    return `“${name}”设置了打开密码（文件已加密），无法读取。${how}`;
  }
  if (spreadsheet) return `“${name}”是旧版Excel格式（.xls）文件，不能直接导入。请在Excel或WPS表格中打开，另存为“Excel工作簿（*.xlsx）”后再导入。`;
  const kind = extension(name) === 'wps' ? 'WPS文字旧格式（.wps）' : '旧版Word格式（.doc）';
  return `“${name}”是${kind}文件，不能直接导入。请在Word或WPS中打开，另存为“Word文档（*.docx）”后再导入。`;
}

const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml']);
const MHTML_EXTENSIONS = new Set(['mht', 'mhtml']);

/** The start of the file as Latin-1 text, lower-cased, without a BOM or leading white space. */
function head(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES)).replace(/^(?:\u00ef\u00bb\u00bf)?\s*/, '').toLowerCase();
}

/** A page saved as one file: MIME headers with a multipart/related body. */
function isMhtml(start: string): boolean {
  const headers = start.split(/\r?\n\r?\n/)[0] ?? '';
  return /^mime-version:/m.test(headers) && /^content-type:\s*multipart\/related/m.test(headers);
}

function isHtml(start: string): boolean {
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<?xml') && start.includes('<html');
}

const PRESCAN_BYTES = 4096;

/** Binary content that is not text: NUL bytes, or many control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length * 0.05;
}

export function sniff(bytes: Uint8Array, name: string): Result<FileKind> {
  if (bytes.length === 0) return { ok: false, error: `“${name}”是空文件（0字节），没有可导入的内容。` };
  if (startsWith(bytes, ZIP)) return { ok: true, value: 'zip' };
  if (startsWith(bytes, EMPTY_ZIP)) return { ok: false, error: `“${name}”是一个空的压缩包，不是Word文档。` };
  if (startsWith(bytes, OLE)) return { ok: false, error: oleError(bytes, name) };
  for (let i = 0; i < Math.min(PDF_HEADER_WINDOW, bytes.length); i++) if (startsWith(bytes, PDF, i)) return { ok: true, value: 'pdf' };
  const text = bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!text && looksBinary(bytes)) {
    return {
      ok: false,
      error: `无法识别“${name}”的格式：它不是Word文档（.docx）、PDF、网页、Excel表格或文本文件。请导入年度报告的.docx、.pdf、.html、.xlsx或.txt文件。`,
    };
  }
  const start = head(bytes);
  if (MHTML_EXTENSIONS.has(extension(name)) || isMhtml(start)) return { ok: true, value: 'mhtml' };
  if (HTML_EXTENSIONS.has(extension(name)) || isHtml(start)) return { ok: true, value: 'html' };
  return { ok: true, value: 'text' };
}

/** Decodes text in UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030, the usual encodings of Chinese text files. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
