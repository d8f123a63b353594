import { strFromU8, unzipSync } from 'fflate';

/**
 * Reads a DOCX back the way a word processor would, for tests: a minimal XML parser,
 * and the tables of `word/document.xml` as grids of merged regions (gridSpan and
 * vMerge reconstructed) with their widths and row properties.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string): XmlElement {
  const root: { name: string; attrs: Record<string, string>; children: (XmlElement | string)[] } = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  for (const [, closing, name, attrText, selfClosing, text] of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.children.push(decode(text));
    } else if (name === undefined) {
      continue;
    } else if (closing) {
      if (top.name !== name) throw new Error(`XML: </${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const [, key, double, single] of (attrText ?? '').matchAll(ATTR)) attrs[key!] = decode(double ?? single ?? '');
      const element = { name, attrs, children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> not closed`);
  return root;
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element ? children(element, name)[0] : undefined;
}

/** Every descendant named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of element.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) found.push(c);
    found.push(...descendants(c, name));
  }
  return found;
}

/** The text of the `w:t` runs inside an element; paragraphs joined by a line break. */
export function textOf(element: XmlElement): string {
  const paragraph = (p: XmlElement) => descendants(p, 'w:t').map((t) => t.children.join('')).join('');
  const paragraphs = descendants(element, 'w:p');
  return paragraphs.length ? paragraphs.map(paragraph).join('\n').trim() : paragraph(element);
}

export function val(element: XmlElement | undefined, attr = 'w:val'): string | undefined {
  return element?.attrs[attr];
}

/** The parts of a DOCX package, by path, as text. */
export function unzipDocx(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

export interface Region {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
}

export interface ReadCell {
  readonly col: number;
  readonly span: number;
  readonly width: number | undefined;
  readonly widthType: string | undefined;
}

export interface ReadTable {
  readonly element: XmlElement;
  readonly regions: Region[];
  readonly gridCols: number[];
  readonly rows: { readonly header: boolean; readonly cantSplit: boolean; readonly cells: ReadCell[] }[];
}

/** On/off properties: present without a value, or with a value other than false/0. */
function isOn(element: XmlElement | undefined): boolean {
  const v = val(element);
  return element !== undefined && v !== 'false' && v !== '0' && v !== 'off';
}

export function readTable(tbl: XmlElement): ReadTable {
  const regions: { row: number; col: number; rowSpan: number; colSpan: number; text: string }[] = [];
  const rows = children(tbl, 'w:tr').map((tr, r) => {
    const trPr = child(tr, 'w:trPr');
    let col = 0;
    const cells = children(tr, 'w:tc').map((tc): ReadCell => {
      const tcPr = child(tc, 'w:tcPr');
      const span = Number(val(child(tcPr, 'w:gridSpan')) ?? 1);
      const vMerge = child(tcPr, 'w:vMerge');
      const open = regions.find((g) => g.col === col && g.colSpan === span && g.row + g.rowSpan === r);
      if (vMerge && val(vMerge) !== 'restart' && open) open.rowSpan++;
      else regions.push({ row: r, col, rowSpan: 1, colSpan: span, text: textOf(tc) });
      const tcW = child(tcPr, 'w:tcW');
      const cell = { col, span, width: tcW ? Number(val(tcW, 'w:w')) : undefined, widthType: val(tcW, 'w:type') };
      col += span;
      return cell;
    });
    return { header: isOn(child(trPr, 'w:tblHeader')), cantSplit: isOn(child(trPr, 'w:cantSplit')), cells };
  });
  const gridCols = children(child(tbl, 'w:tblGrid')!, 'w:gridCol').map((g) => Number(val(g, 'w:w')));
  return { element: tbl, regions, gridCols, rows };
}

export function readTables(documentXml: string): ReadTable[] {
  return descendants(parseXml(documentXml), 'w:tbl').map(readTable);
}
