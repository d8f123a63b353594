import { cellName } from '../../shared/format/index.ts';
import type { CellIndex } from '../../shared/format/index.ts';
import { normaliseFigure } from '../../shared/figures/normalise.ts';
import { compareMatches, isLabel, matchLabel } from '../../shared/text/labels.ts';
import type { LabelMatch } from '../../shared/text/labels.ts';
import { planPaste } from './gridModel.ts';
import type { GridModel, GridSlot } from './gridModel.ts';
import { parseTsv } from './tsv.ts';

/**
 * A pasted block as a spreadsheet user means it. A block copied with its row labels
 * (what Excel/WPS users select) or with its header rows is placed by those labels,
 * matched against the format's labels as tolerantly as the importer matches them, never
 * by position; figures run together with spaces (copied from a PDF or a web page) are
 * split. Without labels the block goes from the selected cell, as before. Nothing is
 * placed where its label and column name do not lead: an unmatched row or column is
 * left out and said.
 */

export interface PastePlan {
  /** Cell key → pasted text, for typed cells. */
  readonly values: ReadonlyMap<string, string>;
  /** Pasted values that fell on totals (derived, not typed). */
  readonly skippedTotals: number;
  /** Pasted values beyond the grid's last row or column. */
  readonly outside: number;
  /** Whether the block was placed by its labels. */
  readonly byLabels: boolean;
  /** Names of the rows and columns that received figures, in the table's order. */
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** What was not pasted and why, in Chinese. */
  readonly leftOut: readonly string[];
}

/** A table figure as it is copied: digits, separators, a unit; or a dash for nothing. */
const FIGURE_SHAPED = /^[+＋]?[\d０-９][\d０-９.,，．]*\s*(件|条|个|项|次|万元|万|元)?$|^[-－—–−﹣]+$|^[-－—–−﹣][\d０-９]/;

export function isFigureText(text: string): boolean {
  const trimmed = text.trim();
  // Spaces inside are separators here (12 0 30), never part of one figure.
  return trimmed !== '' && (FIGURE_SHAPED.test(trimmed) || (!/\s/.test(trimmed) && normaliseFigure(trimmed, 'money').ok));
}

/** Splits cells that hold several space-separated parts of which one is a figure (`规章 12 0 30`). */
export function splitFigures(block: readonly (readonly string[])[]): string[][] {
  return block.map((row) =>
    row.flatMap((cell) => {
      if (isFigureText(cell)) return [cell];
      const parts = cell.trim().split(/[\s\u3000]+/);
      return parts.length > 1 && parts.some(isFigureText) ? parts : [cell];
    }),
  );
}

/** The text of a whole block (one value typed into a cell is not a block). */
export function isBlockText(text: string): boolean {
  const content = text.replace(/(\r?\n)+$/, '');
  if (/[\t\n\r]/.test(content)) return true;
  return splitFigures([[content]])[0]!.length > 1;
}

type Block = readonly (readonly string[])[];

/** One label text against candidates: the single best match, or undefined (none, or a tie). */
function bestMatch<T>(text: string, candidates: readonly T[], labelOf: (c: T) => string): T | undefined {
  if (text.trim() === '') return undefined;
  const scored = candidates
    .map((c) => ({ c, match: matchLabel(text, labelOf(c)) }))
    .filter((s): s is { c: T; match: LabelMatch } => s.match !== undefined)
    .sort((a, b) => compareMatches(a.match, b.match));
  if (scored.length === 0) return undefined;
  if (scored.length > 1 && compareMatches(scored[0]!.match, scored[1]!.match) === 0) return undefined;
  return scored[0]!.c;
}

interface BlockShape {
  /** Leading columns holding row labels. */
  readonly labelColumns: number;
  /** Indices of rows without figures (header or caption rows). */
  readonly headerRows: ReadonlySet<number>;
}

function shapeOf(block: Block): BlockShape {
  const headerRows = new Set<number>();
  let labelColumns = Infinity;
  let labelled = false;
  block.forEach((row, i) => {
    const first = row.findIndex(isFigureText);
    if (first < 0) {
      if (row.some((cell) => cell.trim() !== '')) headerRows.add(i);
      return;
    }
    labelColumns = Math.min(labelColumns, first);
    labelled ||= row.slice(0, first).some((cell) => cell.trim() !== '');
  });
  return { labelColumns: labelled && Number.isFinite(labelColumns) ? labelColumns : 0, headerRows };
}

