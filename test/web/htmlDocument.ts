import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

/** Reading an exported web page back with a real HTML parser (parse5), as a browser builds it. */

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** The document, and every parse error the HTML standard's parser reports (none for valid HTML). */
export function parseHtml(html: string): { document: DefaultTreeAdapterTypes.Document; errors: string[] } {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (error) => errors.push(`${error.code} at line ${error.startLine}, column ${error.startCol}`) });
  return { document, errors };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  return node.nodeName === 'template' && 'content' in node ? [...children, ...(node.content as DefaultTreeAdapterTypes.DocumentFragment).childNodes] : children;
}

/** Every element under `node`, in document order. */
export function elements(node: Node): Element[] {
  return childrenOf(node).flatMap((child) => (isElement(child) ? [child, ...elements(child)] : []));
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The text of a node as read (white space collapsed). */
export function textOf(node: Node): string {
  const raw = (n: Node): string => ('value' in n && n.nodeName === '#text' ? (n.value as string) : childrenOf(n).map(raw).join(''));
  return raw(node).replace(/\s+/g, ' ').trim();
}

export interface HtmlCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly element: Element;
  readonly text: string;
}

/** A table's cells placed on its grid as the HTML table model places them (rowspan, colspan). */
export function tableCells(table: Element): HtmlCell[] {
  const rows = elements(table).filter((e) => e.tagName === 'tr');
  const taken = new Set<string>();
  const cells: HtmlCell[] = [];
  rows.forEach((tr, row) => {
    let col = 0;
    for (const element of tr.childNodes.filter(isElement).filter((e) => e.tagName === 'td' || e.tagName === 'th')) {
      while (taken.has(`${row},${col}`)) col++;
      const rowSpan = Number(attr(element, 'rowspan') ?? 1);
      const colSpan = Number(attr(element, 'colspan') ?? 1);
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) taken.add(`${r},${c}`);
      cells.push({ row, col, rowSpan, colSpan, element, text: textOf(element) });
      col += colSpan;
    }
  });
  return cells;
}
