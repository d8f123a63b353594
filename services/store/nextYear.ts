import { computeFigures } from '../../shared/figures/figures.ts';
import { crossCellKey, currentFormat } from '../../shared/format/index.ts';
import type { Agency, Report } from '../../shared/model/report.ts';
import { blankReport } from '../../shared/model/report.ts';

/**
 * "Start this year's report from last year's": the agency's details and last year's
 * section texts as a starting point, and 上年结转 filled, column by column, with last
 * year's effective 结转下年度 figures. Every other figure starts blank.
 */
export function reportFromPreviousYear(previous: Report, agency: Agency, year: number): Report {
  const report = blankReport(agency, year, currentFormat);
  const sectionKeys = new Set(currentFormat.sections.map((s) => s.key));
  const sections = Object.fromEntries(Object.entries(previous.sections).filter(([key]) => sectionKeys.has(key)));

  const figures = computeFigures(previous);
  const table = currentFormat.tables.table3;
  const previousTable = figures.format.tables.table3;
  const values: Record<string, string> = {};
  for (const column of table.columns) {
    if (column.isTotal) continue;
    const lastKey = crossCellKey(previousTable, 'carriedForward', column.key);
    const carried = figures.cells.has(lastKey) ? figures.value(lastKey) : null;
    if (carried !== null) values[crossCellKey(table, 'carriedOver', column.key)] = String(carried);
  }
  return { ...report, sections, values };
}
