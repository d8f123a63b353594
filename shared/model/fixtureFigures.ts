import { cellIndex, feeCell, formatTables, isBlockTable, tableById } from '../format/index.ts';
import type { CellDef, ReportFormat } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import { reportFormat } from './report.ts';
import type { Report } from './report.ts';

/**
 * Figures in the stable-key shape of the fixture schema (`table2`/`table3`/`table4`),
 * so reports can be compared with hand-read fixtures and analysed outside the app.
 * `null` is a blank (or unreadable) cell.
 */
export interface FixtureFigures {
  table2: {
    regulations: { issued: number | null; repealed: number | null; inForce: number | null };
    normativeDocuments: { issued: number | null; repealed: number | null; inForce: number | null };
    licensing: number | null;
    punishment: number | null;
    coercion: number | null;
    fees: number | null;
    feesUnitNote?: string;
  };
  table3: { columns: string[]; rows: Record<string, (number | null)[]> };
  table4: Record<string, Record<string, number | null>>;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function getPath(source: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], source);
}

/** Where a cell sits in the fixture shape: `table2.regulations.issued`, `table3.rows.granted[0]`. */
function fixturePath(format: ReportFormat, cell: CellDef): { path: string[]; index?: number } {
  const table = tableById(format, cell.table);
  if (isBlockTable(table)) return { path: [table.id, cell.rowKey, ...(cell.columnKey ? [cell.columnKey] : [])] };
  if (cell.rowLabel === '') return { path: [table.id, ...cell.columnKey.split('.')] };
  return { path: [table.id, 'rows', cell.rowKey], index: table.columns.findIndex((c) => c.key === cell.columnKey) };
}

/** The report's effective figures (typed, stated or derived) in fixture shape. */
export function toFixtureFigures(figures: Figures, feesUnitNote?: string): FixtureFigures {
  const out: Record<string, unknown> = Object.fromEntries(
    formatTables(figures.format).flatMap((t) => (isBlockTable(t) || t.labelColumns === 0 ? [] : [[t.id, { columns: t.columns.map((c) => c.key), rows: {} }]])),
  );
  for (const figure of figures.cells.values()) {
    const { path, index } = fixturePath(figures.format, figure.cell);
    if (index === undefined) {
      setPath(out, path, figure.value);
    } else {
      const row = (getPath(out, path) as (number | null)[] | undefined) ?? [];
      row[index] = figure.value;
      setPath(out, path, row);
    }
  }
  const feeTable = feeCell(figures.format)?.table;
  if (feesUnitNote !== undefined && feeTable) setPath(out, [feeTable, 'feesUnitNote'], feesUnitNote);
  return out as unknown as FixtureFigures;
}

/**
 * Puts fixture-shaped figures into a report: typed cells into `values`, totals into
 * `statedTotals` (kept beside the derived ones). Nulls stay blank.
 */
export function applyFixtureFigures(report: Report, figures: FixtureFigures): Report {
  const format = reportFormat(report);
  const values: Record<string, string> = {};
  const statedTotals: Record<string, string | null> = {};
  for (const cell of cellIndex(format).all) {
    const { path, index: i } = fixturePath(format, cell);
    const found = getPath(figures, path);
    const value = i === undefined ? found : (found as unknown[] | undefined)?.[i];
    const text = typeof value === 'number' ? String(value) : null;
    if (cell.sumOf) statedTotals[cell.key] = text;
    else if (text !== null) values[cell.key] = text;
  }
  return { ...report, values, statedTotals };
}
