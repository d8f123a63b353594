import type { Result } from '../../../shared/model/validation.ts';
import { restoreIdeographs } from '../text/ideographs.ts';
import type { SourceCell, SourceDocument, SourceLine } from '../source.ts';
import { paragraphLine } from '../source.ts';
import { EXCEL, xmlProblemMessage, zipProblemMessage } from './officeProblems.ts';
import { childElements, firstChild, parseXml, XmlProblem } from './xml.ts';
import type { XmlElement } from './xml.ts';
import { openZip, ZipProblem } from './zip.ts';
import type { ZipArchive } from './zip.ts';

/**
 * Reads an .xlsx workbook (Excel, WPS 表格, LibreOffice, Nianbao's own export): every
 * visible sheet in order, each row of cells as a line. A row with one filled cell is a
 * line of text (a title, a heading, a note); a row with more is a table row whose cells
 * keep their sheet columns, blank cells included, so figures are placed under their
 * headers by position as in a DOCX table. A merged range prints its text once, spanning
 * its columns, and repeats it as a continuation on the rows below, as the DOCX reader
 * does. Figures are read as stored (numbers or text); a formula gives its saved result.
 *
 * The parts are read with the bomb-checked ZIP reader and the depth-bounded XML reader,
 * not with exceljs: exceljs inflates without limits and expands a merged range cell by
 * cell, so one hostile `A1:XFD1048576` merge would hang the import. Stated limits keep
 * every loop bounded.
 */

/** Far more filled cells than the three tables have (about 300). */
export const MAX_XLSX_CELLS = 20_000;
/** Merged ranges looked at; a report has a few dozen. */
export const MAX_XLSX_MERGES = 1_000;
/** Widest stretch of columns whose empty cells are filled in (a report table has 12 columns). */
const MAX_FILLED_WIDTH = 256;

const WORKBOOK = 'xl/workbook.xml';

export function isWorkbook(zip: ZipArchive): boolean {
  return zip.names.includes(WORKBOOK);
}

