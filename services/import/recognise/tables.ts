import { cellIndex, formatTables, isBlockTable, tableById, tableLayouts } from '../../../shared/format/index.ts';
import type { FeeUnitWording, ReportFormat, TableId } from '../../../shared/format/index.ts';
import type { SectionLocation } from '../text/sections.ts';
import type { SourceLine } from '../source.ts';
import type { CellReading, ImportIssue, UnmatchedText } from '../types.ts';
import type { IndexedLine, TableReading } from './context.ts';
import { readCrossTable } from './crossTable.ts';
import { readTable2 } from './table2.ts';

/**
 * The three tables of a document: each looked for in its section, or, when its heading
 * was not found (garbled beyond recognition), anywhere after the title.
 */

/** How import messages name a table: `表三（依申请公开）`. */
function tableName(format: ReportFormat, id: TableId): string {
  const table = tableById(format, id);
  return `${table.shortName}（${table.subject}）`;
}

export interface TablesReading {
  /** Every data cell of the format, in format order. */
  readonly cells: readonly CellReading[];
  readonly found: ReadonlySet<TableId>;
  /** Lines that belong to a table (not to a section's text). */
  readonly used: ReadonlySet<number>;
  readonly feesUnitNote: string | null;
  readonly unmatched: readonly UnmatchedText[];
  readonly issues: readonly ImportIssue[];
}

/** The fee header's wording a printed unit note (`单位：万元，保留4位小数`) shows. */
export function feeWordingOf(format: ReportFormat, feesUnitNote: string | null): FeeUnitWording {
  const mark = format.feeColumn?.decimalsMark;
  return mark !== undefined && feesUnitNote?.includes(mark) ? 'fourDecimals' : 'official';
}

/** 0.0000 printed under a four-decimals fee header is the figure 0: the padding is the printer's, not a value. */
function withoutPadding(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function readTables(lines: readonly SourceLine[], location: SectionLocation, format: ReportFormat): TablesReading {
  const index = cellIndex(format);
  const layouts = tableLayouts(format);
  const linesOf = (start: number, end: number): IndexedLine[] => lines.slice(start, end).map((line, i) => ({ index: start + i, line }));
  const read = (id: TableId, within: readonly IndexedLine[]): TableReading => {
    const table = tableById(format, id);
    return isBlockTable(table)
      ? readTable2(within, format, table, index, tableName(format, id))
      : readCrossTable({ lines: within, table, layout: layouts[id]!, index, name: tableName(format, id) });
  };

  const readings = new Map<TableId, TableReading>();
  const issues: ImportIssue[] = [];
  for (const range of location.ranges) {
    const table = format.sections.find((s) => s.key === range.key)!.table;
    if (table) readings.set(table, read(table, linesOf(range.start, range.end)));
  }
  for (const section of format.sections) {
    if (!section.table || readings.has(section.table)) continue;
    const taken = new Set([...readings.values()].flatMap((r) => [...r.used]));
    // Without any heading (a table pasted on its own) the whole text is looked through.
    const from = location.ranges.length ? location.firstHeading : 0;
    const reading = read(section.table, linesOf(from, lines.length).filter((l) => !taken.has(l.index)));
    if (!reading.found) continue;
    readings.set(section.table, reading);
    const name = tableName(format, section.table);
    issues.push({ level: 'warning', where: name, message: `没有找到“${section.heading}”标题，但在其他位置找到了${name}，请核对` });
  }

  const cells: CellReading[] = [];
  const unmatched: UnmatchedText[] = [];
  let feesUnitNote: string | null = null;
  for (const { id } of formatTables(format)) {
    const reading = readings.get(id);
    if (!reading?.found) issues.push({ level: 'warning', where: tableName(format, id), message: `没有找到${tableName(format, id)}，其中各格留空` });
    issues.push(...(reading?.issues ?? []));
    unmatched.push(...(reading?.unmatched ?? []));
    if (reading && 'feesUnitNote' in reading) feesUnitNote = reading.feesUnitNote as string | null;
    cells.push(...(reading?.cells ?? []));
  }
  const padded = feeWordingOf(format, feesUnitNote) === 'fourDecimals';
  const feeKey = format.feeColumn?.cell;
  return {
    cells: cells.map((c) => (padded && c.value !== null && c.key === feeKey ? { ...c, value: withoutPadding(c.value) } : c)),
    found: new Set([...readings].filter(([, r]) => r.found).map(([id]) => id)),
    used: new Set([...readings.values()].flatMap((r) => [...r.used])),
    feesUnitNote,
    unmatched,
    issues,
  };
}
