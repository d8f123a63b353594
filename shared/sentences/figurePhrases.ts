import { cellIndex, crossCellKey, crossTable, infoFeeSection, sectionOrdinal } from '../format/index.ts';
import type { CrossTableDef, NamedCells, ReportFormat } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { InfoFee } from '../model/report.ts';

/**
 * The phrases with which prose states a figure of the tables ("予以公开20件", "上年结转3件",
 * "实际收取信息处理费35.5元"), each tied to the cells whose sum it states. The sentences
 * Nianbao writes from the figures use exactly these phrases, and the prose rules read
 * them back, so a figure changed after a sentence was inserted is noticed.
 */
export interface FigurePhrase {
  /** Which figure: `person`, `organisations`, `carryOver.to` (上年结转), `result.granted` (a group by its first row), `carryOver.from` (结转下年度), `review`, `litigation`, `fee.<field>` (`fee.collectedYuan`). */
  readonly id: string;
  /** The words written before the figure. */
  readonly words: string;
  /** What the figure is, for messages: `表三（一）予以公开`. */
  readonly what: string;
  readonly unit: '件' | '元';
  /** This year's figure, or null when a cell it adds up is blank or not a figure. */
  value(figures: Figures, infoFee: InfoFee): number | null;
}

function sumOf(keys: readonly string[]): FigurePhrase['value'] {
  return (figures) => {
    let sum = 0;
    for (const key of keys) {
      const value = figures.value(key);
      if (value === null) return null;
      sum += value;
    }
    return sum;
  };
}

/** A table-3 label without its numbering and its parenthetical note: `（二）部分公开（…）` → `部分公开`. */
function plainLabel(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '').replace(/（.*）$/, '');
}

function rowLabel(table: CrossTableDef, rowKey: string): string {
  const row = table.rows.find((r) => r.key === rowKey)!;
  return row.path[row.path.length - 1]!;
}

/** The row of the cells a relation names (`t3.newReceived.total` → `newReceived`). */
function rowOf(format: ReportFormat, cells: NamedCells): string {
  return cellIndex(format).byKey.get(cells.keys[0]!)!.rowKey;
}

/** The result groups of table 3 (（一）予以公开 … （六）其他处理), each with its rows. */
export function resultGroups(table: CrossTableDef): { label: string; rowKeys: string[] }[] {
  const total = table.rows.find((r) => r.sumOfRows)!;
  const groups: { label: string; rowKeys: string[] }[] = [];
  for (const rowKey of total.sumOfRows!) {
    const row = table.rows.find((r) => r.key === rowKey)!;
    const label = row.path[1]!;
    const group = groups.find((g) => g.label === label);
    if (group) group.rowKeys.push(rowKey);
    else groups.push({ label, rowKeys: [rowKey] });
  }
  return groups;
}

/** The table of applications and their results (table 3): the one the carry-over runs through. */
export function requestsTable(format: ReportFormat): CrossTableDef | undefined {
  const carryOver = format.relations.carryOver;
  return carryOver && crossTable(format, carryOver.table);
}

/** The table of review and litigation cases (table 4): the one of the `cases` relation. */
export function casesTable(format: ReportFormat): CrossTableDef | undefined {
  const key = format.relations.cases?.[0]?.keys[0];
  const cell = key === undefined ? undefined : cellIndex(format).byKey.get(key);
  return cell && crossTable(format, cell.table);
}

/** The row of applications received this year, per applicant column (table 3's 一). */
export function applicationsRow(format: ReportFormat): string | undefined {
  const received = format.relations.applicationsReceived;
  return received && rowOf(format, received);
}

function tableThreePhrases(format: ReportFormat): FigurePhrase[] {
  const { carryOver } = format.relations;
  const receivedRow = applicationsRow(format);
  if (!carryOver || receivedRow === undefined) return [];
  const table = crossTable(format, carryOver.table);
  const name = table.shortName;
  const totalColumn = table.columns.find((c) => c.isTotal)!.key;
  const organisations = table.columns.filter((c) => !c.isTotal && c.path.length === 3);
  const person = table.columns.find((c) => !c.isTotal && c.path.length === 2)!;
  const total = (rowKey: string) => crossCellKey(table, rowKey, totalColumn);
  return [
    { id: 'person', words: `${person.path[1]}申请`, what: `${name}${rowLabel(table, receivedRow)}（${person.path[1]}）`, unit: '件', value: sumOf([crossCellKey(table, receivedRow, person.key)]) },
    {
      id: 'organisations',
      words: `${organisations[0]!.path[1]}申请`,
      what: `${name}${rowLabel(table, receivedRow)}（${organisations[0]!.path[1]}）`,
      unit: '件',
      value: sumOf(organisations.map((c) => crossCellKey(table, receivedRow, c.key))),
    },
    { id: 'carryOver.to', words: carryOver.words.to, what: `${name}${rowLabel(table, carryOver.toRow)}`, unit: '件', value: sumOf([total(carryOver.toRow)]) },
    ...resultGroups(table).map(
      (group): FigurePhrase => ({ id: `result.${group.rowKeys[0]}`, words: plainLabel(group.label), what: `${name}${group.label.replace(/（[^）]*）$/, '')}`, unit: '件', value: sumOf(group.rowKeys.map(total)) }),
    ),
    { id: 'carryOver.from', words: carryOver.words.from, what: `${name}${rowLabel(table, carryOver.fromRow)}`, unit: '件', value: sumOf([total(carryOver.fromRow)]) },
  ];
}

/** The review and litigation totals (table 4), from the `cases` relation: the first group is review, the rest litigation. */
function casePhrases(format: ReportFormat): FigurePhrase[] {
  const [review, ...litigation] = format.relations.cases ?? [];
  if (!review || litigation.length === 0) return [];
  const cells = cellIndex(format).byKey;
  const name = cells.get(review.keys[0]!)!.tableName;
  const litigationKeys = litigation.flatMap((c) => c.keys);
  return [
    { id: 'review', words: `被申请${review.name}`, what: `${name}${review.name}总计`, unit: '件', value: sumOf(review.keys) },
    { id: 'litigation', words: `被提起${litigation[0]!.name}`, what: `${name}${litigation[0]!.name}总计`, unit: '件', value: sumOf(litigationKeys) },
  ];
}

/** The fee figures of the section holding them, in the format's words. */
function infoFeePhrases(format: ReportFormat): FigurePhrase[] {
  const fees = infoFeeSection(format);
  if (!fees) return [];
  const part = sectionOrdinal(fees.section);
  return fees.words.figures.map((f) => ({ id: `fee.${f.field}`, words: f.words, what: `${part}${f.what}`, unit: f.unit, value: (_, fee) => figureOf(fee[f.field]) }));
}

function figureOf(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Every phrase the prose rules read and the generated sentences write. */
export function figurePhrases(format: ReportFormat): FigurePhrase[] {
  return [...tableThreePhrases(format), ...casePhrases(format), ...infoFeePhrases(format)];
}
