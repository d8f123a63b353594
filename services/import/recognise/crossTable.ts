import { cellName, crossCellKey } from '../../../shared/format/index.ts';
import type { CellDef, CellIndex, CrossTableDef, TableLayout } from '../../../shared/format/index.ts';
import { isPageFurniture } from '../text/pageFurniture.ts';
import type { SourceCell } from '../source.ts';
import { isPositioned } from '../source.ts';
import type { CellReading } from '../types.ts';
import type { CellKind } from './cells.ts';
import { classifyCell } from './cells.ts';
import type { IndexedLine, TableReading } from './context.ts';
import { cleanCells, endAt, extent, isProse, Notes, OUT_OF_ROW_ORDER } from './context.ts';
import { findHeader } from './header.ts';
import type { PrintedHeader } from './header.ts';
import { LabelSet } from './labelSet.ts';
import { MAX_ALIGNED_OFFSET, placeByAlignment, placeByCount, placeByPosition } from './placement.ts';
import type { Placement } from './placement.ts';
import { missing, readFound, unplaced } from './readings.ts';
import { splitRunTogether } from './runTogether.ts';

/**
 * Reads table 3 (rows with labels × applicant columns) and table 4 (one unlabelled row
 * under a three-level header) from the lines of their section. Rows are found by their
 * labels in printed order, whatever the extraction did to them (split over cells or
 * lines, page headers in between, noise); values are placed by header.
 */

/** A data row found in the source, and the cells printed right of its labels. */
interface Capture {
  readonly row: number;
  readonly line: number;
  /** The physical table (DOCX, PDF), or undefined (text). */
  readonly table: number | undefined;
  readonly positioned: boolean;
  /** Text aligned by spaces: positions are approximate. */
  readonly aligned: boolean;
  /** The label was matched by its start only: the rest of it (and maybe the figures) follows on later lines. */
  readonly wrapped: boolean;
  readonly doubt?: string;
  area?: SourceCell[];
  areaLine?: number;
}

const TEXT_TABLE = -1;
/** Most lines a table's header takes (table 3's header words stacked in pdftotext's layout take about ten). */
const MAX_HEADER_LINES = 24;

function hasContent(cells: readonly SourceCell[]): boolean {
  return cells.some((c) => c.text !== '');
}

/**
 * The words of a line of aligned text left of its figures, as one cell: there a label is
 * cut into words by its spaces (`三、 （一）予以公开`, `1. 属于 国家秘密`).
 */
function joinLabelWords(cells: readonly SourceCell[], kinds: readonly CellKind[], dataStart: number | undefined): SourceCell[] {
  let end = 0;
  while (end < cells.length && (kinds[end] === 'label' || kinds[end] === 'noise') && (dataStart === undefined || cells[end]!.x1! <= dataStart)) end++;
  if (end < 2) return [...cells];
  const words = cells.slice(0, end);
  return [{ text: words.map((c) => c.text).join(' '), x0: words[0]!.x0!, x1: words[end - 1]!.x1! }, ...cells.slice(end)];
}

/** The value area of a segment of a line: by header position when known, else right of its last label. */
function valueArea(cells: readonly SourceCell[], kinds: readonly CellKind[], from: number, to: number, dataStart: number | undefined): SourceCell[] {
  if (dataStart !== undefined) {
    return cells.slice(from, to).filter((c) => {
      const position = extent(c);
      return position !== undefined && (position.x0 + position.x1) / 2 >= dataStart;
    });
  }
  let lastLabel = from - 1;
  for (let j = from; j < to; j++) if (kinds[j] === 'label') lastLabel = j;
  return cells.slice(lastLabel + 1, to);
}

export interface CrossTableInput {
  readonly lines: readonly IndexedLine[];
  readonly table: CrossTableDef;
  readonly layout: TableLayout;
  readonly index: CellIndex;
  /** The table's name for messages, e.g. 表三（依申请公开）. */
  readonly name: string;
}

