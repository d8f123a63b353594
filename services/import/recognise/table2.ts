import { blockCellKey } from '../../../shared/format/index.ts';
import type { BlockTableDef, CellDef, CellIndex, ReportFormat } from '../../../shared/format/index.ts';
import { isLabel, looseNorm, matchLabel } from '../../../shared/text/labels.ts';
import { isPageFurniture } from '../text/pageFurniture.ts';
import type { SourceCell, SourceLine } from '../source.ts';
import type { CellReading } from '../types.ts';
import { classifyCell, splitTrailingFigure } from './cells.ts';
import type { IndexedLine, TableReading } from './context.ts';
import { cleanCells, endAt, extent, isProse, Notes, OUT_OF_ROW_ORDER, overlap } from './context.ts';
import { isPositioned } from '../source.ts';
import { missing, readFound, unplaced } from './readings.ts';
import { splitRunTogether } from './runTogether.ts';

/**
 * Reads table 2 (four captioned blocks: 规章/行政规范性文件 × 制发/废止/现行有效, then
 * 行政许可, 行政处罚, 行政强制, 行政事业性收费 with one value each), whether printed as
 * one table or as four. Every data row has a single label cell, so in text the cells
 * after it are the columns in order, and a row printing fewer leaves the last ones
 * blank (not in gapless text, where a blank cell prints nothing: such a row is
 * unplaced); real tables are read by the header's positions. The fee column's unit text is
 * kept as printed (`单位：万元，保留4位小数`).
 */

export interface Table2Reading extends TableReading {
  readonly feesUnitNote: string | null;
}

interface RowDef {
  readonly key: string;
  readonly label: string;
  readonly columns: readonly { readonly key: string; readonly label: string }[];
}

/** The unit text inside the brackets of the fee header, as printed (`单位：万元`). */
function feeUnitNote(header: string): string | null {
  const match = /[（(]\s*([^（()）]*?)\s*[)）]\s*$/.exec(header.trim());
  return match ? match[1]!.replace(/\s+/g, '') : null;
}

