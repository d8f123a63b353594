import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { formats } from '../../../shared/format/index.ts';
import type { Result } from '../../../shared/model/validation.ts';
import { restoreIdeographs } from '../text/ideographs.ts';
import { isPageNumber } from '../text/pageFurniture.ts';
import { locateSections } from '../text/sections.ts';
import { parseTitle } from '../text/title.ts';
import type { SourceCell, SourceDocument, SourceLine } from '../source.ts';
import { lineText, paragraphLine } from '../source.ts';
import { decodeHtml } from './htmlCharset.ts';

/**
 * Reads a web page saved from a government website (or LibreOffice's HTML export) with
 * parse5, the HTML parser browsers follow. Text becomes lines at block boundaries and
 * `<br>`; a table that holds no other table is a table of the report, its rows read
 * with the HTML table model (rowspan/colspan give grid columns, a cell spanning rows
 * repeats on each as a continuation, as the DOCX reader does); a table holding tables
 * is page layout, read as text. The site's menus and footers are left out: the report
 * is the smallest element holding all its section headings (with its title, when the
 * title sits just above it), and so are page numbers (a Word footer LibreOffice wrote
 * into the page). Every walk is iterative, so hostile nesting cannot
 * exhaust the call stack.
 */

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Far more than any report page (LibreOffice writes about 90 KB). */
export const MAX_HTML_CHARS = 20 * 1024 * 1024;
/** The HTML standard's limits for colspan and rowspan. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** Elements whose content is not page text. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'select', 'textarea', 'button', 'svg', 'math', 'canvas', 'audio', 'video', 'img', 'input']);
/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function isHidden(element: Element): boolean {
  return attribute(element, 'hidden') !== undefined || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribute(element, 'style') ?? '');
}

function childrenOf(node: Node): readonly Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** Visits a subtree in document order without recursion; `enter` returning false skips an element's content. */
function walk(root: Node, enter: (node: Node) => boolean, leave: (element: Element) => void): void {
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      leave(node as Element);
      continue;
    }
    if (!enter(node)) continue;
    if (isElement(node)) stack.push({ node, leaving: true });
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
}

/** Tables that hold another table: page layout, not report tables. */
function layoutTables(root: Node): Set<Element> {
  const layout = new Set<Element>();
  const open: Element[] = [];
  walk(
    root,
    (node) => {
      if (!isElement(node)) return true;
      if (node.tagName === 'table') {
        if (open.length) layout.add(open[open.length - 1]!);
        open.push(node);
      }
      return true;
    },
    (element) => {
      if (element.tagName === 'table') open.pop();
    },
  );
  return layout;
}

/** Collects text as lines: inline text joined, whitespace collapsed except in `<pre>`. */
class LineBuffer {
  private text = '';
  private pre = 0;
  readonly lines: string[] = [];

  add(node: Node): void {
    if (node.nodeName !== '#text') return;
    const value = (node as DefaultTreeAdapterTypes.TextNode).value.replace(/\u00a0/g, ' ');
    this.text += this.pre ? value : value.replace(/[ \t\n\r\f]+/g, ' ');
  }

  breakLine(): void {
    this.text += '\n';
  }

  enterPre(): void {
    this.pre++;
  }

  leavePre(): void {
    this.pre--;
  }

  /** Ends the current line (at a block boundary); returns the lines it made. */
  flush(): string[] {
    const made = this.text === '' ? [] : this.text.split('\n').map((l) => l.trim()).filter(Boolean);
    this.text = '';
    for (const line of made) this.lines.push(line);
    return made;
  }
}

