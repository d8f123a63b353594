import { checkReport } from '../checks/index.ts';
import type { CheckResult } from '../checks/index.ts';
import { computeFigures } from '../figures/figures.ts';
import type { Figures } from '../figures/figures.ts';
import { cellIndex } from '../format/index.ts';
import type { CellDef, ReportFormat } from '../format/index.ts';
import { blankAgency, blankReport, reportFormat } from '../model/report.ts';
import type { Agency, Report } from '../model/report.ts';

/**
 * The 汇总: every cell of the format's tables summed over the units. A cell where some
 * units are blank (or hold something that is not a figure) has the sum of the known
 * figures and names the units missing — never a silent 0. Money (万元, up to four
 * decimals) is added in units of 0.0001 so the sum is exact.
 */

/** One unit's report in the sum. */
export interface Summand {
  readonly unitId: number;
  readonly unitName: string;
  readonly report: Report;
  /** The report's figures when already computed (the review has them). */
  readonly figures?: Figures;
}

export interface CellSum {
  readonly key: string;
  /** The sum of the units' known figures; null when no unit has one (or it is too large to be exact). */
  readonly total: number | null;
  /** Every unit has a figure in the cell. */
  readonly complete: boolean;
  /** Units with no figure in the cell (blank, or not a figure), by name, in unit order. */
  readonly blankUnits: readonly string[];
  /** Each unit's figure, in the order of `WorkspaceSum.units` (null: none). */
  readonly values: readonly (number | null)[];
}

export interface WorkspaceSum {
  readonly formatId: string;
  readonly units: readonly { readonly unitId: number; readonly unitName: string }[];
  /** Every cell of the format (totals included), in format order. */
  readonly cells: readonly CellSum[];
}

/** Each unit's figure in one cell, for 「各单位数据」. */
export function contributions(sum: WorkspaceSum, cell: CellSum): { unitId: number; unitName: string; value: number | null }[] {
  return sum.units.map((unit, i) => ({ ...unit, value: cell.values[i] ?? null }));
}

function scaleOf(cell: CellDef): number {
  return cell.kind === 'money' ? 10_000 : 1;
}

/** Sums the units' reports, cell by cell, in `format` (the workspace's year's): all reports must be in it. */
export function sumReports(summands: readonly Summand[], format: ReportFormat): WorkspaceSum {
  const figures = summands.map((s) => s.figures ?? computeFigures(s.report));
  figures.forEach((f, i) => {
    if (f.format.id !== format.id) {
      throw new Error(`“${summands[i]!.unitName}”的报告是按${f.format.name}（${f.format.basis}）填写的，本年度的汇总按${format.name}（${format.basis}），无法相加。请该单位按本年度的格式重新报送。`);
    }
  });
  const all = cellIndex(format).all;
  const position = new Map(all.map((cell, i) => [cell.key, i]));
  // Each unit's figures once, in the format's cell order (a Map lookup per cell and unit costs more than the adding).
  const table = figures.map((f) => {
    const row: (number | null)[] = new Array<number | null>(all.length).fill(null);
    for (const [key, figure] of f.cells) row[position.get(key)!] = figure.value;
    return row;
  });
  const cells = all.map((cell, c): CellSum => {
    const scale = scaleOf(cell);
    let scaled = 0;
    let known = 0;
    const blankUnits: string[] = [];
    const values = table.map((row, u) => {
      const value = row[c]!;
      if (value === null) blankUnits.push(summands[u]!.unitName);
      else {
        scaled += scale === 1 ? value : Math.round(value * scale);
        known++;
      }
      return value;
    });
    const total = known > 0 && Number.isSafeInteger(scaled) ? scaled / scale : null;
    return { key: cell.key, total, complete: blankUnits.length === 0 && summands.length > 0, blankUnits, values };
  });
  return { formatId: format.id, units: summands.map(({ unitId, unitName }) => ({ unitId, unitName })), cells };
}

/**
 * The sum as a report of the superior agency, to start its own report from: a typed cell
 * gets the sum only where every unit has a figure; a cell some units left blank stays
 * blank, so the checks and the clerk see it (the sum table names the units). Totals are derived.
 */
export function summedReport(sum: WorkspaceSum, agency: Agency | string, year: number): Report {
  const format = cellIndex(reportFormat({ formatId: sum.formatId }));
  const byKey = new Map(sum.cells.map((c) => [c.key, c]));
  const values: Record<string, string> = {};
  for (const cell of format.inputs) {
    const summed = byKey.get(cell.key);
    if (summed?.complete && summed.total !== null) values[cell.key] = String(summed.total);
  }
  const base = blankReport(typeof agency === 'string' ? blankAgency(agency) : agency, year, reportFormat({ formatId: sum.formatId }));
  return { ...base, values };
}

/** The 勾稽 rules run on the summed report. */
export function checkSum(sum: WorkspaceSum, agency: Agency | string, year: number): CheckResult {
  return checkReport(summedReport(sum, agency, year));
}

/** 本级报告 = Σ 下级, for one cell. */
export type OwnReportComparison =
  | { readonly key: string; readonly status: 'equal'; readonly own: number; readonly sum: number }
  /** `difference` = own − sum. */
  | { readonly key: string; readonly status: 'different'; readonly own: number; readonly sum: number; readonly difference: number }
  /** Some units are blank in the cell: the sum is not the area's total, no verdict. */
  | { readonly key: string; readonly status: 'incomplete'; readonly own: number | null; readonly sum: number | null }
  | { readonly key: string; readonly status: 'ownBlank'; readonly own: null; readonly sum: number | null };

/** Compares the superior agency's own report with the sum, cell by cell. */
export function compareOwnReport(own: Report, sum: WorkspaceSum): OwnReportComparison[] {
  const figures = computeFigures(own);
  const cells = cellIndex(figures.format).byKey;
  return sum.cells.map((summed): OwnReportComparison => {
    const { key } = summed;
    const value = figures.cells.has(key) ? figures.value(key) : null;
    if (value === null) return { key, status: 'ownBlank', own: null, sum: summed.total };
    if (!summed.complete || summed.total === null) return { key, status: 'incomplete', own: value, sum: summed.total };
    const scale = scaleOf(cells.get(key)!);
    const difference = (Math.round(value * scale) - Math.round(summed.total * scale)) / scale;
    return difference === 0
      ? { key, status: 'equal', own: value, sum: summed.total }
      : { key, status: 'different', own: value, sum: summed.total, difference };
  });
}