/** The fee header's words before its unit bracket (`本年收费金额`), which every wording starts with. */
function feeHeaderStart(format: ReportFormat): string | undefined {
  return format.feeColumn?.header.official.replace(/\s*[（(][^（(]*$/, '');
}

function isFeeHeader(text: string, start: string | undefined): boolean {
  return start !== undefined && looseNorm(text).startsWith(looseNorm(start));
}

/** The header label a cell prints, or the labels of its space-separated parts (`信息内容  本年处理决定数量`). */
function headerLabels(text: string, labels: readonly string[]): string[] {
  const whole = labels.find((l) => isLabel(text, l));
  if (whole) return [whole];
  const parts = text.split(/\s+/).filter(Boolean).map((p) => labels.find((l) => isLabel(p, l)));
  return parts.length > 1 && parts.every((p) => p !== undefined) ? (parts as string[]) : [];
}

/** Most characters of noise after a label (`行政处罚T`); more is a sentence that starts with the label (`规章制度…`). */
const MAX_LABEL_NOISE = 3;

/** Shortest end of a label that names its row alone (`规范性文件` for `行政规范性文件`). */
const MIN_LABEL_END = 4;

/**
 * The row whose label a cell prints: the whole label, the label with a little noise after
 * it, a garbled label, or the end of one label and of no other (converters print
 * `规范性文件` for `行政规范性文件`; the reading is then marked as not certain).
 */
function rowOf(text: string, rows: readonly RowDef[]): { row: RowDef; fuzzy: boolean } | undefined {
  for (const row of rows) {
    const match = matchLabel(text, row.label);
    if (!match || match.kind === 'prefix') continue;
    if (match.kind === 'withSuffix' && Array.from(looseNorm(text)).length - Array.from(looseNorm(row.label)).length > MAX_LABEL_NOISE) continue;
    return { row, fuzzy: match.kind === 'fuzzy' };
  }
  const printed = looseNorm(text);
  if (Array.from(printed).length < MIN_LABEL_END) return undefined;
  const ending = rows.filter((row) => looseNorm(row.label).endsWith(printed));
  return ending.length === 1 ? { row: ending[0]!, fuzzy: true } : undefined;
}

function rowDefs(table: BlockTableDef): RowDef[] {
  return table.blocks.flatMap((block) => block.rows.map((row) => ({ key: row.key, label: row.label, columns: block.columns })));
}

type ColumnPositions = Map<string, { x0: number; x1: number; table: number | undefined }>;

/** Cells of the row by column key: by header position in a real table, else in order after the label. */
function assign(row: RowDef, area: readonly SourceCell[], positions: ColumnPositions, table: number | undefined, gapless: boolean): Map<string, SourceCell> | string {
  const assigned = new Map<string, SourceCell>();
  const byPosition =
    row.columns.length > 1 && area.every((c) => extent(c)) && row.columns.every((c) => positions.get(c.label)?.table === table);
  if (byPosition) {
    for (const cell of area) {
      const column = row.columns.find((c) => overlap(extent(cell)!, positions.get(c.label)!) >= 0.5);
      if (column && !assigned.has(column.key)) assigned.set(column.key, cell);
    }
    return assigned;
  }
  let cells = [...area];
  while (cells.length && cells[cells.length - 1]!.text === '') cells.pop();
  if (row.columns.length === 1) cells = cells.filter((c) => c.text !== '');
  const printed = cells.filter((c) => c.text !== '').length;
  if (gapless && printed > 0 && printed < row.columns.length) {
    return `该行只印有${printed}格内容（${row.columns.length}列），原文中空白格不留痕迹，无法确定各数所属的列`;
  }
  if (cells.length > row.columns.length) {
    const extra = cells.slice(0, cells.length - row.columns.length);
    if (extra.some((c) => c.text !== '')) return `该行印有${cells.length}格内容，多于${row.columns.length}列，无法确定各数所属的列`;
    cells = cells.slice(cells.length - row.columns.length);
  }
  row.columns.forEach((c, i) => {
    if (cells[i]) assigned.set(c.key, cells[i]!);
  });
  return assigned;
}

export function readTable2(lines: readonly IndexedLine[], format: ReportFormat, table: BlockTableDef, index: CellIndex, name: string): Table2Reading {
  const rows = rowDefs(table);
  const headers = [...table.blocks.flatMap((b) => [b.caption, b.labelHeader, ...b.columns.map((c) => c.label)]), ...Object.values(format.feeColumn?.header ?? {})];
  const defsOf = (row: RowDef): CellDef[] => row.columns.map((c) => index.byKey.get(blockCellKey(table, row.key, c.key))!);
  const feeStart = feeHeaderStart(format);
  const positions: ColumnPositions = new Map();
  const readings = new Map<string, CellReading>();
  const notes = new Notes(name);
  let feesUnitNote: string | null = null;
  let started = false;
  let lastLine = -1;
  /** Rows read from text without positions, and whether figures stood apart from every row there (see OUT_OF_ROW_ORDER). */
  const textRows: { row: RowDef; raw: string; line: number }[] = [];
  let strayFigures = false;

  const readRow = (row: RowDef, area: readonly SourceCell[], lineIndex: number, line: SourceLine, doubt?: string): void => {
    const defs = defsOf(row);
    if (defs.some((d) => readings.get(d.key)?.status === 'read')) {
      notes.warn(`“${row.label}”行出现了不止一次，只读入有数字的第一处`, lineIndex);
      return;
    }
    const split = splitRunTogether(area, defs);
    const assigned = 'cells' in split ? assign(row, split.cells, positions, line.table, line.gapless === true) : split.reason;
    if (typeof assigned === 'string') {
      const raw = area.map((c) => c.text).join(' ').trim();
      for (const def of defs) readings.set(def.key, unplaced(def, raw, assigned, lineIndex));
      notes.warn(`“${row.label}”行：${assigned}，请对照原文填写`, lineIndex);
      return;
    }
    row.columns.forEach((column, i) => {
      const cell = assigned.get(column.key) ?? { text: '' };
      readings.set(defs[i]!.key, readFound(defs[i]!, { cell, line: lineIndex, rowLabel: row.label, ...(doubt ? { doubt } : {}) }));
    });
  };

  for (const { index: lineIndex, line } of lines) {
    const cells = cleanCells(line);
    const texts = cells.map((c) => c.text);
    if (!texts.some(Boolean)) continue;
    if (isPageFurniture(texts)) {
      if (started) {
        notes.used.add(lineIndex);
        notes.skipped(texts.join(' ').trim(), lineIndex, 'info', `表格中间的页眉或页码“${texts.join(' ').trim()}”已忽略`);
      }
      continue;
    }
    let recognised = false;
    let rowRead = false;
    for (const [j, cell] of cells.entries()) {
      if (classifyCell(cell.text) !== 'label' || cell.continued) continue;
      if (isFeeHeader(cell.text, feeStart)) {
        feesUnitNote = feeUnitNote(cell.text);
        recognised = true;
        continue;
      }
      const labels = headerLabels(cell.text, headers);
      if (labels.length) {
        const position = extent(cell);
        if (position && labels.length === 1) positions.set(labels[0]!, { ...position, table: line.table });
        recognised = true;
        continue;
      }
      const split = splitTrailingFigure(cell.text);
      const found = rowOf(split?.label ?? cell.text, rows);
      if (!found) continue;
      const area = cells.slice(j + 1);
      if (split) area.unshift({ text: split.figure });
      const doubt = found.fuzzy ? `行名“${cell.text}”与“${found.row.label}”不完全一致` : undefined;
      readRow(found.row, area, lineIndex, line, doubt);
      if (!isPositioned(line)) textRows.push({ row: found.row, raw: area.map((c) => c.text).join(' ').trim(), line: lineIndex });
      rowRead = true;
      recognised = true;
      break;
    }
    // Figures alone or beside this table's header words are out of row order; beside another label they are another table's row.
    const besideOtherLabel = cells.some((c) => classifyCell(c.text) === 'label' && !isFeeHeader(c.text, feeStart) && headerLabels(c.text, headers).length === 0);
    if (!rowRead && !besideOtherLabel && !isPositioned(line) && cells.some((c) => classifyCell(c.text) === 'number')) strayFigures = true;
    if (recognised) {
      started = true;
      lastLine = lineIndex;
      notes.used.add(lineIndex);
    } else if (started && !isProse(texts)) {
      notes.used.add(lineIndex);
      const stray = texts.filter(Boolean).join(' ');
      notes.skipped(stray, lineIndex, 'info', `表格中无法识别的内容“${stray}”已忽略`);
    }
  }

  if (strayFigures && textRows.length) {
    notes.warn(`${name}：${OUT_OF_ROW_ORDER}，各行留空，请对照原文填写`);
    for (const { row, raw, line } of textRows) for (const def of defsOf(row)) readings.set(def.key, unplaced(def, raw, OUT_OF_ROW_ORDER, line));
  }
  const found = started;
  for (const row of rows) {
    const defs = defsOf(row);
    if (readings.has(defs[0]!.key)) continue;
    if (found) notes.warn(`没有找到“${row.label}”行，该行各格留空`);
    for (const def of defs) readings.set(def.key, missing(def, found ? '原文中没有找到这一行' : `原文中没有找到${name}`));
  }
  const cells = index.byTable[table.id]!.map((def) => readings.get(def.key)!);
  return { ...endAt({ found, cells, used: notes.used, unmatched: notes.unmatched, issues: notes.issues }, lastLine), feesUnitNote };
}
