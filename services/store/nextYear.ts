import { computeFigures } from '../../shared/figures/figures.ts';
import { crossCellKey, crossTable, formatForYear } from '../../shared/format/index.ts';
import type { Agency, Report } from '../../shared/model/report.ts';
import { blankReport } from '../../shared/model/report.ts';

/**
 * "Start this year's report from last year's", in the format of this year: the agency's
 * details and last year's texts of the sections this format has as a starting point, and
 * the format's carry-over filled, column by column, from last year's effective figures
 * (上年结转 ← 结转下年度). Every other figure starts blank.
 */
export function reportFromPreviousYear(previous: Report, agency: Agency, year: number): Report {
  const format = formatForYear(year);
  const report = blankReport(agency, year, format);
  const sectionKeys = new Set(format.sections.map((s) => s.key));
  const sections = Object.fromEntries(Object.entries(previous.sections).filter(([key]) => sectionKeys.has(key)));

  const figures = computeFigures(previous);
  const carryOver = format.relations.carryOver;
  const lastCarryOver = figures.format.relations.carryOver;
  const values: Record<string, string> = {};
  if (carryOver && lastCarryOver) {
    const table = crossTable(format, carryOver.table);
    const previousTable = crossTable(figures.format, lastCarryOver.table);
    for (const column of table.columns) {
      if (column.isTotal) continue;
      const lastKey = crossCellKey(previousTable, lastCarryOver.fromRow, column.key);
      const carried = figures.cells.has(lastKey) ? figures.value(lastKey) : null;
      if (carried !== null) values[crossCellKey(table, carryOver.toRow, column.key)] = String(carried);
    }
  }
  return { ...report, sections, values };
}