/** The row-finding pass: which lines are the header, which start which data row, and the values of each. */
function scanRows(input: CrossTableInput, labels: LabelSet, notes: Notes) {
  const { lines, table, layout } = input;
  const labelled = table.rows.some((r) => r.path.length > 0);
  const captures: Capture[] = [];
  const headerLines = new Map<number, IndexedLine[]>();
  const headers = new Map<number, PrintedHeader>();
  const headerOf = (tableId: number): PrintedHeader => {
    let header = headers.get(tableId);
    if (!header) {
      header = findHeader(headerLines.get(tableId) ?? [], table, layout);
      headers.set(tableId, header);
    }
    return header;
  };
  const dataStartOf = (tableId: number, positioned: boolean, aligned: boolean): number | undefined => {
    const header = headerOf(tableId);
    if (!positioned || !header.positioned) return undefined;
    return Math.min(...header.columns.map((c) => c.x0!)) - (aligned ? MAX_ALIGNED_OFFSET : 0);
  };
  let current = -1;
  let active: Capture | undefined;
  /** The last line with content before this one: figures on a line of their own belong to the row just above. */
  let previousLine = -1;
  /** Figures in unpositioned text that no row owns: the text is not in row order (pdfminer prints tables column by column). */
  let strayFigures = false;

  for (const { index: lineIndex, line } of lines) {
    const words = cleanCells(line);
    const tableId = line.table ?? TEXT_TABLE;
    const positioned = isPositioned(line);
    const aligned = line.layout === 'aligned';
    const cells = aligned && captures.length + headers.size > 0
      ? joinLabelWords(words, words.map((c) => classifyCell(c.text)), headers.has(tableId) ? dataStartOf(tableId, positioned, aligned) : undefined)
      : aligned ? joinLabelWords(words, words.map((c) => classifyCell(c.text)), undefined) : words;
    const texts = cells.map((c) => c.text);
    // In a real table the row under table 4's header is its row of figures, even when all blank.
    const blankFigureRow = !labelled && positioned && captures.length === 0 && headerLines.has(tableId) && !hasContent(cells);
    if (blankFigureRow) {
      notes.used.add(lineIndex);
      captures.push({ row: 0, line: lineIndex, table: line.table, positioned, aligned, wrapped: false, area: cells, areaLine: lineIndex });
      continue;
    }
    if (!hasContent(cells)) continue;
    const printed = texts.filter(Boolean).join(' ');
    if (isPageFurniture(texts)) {
      if (captures.length) notes.skipped(printed, lineIndex, 'info', `表格中间的页眉或页码“${printed}”已忽略`);
      continue;
    }
    const kinds = cells.map((c) => classifyCell(c.text));
    if (kinds.every((k) => k === 'noise' || k === 'empty')) {
      if (captures.length || headerLines.size) notes.skipped(printed, lineIndex, 'info', `表格中无法识别的符号“${printed}”已忽略`);
      continue;
    }
    const before = previousLine;
    previousLine = lineIndex;
    const starts: { cell: number; row: number; fuzzy: boolean; wrapped: boolean }[] = [];
    if (labelled) {
      for (let j = 0; j < cells.length; j++) {
        if (kinds[j] !== 'label' || cells[j]!.continued) continue;
        const match = labels.rowStartedBy(cells[j]!.text, starts[starts.length - 1]?.row ?? current);
        if (match) starts.push({ cell: j, row: match.row, fuzzy: match.match.kind === 'fuzzy', wrapped: match.match.kind === 'prefix' });
      }
    } else if (!kinds.includes('label') && kinds.includes('number') && captures.length === 0 && headerLines.size > 0) {
      // The unlabelled row of figures: the first line of figures under the table's header.
      starts.push({ cell: -1, row: 0, fuzzy: false, wrapped: false });
    }

    if (starts.length === 0) {
      const labelWords = words.filter((c) => classifyCell(c.text) === 'label');
      const known = labelWords.some((c) => labels.isKnownFragment(c.text));
      if (captures.length === 0 || (positioned && known && !headers.has(tableId))) {
        if (known || kinds.includes('number')) {
          const own = headerLines.get(tableId) ?? [];
          own.push({ index: lineIndex, line: { ...line, cells: words } });
          // A header is the few lines above the first row; lines further up are not part of it.
          if (own.length > MAX_HEADER_LINES) notes.used.delete(own.shift()!.index);
          headerLines.set(tableId, own);
          notes.used.add(lineIndex);
        }
        continue;
      }
      // A line continuing the row above: the rest of a broken label, or the row's figures on a line of their own.
      const area = valueArea(cells, kinds, 0, cells.length, dataStartOf(tableId, positioned, aligned)).filter((c) => classifyCell(c.text) !== 'label');
      if (!hasContent(area) && !known && isProse(texts)) continue;
      notes.used.add(lineIndex);
      const unknownWords = labelWords.filter((c) => !labels.isKnownFragment(c.text)).map((c) => c.text);
      // Figures belong to the row above only when nothing else can own them: that row has none yet, its label was
      // wrapped or it is the line just above, and no unrecognised text (another row's label) stands beside them.
      const owner = active && !(active.area && hasContent(active.area)) && (active.wrapped || active.line === before) && unknownWords.length === 0 ? active : undefined;
      if (hasContent(area) && owner) {
        owner.area = area;
        owner.areaLine = lineIndex;
      } else if (hasContent(area)) {
        // Beside another table's label the figures are that table's row; alone (or beside a header word) they are out of row order.
        if (!positioned && unknownWords.length === 0 && area.some((c) => classifyCell(c.text) === 'number')) strayFigures = true;
        const stray = area.map((c) => c.text).filter(Boolean).join(' ');
        notes.skipped(stray, lineIndex, 'warning', `第${lineIndex + 1}行的“${stray}”不属于任何一行，未读入`);
      }
      const unknown = unknownWords.join(' ');
      if (unknown) notes.skipped(unknown, lineIndex, 'info', `表格中无法识别的文字“${unknown}”已忽略`);
      continue;
    }

    notes.used.add(lineIndex);
    const noise = texts.filter((_, j) => j < starts[0]!.cell && kinds[j] === 'noise').join(' ');
    if (noise) notes.skipped(noise, lineIndex, 'info', `表格中无法识别的符号“${noise}”已忽略`);
    starts.forEach((start, k) => {
      const area = valueArea(cells, kinds, start.cell + 1, starts[k + 1]?.cell ?? cells.length, dataStartOf(tableId, positioned, aligned));
      const doubt = start.fuzzy ? `行名“${cells[start.cell]?.text}”与“${labels.rows[start.row]?.label}”不完全一致，按相似度认作该行` : undefined;
      if (doubt) notes.warn(`第${lineIndex + 1}行：${doubt}，请核对`, lineIndex);
      const capture: Capture = { row: start.row, line: lineIndex, table: line.table, positioned, aligned, wrapped: start.wrapped, ...(doubt ? { doubt } : {}) };
      if (area.length) {
        capture.area = area;
        capture.areaLine = lineIndex;
      }
      captures.push(capture);
      active = capture;
      current = start.row;
    });
  }
  const lastLine = Math.max(-1, ...captures.map((c) => c.areaLine ?? c.line), ...[...headerLines.values()].flat().map((l) => l.index));
  const found = captures.length > 0 || [...headerLines.keys()].some((id) => headerOf(id).columns.length > 0);
  return { captures, headerOf: (table: number | undefined) => headerOf(table ?? TEXT_TABLE), lastLine, found, strayFigures };
}

