import type { Result } from '../../../shared/model/validation.ts';
import { restoreIdeographs } from '../text/ideographs.ts';
import type { SourceCell, SourceDocument, SourceLine } from '../source.ts';
import { paragraphLine } from '../source.ts';
import { childElements, firstChild, parseXml, XmlProblem } from './xml.ts';
import type { XmlElement } from './xml.ts';
import { WORD, xmlProblemMessage, zipProblemMessage } from './officeProblems.ts';
import { openZip, ZipProblem } from './zip.ts';

/**
 * Reads a .docx (Word, WPS, or Nianbao's own export): the main document part's
 * paragraphs and tables in order. Table rows keep their cells' grid columns (gridSpan,
 * gridBefore), and a vertically merged cell's continuation (an empty `<w:vMerge/>`
 * cell) repeats the text of the cell above, marked as a continuation. Deleted
 * revisions, field instructions and drawings are left out.
 */

const MAIN_PART = 'word/document.xml';
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Elements whose content is not document text. */
const SKIPPED = new Set(['del', 'moveFrom', 'instrText', 'delText', 'drawing', 'pict', 'object', 'Fallback', 'rPr', 'pPr', 'sectPr', 'footnoteReference', 'endnoteReference', 'commentReference']);

function keepText(name: string): boolean {
  return name === 't';
}

/** Text of a paragraph-level subtree: runs' text, tabs as spaces, line breaks as `\n`. */
function textOf(element: XmlElement): string {
  let text = '';
  for (const child of element.children) {
    if (typeof child === 'string') {
      text += child;
      continue;
    }
    if (SKIPPED.has(child.name)) continue;
    if (child.name === 'tab' || child.name === 'ptab') text += ' ';
    else if ((child.name === 'br' && child.attributes.type !== 'page' && child.attributes.type !== 'column') || child.name === 'cr') text += '\n';
    else if (child.name === 'noBreakHyphen') text += '-';
    else if (child.name === 'p') text += `${textOf(child)}\n`;
    else if (child.name === 'tbl') text += `${nestedTableText(child)}\n`;
    else text += textOf(child);
  }
  return text;
}

/** A table inside a cell, flattened: rows on lines, cells separated by spaces. */
function nestedTableText(table: XmlElement): string {
  return rowsOf(table)
    .map((row) => cellsOf(row).map((c) => textOf(c).trim()).join(' '))
    .join('\n');
}

/** Children of an element, looking through content controls and custom XML wrappers. */
function contentChildren(element: XmlElement): XmlElement[] {
  return childElements(element).flatMap((child) => {
    if (child.name === 'sdt') return contentChildren(firstChild(child, 'sdtContent') ?? child);
    if (child.name === 'customXml' || child.name === 'sdtContent' || child.name === 'ins' || child.name === 'moveTo') return contentChildren(child);
    return [child];
  });
}

function rowsOf(table: XmlElement): XmlElement[] {
  return contentChildren(table).filter((c) => c.name === 'tr');
}

function cellsOf(row: XmlElement): XmlElement[] {
  return contentChildren(row).filter((c) => c.name === 'tc');
}

function property(element: XmlElement | undefined, container: string, name: string): XmlElement | undefined {
  const properties = element && firstChild(element, container);
  return properties && firstChild(properties, name);
}

function numberProperty(element: XmlElement, container: string, name: string): number {
  const value = Number(property(element, container, name)?.attributes.val);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** A cell's text: its paragraphs on separate lines. */
function cellText(cell: XmlElement): string {
  return contentChildren(cell)
    .filter((c) => c.name === 'p' || c.name === 'tbl')
    .map((c) => (c.name === 'p' ? textOf(c) : nestedTableText(c)))
    .join('\n')
    .trim();
}

function tableLines(table: XmlElement, tableIndex: number): SourceLine[] {
  /** Text of the vertically merged cell open at each grid column. */
  const open = new Map<number, string>();
  return rowsOf(table).map((row) => {
    let column = numberProperty(row, 'trPr', 'gridBefore');
    const cells: SourceCell[] = [];
    for (const cell of cellsOf(row)) {
      const span = Math.max(1, numberProperty(cell, 'tcPr', 'gridSpan'));
      const vMerge = property(cell, 'tcPr', 'vMerge');
      const hMerge = property(cell, 'tcPr', 'hMerge');
      if (hMerge && hMerge.attributes.val !== 'restart' && cells.length) {
        const previous = cells[cells.length - 1]!;
        cells[cells.length - 1] = { ...previous, x1: previous.x1! + span };
        column += span;
        continue;
      }
      const continued = vMerge !== undefined && vMerge.attributes.val !== 'restart';
      const text = continued ? (open.get(column) ?? '') : restoreIdeographs(cellText(cell));
      if (!continued) {
        if (vMerge) open.set(column, text);
        else open.delete(column);
      }
      cells.push({ text, x0: column, x1: column + span, ...(continued ? { continued: true } : {}) });
      column += span;
    }
    return { cells, table: tableIndex };
  });
}

function bodyLines(body: XmlElement): SourceLine[] {
  const lines: SourceLine[] = [];
  let tables = 0;
  for (const block of contentChildren(body)) {
    if (block.name === 'p') {
      for (const line of restoreIdeographs(textOf(block)).split('\n')) lines.push(paragraphLine(line.trim()));
    } else if (block.name === 'tbl') {
      for (const line of tableLines(block, tables++)) lines.push(line);
    }
  }
  return lines;
}

/** The main document part's name, from the package relationships (usually word/document.xml). */
function mainPart(relationships: Uint8Array | undefined): string {
  if (!relationships) return MAIN_PART;
  const root = parseXml(new TextDecoder().decode(relationships), () => false);
  const rels = childElements(root).flatMap((r) => childElements(r, 'Relationship'));
  const target = rels.find((r) => OFFICE_DOCUMENT.test(r.attributes.Type ?? ''))?.attributes.Target;
  return target ? target.replace(/^\//, '') : MAIN_PART;
}

function notWordMessage(names: readonly string[], name: string): string {
  if (names.some((n) => n.startsWith('ppt/'))) return `“${name}”是PowerPoint演示文稿，不是Word文档。请导入年度报告的Word、PDF、网页、Excel或文本文件。`;
  return `“${name}”是一个压缩包，但不是Word文档或Excel表格（里面没有Word正文或工作表）。请导入年度报告的.docx、.pdf、.html、.xlsx或.txt文件。`;
}

export async function readDocx(bytes: Uint8Array, name: string): Promise<Result<SourceDocument>> {
  try {
    const zip = openZip(bytes);
    const part = mainPart(zip.read('_rels/.rels'));
    const xml = zip.read(part);
    if (!xml) return { ok: false, error: notWordMessage(zip.names, name) };
    const root = parseXml(new TextDecoder().decode(xml), keepText);
    const body = childElements(root).flatMap((d) => childElements(d, 'body'))[0];
    if (!body) return { ok: false, error: `“${name}”的Word正文结构不完整（找不到正文），无法读取。请在Word或WPS中打开并另存后再导入。` };
    return { ok: true, value: { format: 'docx', lines: bodyLines(body) } };
  } catch (error) {
    if (error instanceof ZipProblem) return { ok: false, error: zipProblemMessage(error, name, WORD) };
    if (error instanceof XmlProblem) return { ok: false, error: xmlProblemMessage(error, name, WORD) };
    throw error;
  }
}