/** The header path of each block column from the header rows above a data row: innermost name, then its groups. */
function headerPaths(block: Block, rows: readonly number[], width: number): (readonly string[])[] {
  return Array.from({ length: width }, (_, col) => {
    const path: string[] = [];
    let innermost = -1;
    for (let i = rows.length - 1; i >= 0; i--) {
      if ((block[rows[i]!]![col] ?? '').trim() !== '') {
        innermost = i;
        break;
      }
    }
    if (innermost < 0) return path;
    path.push(block[rows[innermost]!]![col]!.trim());
    // A merged group header is copied into its first column only: carry it to the right.
    for (let i = innermost - 1; i >= 0; i--) {
      const row = block[rows[i]!]!;
      for (let c = col; c >= 0; c--) {
        if ((row[c] ?? '').trim() !== '') {
          path.push(row[c]!.trim());
          break;
        }
      }
    }
    return path;
  });
}

interface Context {
  readonly model: GridModel;
  readonly cells: CellIndex;
}

function rowName(context: Context, row: readonly GridSlot[]): string {
  return context.cells.byKey.get(row[0]!.key)?.rowLabel ?? '';
}

function columnName(context: Context, slot: GridSlot): string {
  const cell = context.cells.byKey.get(slot.key);
  return cell ? cellName(cell, 'header') : '';
}

/** The table row a pasted row's labels name: the most specific label first, then longer runs of labels. */
function rowByLabels(context: Context, labels: readonly string[]): readonly GridSlot[] | undefined {
  const texts = labels.map((l) => l.trim()).filter((l) => l !== '');
  const named = context.model.rows.filter((row) => rowName(context, row) !== '');
  for (let start = texts.length - 1; start >= 0; start--) {
    const found = bestMatch(texts.slice(start).join(''), named, (row) => rowName(context, row));
    if (found) return found;
  }
  return undefined;
}

/** The cell of `row` that a column header path names, if exactly one. */
function slotByHeader(context: Context, row: readonly GridSlot[], path: readonly string[]): GridSlot | undefined {
  const [innermost, ...groups] = path;
  if (!innermost) return undefined;
  const cellOf = (slot: GridSlot) => context.cells.byKey.get(slot.key)!;
  const candidates = row.filter((slot) => isLabel(innermost, cellOf(slot).columnLabel));
  if (candidates.length === 0) return bestMatch(innermost, row, (slot) => cellOf(slot).columnLabel);
  if (candidates.length === 1) return candidates[0];
  // Every group the format puts over the column must be named above it (行政诉讼—复议后起诉).
  const inGroup = candidates.filter((slot) =>
    cellOf(slot)
      .columnGroup.split('—')
      .every((part) => groups.some((group) => isLabel(group, part))),
  );
  return inGroup.length === 1 ? inGroup[0] : undefined;
}

function quoted(texts: readonly string[]): string {
  return texts.map((t) => `“${t}”`).join('、');
}

/**
 * Places a block that carries row labels or header rows by those labels; undefined when
 * it carries neither (then it goes by position from the selected cell).
 */
