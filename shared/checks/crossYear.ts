import { crossCellKey, table2CellKey } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import type { Finding } from './finding.ts';

/**
 * Rules that look at table 2's plausibility and at last year's report of the same
 * agency: 上年结转 against last year's 结转下年度 (X-CARRY), the stock of documents in
 * force (X-T2-STOCK, T2-INFORCE-LOW) and fee notices (X-FEE-NOTICES).
 */

const DOCUMENT_KINDS = ['regulations', 'normativeDocuments'] as const;

function documentRowLabel(figures: Figures, kind: string): string {
  return figures.get(table2CellKey(kind, 'issued')).cell.rowLabel;
}

function inForceFindings(figures: Figures): Finding[] {
  return DOCUMENT_KINDS.flatMap((kind): Finding[] => {
    const [issued, inForce] = [figures.value(table2CellKey(kind, 'issued')), figures.value(table2CellKey(kind, 'inForce'))];
    if (issued === null || inForce === null || inForce >= issued) return [];
    return [
      {
        id: `T2-INFORCE-LOW.${kind}`,
        rule: 'T2-INFORCE-LOW',
        severity: 'hint',
        location: { table: 'table2', row: kind, cells: [table2CellKey(kind, 'issued'), table2CellKey(kind, 'inForce')] },
        message: `表二「${documentRowLabel(figures, kind)}」：现行有效件数（${inForce}）少于本年制发件数（${issued}）。本年制发的文件通常仍然有效，请确认。`,
      },
    ];
  });
}

function carryOverFindings(figures: Figures, previous: Figures, previousYear: number): Finding[] {
  const table = figures.format.tables.table3;
  return table.columns.flatMap((column): Finding[] => {
    const thisKey = crossCellKey(table, 'carriedOver', column.key);
    const lastKey = crossCellKey(previous.format.tables.table3, 'carriedForward', column.key);
    const now = figures.value(thisKey);
    const before = previous.value(lastKey);
    if (now === null || before === null || now === before) return [];
    return [
      {
        id: `X-CARRY.${column.key}`,
        rule: 'X-CARRY',
        severity: 'warning',
        location: { table: 'table3', row: 'carriedOver', column: column.key, cells: [thisKey] },
        message:
          `表三「${column.path[column.path.length - 1]}」列：${figures.get(thisKey).cell.rowLabel}为${now}，` +
          `但${previousYear}年度报告的${previous.get(lastKey).cell.rowLabel}为${before}，相差${Math.abs(now - before)}。` +
          '如因机构调整等原因不一致，请在正文中说明。',
      },
    ];
  });
}

function stockFindings(figures: Figures, previous: Figures): Finding[] {
  return DOCUMENT_KINDS.flatMap((kind): Finding[] => {
    const [issued, repealed, inForce] = (['issued', 'repealed', 'inForce'] as const).map((c) => figures.value(table2CellKey(kind, c)));
    const before = previous.value(table2CellKey(kind, 'inForce'));
    if (issued == null || repealed == null || inForce == null || before === null) return [];
    const expected = before + issued - repealed;
    if (expected === inForce) return [];
    return [
      {
        id: `X-T2-STOCK.${kind}`,
        rule: 'X-T2-STOCK',
        severity: 'hint',
        location: { table: 'table2', row: kind, cells: [table2CellKey(kind, 'inForce')] },
        message:
          `表二「${documentRowLabel(figures, kind)}」：上年现行有效${before}件＋本年制发${issued}件－本年废止${repealed}件＝${expected}件，` +
          `本年现行有效填的是${inForce}件。文件到期失效或机构调整也会造成差异，请确认。`,
      },
    ];
  });
}

function feeNoticeFindings(report: Report, figures: Figures, previous: Report | undefined): Finding[] {
  const unpaid = figures.value('t3.other.unpaidFees.total');
  const notices = [report.infoFee.noticesIssued, previous?.infoFee.noticesIssued].map((n) => Number(n ?? 0) || 0);
  if (unpaid === null || unpaid === 0 || notices.some((n) => n > 0)) return [];
  return [
    {
      id: 'X-FEE-NOTICES',
      rule: 'X-FEE-NOTICES',
      severity: 'hint',
      location: { table: 'table3', row: 'other.unpaidFees', cells: ['t3.other.unpaidFees.total', 'infoFee.noticesIssued'] },
      message: `表三有${unpaid}件申请因申请人逾期未缴纳费用而不再处理，但第六部分没有报告发出收费通知。请在信息处理费中填写发出收费通知的件数。`,
    },
  ];
}

export function crossYearFindings(report: Report, figures: Figures, previous?: { report: Report; figures: Figures }): Finding[] {
  return [
    ...inForceFindings(figures),
    ...(previous ? carryOverFindings(figures, previous.figures, previous.report.year) : []),
    ...(previous ? stockFindings(figures, previous.figures) : []),
    ...feeNoticeFindings(report, figures, previous?.report),
  ];
}