export function readCrossTable(input: CrossTableInput): TableReading {
  const { table, index, name } = input;
  const rowLabels = table.rows.map((r) => ({ key: r.key, label: r.path[r.path.length - 1] ?? '' }));
  const others = [...new Set([...table.rows.flatMap((r) => r.path.slice(0, -1)), ...table.columns.flatMap((c) => c.path), ...(table.corner ? [table.corner] : [])])];
  const labels = new LabelSet(table.rows.some((r) => r.path.length > 0) ? rowLabels : [], others);
  const notes = new Notes(name);
  const { captures, headerOf, lastLine, found, strayFigures } = scanRows(input, labels, notes);

  const columnKeys = table.columns.map((c) => c.key);
  const cellOf = (row: number, columnKey: string): CellDef => index.byKey.get(crossCellKey(table, table.rows[row]!.key, columnKey))!;
  const readings = new Map<string, CellReading>();
  /** A table continued on the next page without its header is read by count against the last header printed. */
  let lastHeader: PrintedHeader = { columns: [], positioned: false, sideBySide: false };
  /** Columns that rows could not be read in because the printed header lacks them. */
  const lacking = new Set<string>();
  for (const capture of captures) {
    const rowLabel = rowLabels[capture.row]!.label || name;
    const own = headerOf(capture.table);
    if (own.columns.length) lastHeader = own;
    const split = splitRunTogether(capture.area ?? [], columnKeys.map((key) => cellOf(capture.row, key)));
    const area = 'cells' in split ? split.cells : (capture.area ?? []);
    const placement: Placement = !('cells' in split)
      ? { kind: 'unplaced', reason: split.reason }
      : strayFigures && !capture.positioned
        ? { kind: 'unplaced', reason: OUT_OF_ROW_ORDER }
      : capture.aligned && own.positioned
        ? placeByAlignment(area, own, columnKeys)
        : capture.positioned && own.positioned
          ? placeByPosition(area, own, columnKeys)
          : placeByCount(area, lastHeader, columnKeys, { exact: capture.positioned && !capture.aligned });
    const line = capture.areaLine ?? capture.line;
    if (placement.kind === 'unplaced') {
      const raw = area.map((c) => c.text).join(' ').trim();
      for (const key of columnKeys) readings.set(cellOf(capture.row, key).key, unplaced(cellOf(capture.row, key), raw, placement.reason, line));
      if (placement.reason !== OUT_OF_ROW_ORDER) notes.warn(`“${rowLabel}”行：${placement.reason}，请对照原文填写`, line);
      continue;
    }
    placement.missing.forEach((key) => lacking.add(key));
    for (const stray of placement.stray) notes.skipped(stray.text, line, 'warning', `“${rowLabel}”行多出的“${stray.text}”不在任何一列下，未读入`);
    for (const key of columnKeys) {
      const def = cellOf(capture.row, key);
      const cell = placement.cells.get(key);
      const doubt = [capture.doubt, placement.note].filter(Boolean).join('；');
      if (cell) readings.set(def.key, readFound(def, { cell, line, rowLabel, ...(doubt ? { doubt } : {}) }));
      else if (placement.missing.includes(key)) readings.set(def.key, missing(def, `表头中没有“${cellName(def, 'header')}”列`, line));
      else readings.set(def.key, missing(def, '该行在此列下没有单元格', line));
    }
  }
  if (strayFigures && captures.some((c) => !c.positioned)) notes.warn(`${name}：${OUT_OF_ROW_ORDER}，各行留空，请对照原文填写`);
  for (const key of lacking) {
    const def = cellOf(0, key);
    notes.warn(`表头中没有“${cellName(def, 'header')}”列，该列各格留空`);
  }
  const capturedRows = new Set(captures.map((c) => c.row));
  table.rows.forEach((_, row) => {
    if (capturedRows.has(row)) return;
    if (found) notes.warn(`没有找到“${rowLabels[row]!.label || '数据'}”行，该行各格留空`);
    for (const key of columnKeys) readings.set(cellOf(row, key).key, missing(cellOf(row, key), found ? '原文中没有找到这一行' : `原文中没有找到${name}`));
  });
  const cells = index.byTable[table.id]!.map((def) => readings.get(def.key)!);
  return endAt({ found, cells, used: notes.used, unmatched: notes.unmatched, issues: notes.issues }, lastLine);
}
