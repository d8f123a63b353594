import type { Result } from '../../../shared/model/validation.ts';

/**
 * The page inside an MHTML file (`.mht`, what a browser's "save as single file" writes):
 * MIME headers, a multipart/related body, and the page as its first text/html part,
 * quoted-printable or base64. Only that part is read; images and styles are left out.
 */

export interface MhtmlPage {
  readonly html: Uint8Array;
  /** The charset the part's headers declare, lower-cased. */
  readonly charset?: string;
}

interface Part {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** Headers (folded lines unfolded) and body of a MIME entity; the text is Latin-1, one character per byte. */
function entity(text: string): Part {
  const blank = /\r?\n\r?\n/.exec(text);
  const headerText = blank ? text.slice(0, blank.index) : text;
  const body = blank ? text.slice(blank.index + blank[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parameter(header: string, name: string): string | undefined {
  for (const piece of header.split(';').slice(1)) {
    const equals = piece.indexOf('=');
    if (equals !== -1 && piece.slice(0, equals).trim().toLowerCase() === name) return piece.slice(equals + 1).trim().replace(/^"|"$/g, '');
  }
  return undefined;
}

function decodeQuotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, '');
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      bytes[n++] = text.charCodeAt(i) & 0xff;
    }
  }
  return bytes.subarray(0, n);
}

function decodeBody(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

export function readMhtml(bytes: Uint8Array, name: string): Result<MhtmlPage> {
  const text = Buffer.from(bytes).toString('latin1');
  const message = entity(text);
  const type = message.headers.get('content-type') ?? '';
  const boundary = parameter(type, 'boundary');
  const parts = boundary
    ? message.body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--')).map((p) => entity(p.replace(/^\r?\n/, '')))
    : [message];
  const page = parts.find((p) => (p.headers.get('content-type') ?? 'text/html').toLowerCase().startsWith('text/html'));
  if (!page) {
    return { ok: false, error: `“${name}”是单个文件网页（MHTML），但里面没有网页正文。请在浏览器中打开报告页面，另存为“网页，全部”或“网页，仅HTML”后再导入。` };
  }
  const charset = parameter(page.headers.get('content-type') ?? '', 'charset')?.toLowerCase();
  const html = decodeBody(page.body, (page.headers.get('content-transfer-encoding') ?? '').toLowerCase());
  return { ok: true, value: { html, ...(charset ? { charset } : {}) } };
}