/** The text of a table cell: its lines joined by line breaks. */
function cellText(cell: Element): string {
  const buffer = new LineBuffer();
  walk(
    cell,
    (node) => {
      if (!isElement(node)) buffer.add(node);
      else if (SKIPPED.has(node.tagName) || isHidden(node)) return false;
      else if (node.tagName === 'br') buffer.breakLine();
      else if (BLOCKS.has(node.tagName)) buffer.flush();
      if (isElement(node) && node.tagName === 'pre') buffer.enterPre();
      return true;
    },
    (element) => {
      if (element.tagName === 'pre') buffer.leavePre();
      if (BLOCKS.has(element.tagName)) buffer.flush();
    },
  );
  buffer.flush();
  return restoreIdeographs(buffer.lines.join('\n'));
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      for (const row of child.childNodes) if (isElement(row) && row.tagName === 'tr') rows.push(row);
    }
  }
  return rows;
}

function span(element: Element, name: string, max: number, fallback: number): number {
  const value = Number.parseInt(attribute(element, name) ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, max) : fallback;
}

interface Carried {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  rowsLeft: number;
}

/** A report table's rows, cells placed on the table's grid (the HTML table model). */
function tableLines(table: Element, tableIndex: number): SourceLine[] {
  const rows = rowsOf(table);
  let carried: Carried[] = [];
  const lines: SourceLine[] = [];
  rows.forEach((row, r) => {
    const due = carried.filter((c) => c.rowsLeft > 0).sort((a, b) => a.x0 - b.x0);
    const cells: SourceCell[] = [];
    const started: Carried[] = [];
    let column = 0;
    let next = 0;
    const takeDue = (): void => {
      while (next < due.length && due[next]!.x0 <= column) {
        const c = due[next++]!;
        cells.push({ text: c.text, x0: c.x0, x1: c.x1, continued: true });
        c.rowsLeft--;
        column = Math.max(column, c.x1);
      }
    };
    for (const cell of row.childNodes.filter(isElement).filter((c) => c.tagName === 'td' || c.tagName === 'th')) {
      takeDue();
      const width = Math.max(1, span(cell, 'colspan', MAX_COLSPAN, 1));
      const height = span(cell, 'rowspan', MAX_ROWSPAN, 1) || rows.length - r;
      const text = cellText(cell);
      cells.push({ text, x0: column, x1: column + width });
      if (height > 1) started.push({ text, x0: column, x1: column + width, rowsLeft: height - 1 });
      column += width;
    }
    column = Infinity;
    takeDue();
    carried = [...due.filter((c) => c.rowsLeft > 0), ...started];
    if (cells.length) lines.push({ cells: cells.sort((a, b) => a.x0! - b.x0!), table: tableIndex });
  });
  return withoutShortRowPositions(lines);
}

/**
 * A row covering fewer grid columns than its table has no certain positions: the HTML
 * table model fills it from the left, but the cells it lacks are as often on the left — a
 * merged label cut off where an editor split the table in two, the column headers
 * repeated above the rest. Its cells lose their positions, so its figures are placed by
 * count against the header, or not at all.
 */
function withoutShortRowPositions(lines: SourceLine[]): SourceLine[] {
  // Reduced, not spread: a hostile table may have more rows or cells than a call takes arguments.
  const width = (line: SourceLine): number => line.cells.reduce((most, c) => Math.max(most, c.x1!), 0);
  const tableWidth = lines.reduce((most, line) => Math.max(most, width(line)), 0);
  return lines.map((line) => (width(line) < tableWidth ? { ...line, cells: line.cells.map(({ text, continued }) => ({ text, ...(continued ? { continued } : {}) })) } : line));
}

interface ElementRange {
  readonly parent: Element | undefined;
  first: number;
  end: number;
}