export function planLabelledPaste(model: GridModel, cells: CellIndex, anchorKey: string, block: Block): PastePlan | undefined {
  const context: Context = { model, cells };
  const { labelColumns, headerRows } = shapeOf(block);
  const anchor = model.byKey.get(anchorKey);
  if (!anchor || (labelColumns === 0 && headerRows.size === 0)) return undefined;

  const values = new Map<string, string>();
  const unknownRows: string[] = [];
  const unknownColumns = new Set<string>();
  let skippedTotals = 0;
  let outside = 0;
  let headerRun: number[] = [];
  let headers: (readonly string[])[] | undefined;
  let positionalRow = model.rows.findIndex((r) => r[0]!.row === anchor.row);

  block.forEach((line, i) => {
    if (headerRows.has(i)) {
      headerRun.push(i);
      // A caption row (text only where labels go) names no column.
      const width = Math.max(...block.map((r) => r.length));
      const paths = headerPaths(block, headerRun, width);
      if (paths.slice(labelColumns).some((p) => p.length > 0)) headers = paths;
      return;
    }
    headerRun = [];
    if (line.every((cell) => cell.trim() === '')) return;
    const labels = line.slice(0, labelColumns);
    let figures = line.slice(labelColumns);
    while (figures.length > 0 && figures[figures.length - 1]!.trim() === '') figures = figures.slice(0, -1);
    const named = labels.some((l) => l.trim() !== '');
    const row = named ? rowByLabels(context, labels) : model.rows[positionalRow];
    if (!named) positionalRow++;
    if (!row) {
      const count = figures.filter((f) => f.trim() !== '').length;
      if (named) unknownRows.push(labels.filter((l) => l.trim() !== '').join(''));
      else outside += count;
      return;
    }
    if (named) positionalRow = model.rows.indexOf(row) + 1;
    const typed = row.filter((slot) => !slot.derived);
    figures.forEach((text, j) => {
      if (text.trim() === '') return;
      const position = labelColumns + j;
      let slot: GridSlot | undefined;
      const path = headers?.[position];
      if (typed.length === 1 && figures.length === 1) slot = typed[0];
      else if (path && path.length > 0) {
        slot = slotByHeader(context, row, path);
        if (!slot) unknownColumns.add(path.slice().reverse().join('—'));
      } else if (figures.length === row.length) slot = row[j];
      else {
        const start = row.findIndex((s) => s.col <= anchor.col && anchor.col < s.col + s.colSpan);
        slot = row[(start < 0 ? 0 : start) + j];
        if (!slot) outside++;
      }
      if (!slot) return;
      if (slot.derived) skippedTotals++;
      else values.set(slot.key, text);
    });
  });

  const leftOut: string[] = [];
  if (unknownRows.length) leftOut.push(`行${quoted(unknownRows)}在本表中找不到，未粘贴`);
  if (unknownColumns.size) leftOut.push(`列${quoted([...unknownColumns])}在本表中找不到或不唯一，未粘贴`);
  return { values, skippedTotals, outside, byLabels: true, ...placeOf(context, values), leftOut };
}

/** The rows and columns, by name, that received the values. */
function placeOf(context: Context, values: ReadonlyMap<string, string>): Pick<PastePlan, 'rows' | 'columns'> {
  const slots = [...values.keys()].map((key) => context.model.byKey.get(key)!);
  const rows = context.model.rows.filter((row) => row.some((slot) => values.has(slot.key))).map((row) => rowName(context, row) || '本行');
  const columns = new Map<number, string>();
  for (const slot of slots) if (!columns.has(slot.col)) columns.set(slot.col, columnName(context, slot));
  return { rows, columns: [...columns.entries()].sort(([a], [b]) => a - b).map(([, name]) => name) };
}

/** Where a pasted block's values go: by its labels when it has any, else from the selected cell. */
export function planBlockPaste(model: GridModel, cells: CellIndex, anchorKey: string, text: string): PastePlan {
  const block = splitFigures(parseTsv(text));
  const labelled = planLabelledPaste(model, cells, anchorKey, block);
  if (labelled) return labelled;
  const positioned = planPaste(model, anchorKey, block);
  return { ...positioned, byLabels: false, ...placeOf({ model, cells }, positioned.values), leftOut: [] };
}

function range(names: readonly string[]): string {
  if (names.length === 0) return '';
  return names.length === 1 ? `「${names[0]}」` : `「${names[0]}」至「${names[names.length - 1]}」共 ${names.length} 个`;
}

/** The message after a paste: how many cells, where they went, what was left out. */
export function pasteSummary(plan: PastePlan): string {
  const where = plan.values.size > 0 ? `：行 ${range(plan.rows)}，列 ${range(plan.columns)}` : '';
  const parts = [`${plan.byLabels ? '已按行名和列名' : '已从选中的格子起'}粘贴 ${plan.values.size} 格${where}`];
  if (plan.skippedTotals) parts.push(`${plan.skippedTotals} 个合计由软件计算，已跳过`);
  if (plan.outside) parts.push(`${plan.outside} 个数值超出表格范围，未粘贴`);
  parts.push(...plan.leftOut);
  return `${parts.join('；')}。按 Ctrl+Z 可撤销这次粘贴。`;
}
