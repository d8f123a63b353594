import { blockCellKey, blockTable, cellName, crossCellKey, crossTable, infoFeeSection, sectionOrdinal } from '../format/index.ts';
import type { FormatRelations } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import type { FindingDraft } from './finding.ts';

/**
 * Rules that look at table 2's plausibility and at last year's report of the same
 * agency, from the relations of the format: the carry-over (X-CARRY), the stock of
 * documents in force (X-T2-STOCK, T2-INFORCE-LOW) and fee notices (X-FEE-NOTICES).
 */

type DocumentStock = NonNullable<FormatRelations['documentStock']>;

function stockKeys(figures: Figures, stock: DocumentStock, row: string) {
  const table = blockTable(figures.format, stock.table);
  const key = (column: string) => blockCellKey(table, row, column);
  return { issued: key(stock.columns.issued), repealed: key(stock.columns.repealed), inForce: key(stock.columns.inForce) };
}

function inForceFindings(figures: Figures): FindingDraft[] {
  const stock = figures.format.relations.documentStock;
  if (!stock) return [];
  return stock.rows.flatMap((row): FindingDraft[] => {
    const keys = stockKeys(figures, stock, row);
    const [issued, inForce] = [figures.value(keys.issued), figures.value(keys.inForce)];
    if (issued === null || inForce === null || inForce >= issued) return [];
    const cell = figures.get(keys.issued).cell;
    return [
      {
        id: `T2-INFORCE-LOW.${row}`,
        rule: 'T2-INFORCE-LOW',
        severity: 'hint',
        location: { table: cell.table, row, cells: [keys.issued, keys.inForce] },
        message:
          `${cell.tableName}「${cell.rowLabel}」：${figures.get(keys.inForce).cell.columnLabel}（${inForce}）少于${cell.columnLabel}（${issued}）。` +
          `${stock.words.issued}的文件通常仍然有效，请确认。`,
      },
    ];
  });
}

function carryOverFindings(figures: Figures, previous: Figures, previousYear: number): FindingDraft[] {
  const carryOver = figures.format.relations.carryOver;
  const lastCarryOver = previous.format.relations.carryOver;
  if (!carryOver || !lastCarryOver) return [];
  const table = crossTable(figures.format, carryOver.table);
  const previousTable = crossTable(previous.format, lastCarryOver.table);
  return table.columns.flatMap((column): FindingDraft[] => {
    const thisKey = crossCellKey(table, carryOver.toRow, column.key);
    const lastKey = crossCellKey(previousTable, lastCarryOver.fromRow, column.key);
    if (!previous.cells.has(lastKey)) return [];
    const now = figures.value(thisKey);
    const before = previous.value(lastKey);
    if (now === null || before === null || now === before) return [];
    const cell = figures.get(thisKey).cell;
    return [
      {
        id: `X-CARRY.${column.key}`,
        rule: 'X-CARRY',
        severity: 'warning',
        location: { table: table.id, row: carryOver.toRow, column: column.key, cells: [thisKey] },
        message:
          `${cell.tableName}「${cell.columnLabel}」列：${cellName(cell, 'inColumn')}为${now}，` +
          `但${previousYear}年度报告的${cellName(previous.get(lastKey).cell, 'inColumn')}为${before}，相差${Math.abs(now - before)}。` +
          '如因机构调整等原因不一致，请在正文中说明。',
      },
    ];
  });
}

function stockFindings(figures: Figures, previous: Figures): FindingDraft[] {
  const stock = figures.format.relations.documentStock;
  if (!stock) return [];
  return stock.rows.flatMap((row): FindingDraft[] => {
    const keys = stockKeys(figures, stock, row);
    const [issued, repealed, inForce] = [keys.issued, keys.repealed, keys.inForce].map((k) => figures.value(k));
    const before = previous.cells.has(keys.inForce) ? previous.value(keys.inForce) : null;
    if (issued == null || repealed == null || inForce == null || before === null) return [];
    const expected = before + issued - repealed;
    if (expected === inForce) return [];
    const cell = figures.get(keys.inForce).cell;
    const { words } = stock;
    return [
      {
        id: `X-T2-STOCK.${row}`,
        rule: 'X-T2-STOCK',
        severity: 'hint',
        location: { table: cell.table, row, cells: [keys.inForce] },
        message:
          `${cell.tableName}「${cell.rowLabel}」：上年${words.inForce}${before}件＋${words.issued}${issued}件－${words.repealed}${repealed}件＝${expected}件，` +
          `本年${words.inForce}填的是${inForce}件。文件到期失效或机构调整也会造成差异，请确认。`,
      },
    ];
  });
}

function feeNoticeFindings(report: Report, figures: Figures, previous: Report | undefined): FindingDraft[] {
  const unpaidCells = figures.format.relations.unpaidFeeApplications;
  const fees = infoFeeSection(figures.format);
  const noticesWords = fees?.words.figures.find((f) => f.field === 'noticesIssued');
  if (!unpaidCells || !fees || !noticesWords) return [];
  const [unpaidKey] = unpaidCells.keys;
  const unpaid = figures.value(unpaidKey!);
  const notices = [report.infoFee.noticesIssued, previous?.infoFee.noticesIssued].map((n) => Number(n ?? 0) || 0);
  if (unpaid === null || unpaid === 0 || notices.some((n) => n > 0)) return [];
  const cell = figures.get(unpaidKey!).cell;
  return [
    {
      id: 'X-FEE-NOTICES',
      rule: 'X-FEE-NOTICES',
      severity: 'hint',
      location: { table: cell.table, row: cell.rowKey, cells: [unpaidKey!, 'infoFee.noticesIssued'] },
      message: `${cell.tableName}有${unpaid}件${unpaidCells.name}，但${sectionOrdinal(fees.section)}没有报告${noticesWords.words}。请在${fees.words.name}中填写${noticesWords.label}。`,
    },
  ];
}

export function crossYearFindings(report: Report, figures: Figures, previous?: { report: Report; figures: Figures }): FindingDraft[] {
  return [
    ...inForceFindings(figures),
    ...(previous ? carryOverFindings(figures, previous.figures, previous.report.year) : []),
    ...(previous ? stockFindings(figures, previous.figures) : []),
    ...feeNoticeFindings(report, figures, previous?.report),
  ];
}