class WorkbookLimit extends Error {
  override readonly name = 'WorkbookLimit';
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function textKept(name: string): boolean {
  return name === 't' || name === 'v';
}

/** The text of a string item (`<si>`, `<is>`): its `t`, or its runs' `t`, phonetic guides left out. */
function stringItem(item: XmlElement): string {
  const direct = firstChild(item, 't');
  if (direct) return direct.children.join('');
  return childElements(item, 'r')
    .map((run) => firstChild(run, 't')?.children.join('') ?? '')
    .join('');
}

function sharedStrings(zip: ZipArchive): string[] {
  const part = zip.read('xl/sharedStrings.xml');
  if (!part) return [];
  const root = parseXml(decode(part), textKept);
  return childElements(root).flatMap((sst) => childElements(sst, 'si')).map(stringItem);
}

/** Visible sheets in workbook order, as ZIP entry names. */
function sheetParts(zip: ZipArchive): { name: string; part: string }[] {
  const workbook = parseXml(decode(zip.read(WORKBOOK)!), () => false);
  const rels = zip.read('xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  if (rels) {
    for (const rel of childElements(parseXml(decode(rels), () => false)).flatMap((r) => childElements(r, 'Relationship'))) {
      const target = rel.attributes.Target ?? '';
      targets.set(rel.attributes.Id ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const sheets = childElements(workbook).flatMap((w) => childElements(w, 'sheets')).flatMap((s) => childElements(s, 'sheet'));
  return sheets
    .filter((s) => s.attributes.state !== 'hidden' && s.attributes.state !== 'veryHidden')
    .map((s) => ({ name: s.attributes.name ?? '', part: targets.get(s.attributes.id ?? '') ?? '' }))
    .filter((s) => s.part !== '');
}

/** `AB12` → column 27 (0-based 27), row 12 (0-based 11). */
function cellAddress(ref: string | undefined): { row: number; col: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref ?? '');
  if (!match) return undefined;
  let col = 0;
  for (const letter of match[1]!) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** A number as a person reads it: binary noise beyond 15 digits dropped (0.30000000000000004 → 0.3). */
function numberText(value: string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  return String(Number(number.toPrecision(15)));
}

function cellValue(cell: XmlElement, strings: readonly string[]): string {
  const type = cell.attributes.t;
  const value = firstChild(cell, 'v')?.children.join('') ?? '';
  if (type === 's') return strings[Number(value)] ?? '';
  if (type === 'inlineStr') {
    const item = firstChild(cell, 'is');
    return item ? stringItem(item) : '';
  }
  if (type === 'str' || type === 'e') return value;
  if (type === 'b') return '';
  return value === '' ? '' : numberText(value);
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface Sheet {
  /** Filled cells by row, each row's cells by column. */
  readonly rows: Map<number, Map<number, string>>;
  readonly merges: readonly Merge[];
}

function readSheet(xml: string, strings: readonly string[], counted: { cells: number }): Sheet {
  const root = parseXml(xml, textKept);
  const worksheet = childElements(root, 'worksheet')[0];
  const rows = new Map<number, Map<number, string>>();
  let nextRow = 0;
  for (const row of worksheet ? childElements(worksheet, 'sheetData').flatMap((d) => childElements(d, 'row')) : []) {
    const rowNumber = Number(row.attributes.r);
    const r = Number.isInteger(rowNumber) && rowNumber > 0 ? rowNumber - 1 : nextRow;
    nextRow = r + 1;
    let nextCol = 0;
    for (const cell of childElements(row, 'c')) {
      const address = cellAddress(cell.attributes.r);
      const col = address?.col ?? nextCol;
      nextCol = col + 1;
      const text = restoreIdeographs(cellValue(cell, strings)).trim();
      if (text === '') continue;
      if (++counted.cells > MAX_XLSX_CELLS) throw new WorkbookLimit(`有超过${MAX_XLSX_CELLS}个填了内容的单元格`);
      if (!rows.has(r)) rows.set(r, new Map());
      rows.get(r)!.set(col, text);
    }
  }
  const mergeElements = worksheet ? childElements(worksheet, 'mergeCells').flatMap((m) => childElements(m, 'mergeCell')) : [];
  if (mergeElements.length > MAX_XLSX_MERGES) throw new WorkbookLimit(`有超过${MAX_XLSX_MERGES}处合并单元格`);
  const merges = mergeElements.flatMap((m): Merge[] => {
    const [from, to] = (m.attributes.ref ?? '').split(':');
    const a = cellAddress(from);
    const b = cellAddress(to ?? from);
    if (!a || !b) return [];
    return [{ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) }];
  });
  return { rows, merges };
}

/** Excel never writes overlapping merges; a file that has them keeps the first, so every cell is covered at most once. */
function withoutOverlaps(merges: readonly Merge[]): Merge[] {
  const kept: Merge[] = [];
  for (const m of merges) {
    if (!kept.some((k) => m.top <= k.bottom && m.bottom >= k.top && m.left <= k.right && m.right >= k.left)) kept.push(m);
  }
  return kept;
}

/** A row's cells: its filled cells (spanning their merge), and the continuations of merges from the rows above. */
function rowCells(sheet: Sheet, merges: readonly Merge[], row: number): SourceCell[] {
  const active = merges.filter((m) => row >= m.top && row <= m.bottom);
  const cells: SourceCell[] = [];
  for (const [col, text] of sheet.rows.get(row)!) {
    const merge = active.find((m) => col >= m.left && col <= m.right);
    if (merge && (row !== merge.top || col !== merge.left)) continue;
    cells.push({ text, x0: col, x1: (merge?.right ?? col) + 1 });
  }
  for (const merge of active) {
    const text = row > merge.top ? sheet.rows.get(merge.top)?.get(merge.left) : undefined;
    if (text !== undefined) cells.push({ text, x0: merge.left, x1: merge.right + 1, continued: true });
  }
  return cells.sort((a, b) => a.x0! - b.x0!);
}

/** Blank cells between `left` and `right` that the row does not print, so a blank figure is blank and not missing. */
function withBlanks(cells: readonly SourceCell[], left: number, right: number): SourceCell[] {
  const out: SourceCell[] = [];
  let col = left;
  for (const cell of cells) {
    for (; col < Math.min(cell.x0!, right); col++) out.push({ text: '', x0: col, x1: col + 1 });
    out.push(cell);
    col = Math.max(col, cell.x1!);
  }
  for (; col < right; col++) out.push({ text: '', x0: col, x1: col + 1 });
  return out;
}

/** A sheet's lines: rows with one filled cell as text, others as table rows on the sheet's columns. */
function sheetLines(sheet: Sheet, table: number): SourceLine[] {
  const merges = withoutOverlaps(sheet.merges);
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b).map((row) => rowCells(sheet, merges, row));
  let left = Infinity;
  let right = -Infinity;
  for (const cells of rows) {
    if (cells.length < 2) continue;
    left = Math.min(left, cells[0]!.x0!);
    right = Math.max(right, ...cells.map((c) => c.x1!));
  }
  const fill = right - left <= MAX_FILLED_WIDTH;
  const lines: SourceLine[] = [];
  for (const cells of rows) {
    if (cells.length === 1 && !cells[0]!.continued) {
      for (const text of cells[0]!.text.split('\n')) if (text.trim()) lines.push(paragraphLine(text.trim()));
    } else if (cells.length > 1) {
      lines.push({ cells: fill ? withBlanks(cells, left, right) : cells, table });
    }
  }
  return lines;
}

export function readXlsx(bytes: Uint8Array, name: string): Result<SourceDocument> {
  try {
    const zip = openZip(bytes);
    const strings = sharedStrings(zip);
    const counted = { cells: 0 };
    const lines: SourceLine[] = [];
    sheetParts(zip).forEach((sheet, index) => {
      const part = zip.read(sheet.part);
      if (!part) return;
      for (const line of sheetLines(readSheet(decode(part), strings, counted), index)) lines.push(line);
    });
    if (lines.length === 0) return { ok: false, error: `“${name}”的工作表都是空的，没有可导入的内容。请确认选择的文件。` };
    return { ok: true, value: { format: 'xlsx', lines } };
  } catch (error) {
    if (error instanceof ZipProblem) return { ok: false, error: zipProblemMessage(error, name, EXCEL) };
    if (error instanceof XmlProblem) return { ok: false, error: xmlProblemMessage(error, name, EXCEL) };
    if (error instanceof WorkbookLimit) return { ok: false, error: `“${name}”${error.message}，超出了年度报告表格的范围，无法导入。请只保留年度报告的三张表格后再导入。` };
    throw error;
  }
}