/** The page's lines in order, with the line range of every element (to find the report among the page chrome). */
function pageLines(document: Node): { lines: SourceLine[]; ranges: Map<Element, ElementRange>; owners: (Element | undefined)[] } {
  const layout = layoutTables(document);
  const buffer = new LineBuffer();
  const lines: SourceLine[] = [];
  const owners: (Element | undefined)[] = [];
  const ranges = new Map<Element, ElementRange>();
  const open: Element[] = [];
  let tables = 0;
  const flush = (): void => {
    for (const text of buffer.flush()) {
      if (isPageNumber(text)) continue;
      lines.push(paragraphLine(restoreIdeographs(text)));
      owners.push(open[open.length - 1]);
    }
  };
  walk(
    document,
    (node) => {
      if (!isElement(node)) {
        buffer.add(node);
        return true;
      }
      if (SKIPPED.has(node.tagName) || isHidden(node)) return false;
      if (node.tagName === 'br') buffer.breakLine();
      if (BLOCKS.has(node.tagName)) flush();
      ranges.set(node, { parent: open[open.length - 1], first: lines.length, end: lines.length });
      if (node.tagName === 'table' && !layout.has(node)) {
        for (const line of tableLines(node, tables++)) {
          lines.push(line);
          owners.push(node);
        }
        ranges.get(node)!.end = lines.length;
        return false;
      }
      if (node.tagName === 'pre') buffer.enterPre();
      open.push(node);
      return true;
    },
    (element) => {
      if (element.tagName === 'pre') buffer.leavePre();
      if (BLOCKS.has(element.tagName)) flush();
      open.pop();
      ranges.get(element)!.end = lines.length;
    },
  );
  flush();
  return { lines, ranges, owners };
}

/** How far above the report's element its title may be printed (a date line, a source line between). */
const TITLE_LOOKBACK = 8;

function isTitle(text: string): boolean {
  return Object.values(formats).some((format) => parseTitle([text], format)?.title.includes('报告'));
}

/** The page's `<title>`, when it carries the report's title (`…年度报告_某某人民政府网`). */
function documentTitle(document: Node): string | undefined {
  let title: string | undefined;
  walk(
    document,
    (node) => {
      if (title !== undefined || !isElement(node)) return title === undefined;
      if (node.tagName === 'title') title = node.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterTypes.TextNode).value : '')).join('');
      return node.tagName !== 'body';
    },
    () => undefined,
  );
  return title?.split(/[_|｜]|\s[-—–]\s/).map((p) => p.trim()).find(isTitle);
}

/**
 * The lines of the report itself: those of the smallest element holding every section
 * heading found, with the title printed just above it. A page where fewer than two
 * headings are found is kept whole (recognition then decides whether it is a report).
 */
function reportLines(document: Node): SourceLine[] {
  const { lines: all, ranges, owners } = pageLines(document);
  // The page's report may be in any known format (its year is not known yet): the one whose headings it has most of.
  const texts = all.map(lineText);
  const [format, headings] = Object.values(formats)
    .map((f) => [f, locateSections(texts, f).ranges.map((r) => r.heading)] as const)
    .reduce((best, next) => (next[1].length > best[1].length ? next : best));
  if (headings.length < 2) return all;
  const last = headings[headings.length - 1]!;
  let container = owners[headings[0]!];
  while (container && ranges.get(container)!.end <= last) container = ranges.get(container)!.parent;
  if (!container) return all;
  const { first, end } = ranges.get(container)!;
  const own = all.slice(first, end);
  if (parseTitle(own.slice(0, headings[0]! - first).map(lineText), format)) return own;
  for (let i = first - 1; i >= Math.max(0, first - TITLE_LOOKBACK); i--) {
    if (isTitle(lineText(all[i]!))) return [all[i]!, ...own];
  }
  const title = documentTitle(document);
  return title ? [paragraphLine(title), ...own] : own;
}

export function readHtml(bytes: Uint8Array, name: string, charset?: string): Result<SourceDocument> {
  const html = decodeHtml(bytes, charset);
  if (html.length > MAX_HTML_CHARS) {
    return { ok: false, error: `“${name}”网页太大（超过${MAX_HTML_CHARS / 1024 / 1024}M个字符），不像是年度报告的页面。请在网站上打开报告全文后另存，或改用报告的Word、PDF文件。` };
  }
  const lines = reportLines(parse(html));
  if (!lines.some((l) => l.cells.some((c) => c.text.trim() !== ''))) {
    return { ok: false, error: `“${name}”网页中没有文字，没有可导入的内容。请在网站上打开报告全文页面后另存，或改用报告的Word、PDF文件。` };
  }
  return { ok: true, value: { format: 'html', lines } };
}
