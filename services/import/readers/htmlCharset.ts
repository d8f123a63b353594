import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { decodeText } from '../sniff.ts';

/**
 * The text of an HTML file in the encoding it declares: a byte-order mark, else
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` near the
 * start (found by parsing the start of the file with parse5, read as Latin-1 so any
 * encoding's ASCII markup survives). GB2312 and GBK are decoded as GB18030, their
 * superset, as browsers do. A page without a declaration, or whose declared UTF-8 is not
 * valid UTF-8 (a common mistake of site templates), is decoded as plain text is.
 */

/** How much of the file the declaration is looked for in (the HTML standard's prescan reads 1024 bytes; some sites put it later). */
const PRESCAN_BYTES = 4096;
const GB = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'cp936', 'windows-936', 'csgb2312', 'chinese', 'iso-ir-58', 'gb_2312-80']);

function charsetOf(content: string): string | undefined {
  const at = content.toLowerCase().indexOf('charset=');
  if (at === -1) return undefined;
  return content.slice(at + 'charset='.length).replace(/^["'\s]+/, '').split(/[\s;"']/)[0];
}

/** The charset the page declares in a `<meta>`, lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const stack: DefaultTreeAdapterTypes.Node[] = [parse(head)];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node && node.tagName === 'meta') {
      const attributes = new Map(node.attrs.map((a) => [a.name, a.value]));
      const charset = attributes.get('charset') ?? (attributes.get('http-equiv')?.toLowerCase() === 'content-type' ? charsetOf(attributes.get('content') ?? '') : undefined);
      if (charset) return charset.trim().toLowerCase();
    }
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return undefined;
}

/** The page's text; `declared` is a charset stated outside the page (an MHTML part's header). */
export function decodeHtml(bytes: Uint8Array, declared?: string): string {
  if ((bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || bytes[0] === 0xff || bytes[0] === 0xfe) return decodeText(bytes);
  const charset = declared ?? declaredCharset(bytes);
  if (charset && GB.has(charset)) return new TextDecoder('gb18030').decode(bytes);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An encoding the platform does not know: decoded as plain text is.
    }
  }
  return decodeText(bytes);
}
