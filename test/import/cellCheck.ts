import type { CellReading, ImportResult } from '../../services/import/index.ts';
import type { Report } from '../../shared/model/report.ts';

/**
 * Each cell an import read, against the hand-read report: `wrong` cells hold a figure
 * other than the report's (the one outcome never allowed), `notRead` cells hold none
 * where the report has one (allowed only as `unplaced`, shown to the clerk).
 */
export interface CellCheck {
  readonly wrong: readonly string[];
  readonly notRead: readonly CellReading[];
}

function expected(report: Report, cell: CellReading): number | null {
  const text = cell.isTotal ? report.statedTotals[cell.key] : report.values[cell.key];
  return text === undefined || text === null ? null : Number(text);
}

export function checkCells(result: ImportResult, report: Report): CellCheck {
  const wrong: string[] = [];
  const notRead: CellReading[] = [];
  for (const cell of result.cells) {
    const want = expected(report, cell);
    if (cell.value !== null && Number(cell.value) !== want) wrong.push(`${cell.key}: ${cell.value}, not ${want} (line ${cell.line})`);
    if (cell.value === null && want !== null) notRead.push(cell);
  }
  return { wrong, notRead };
}
