import type { CrossTableDef, TableLayout } from '../../../shared/format/index.ts';
import { isLabel } from '../../../shared/text/labels.ts';
import type { SourceCell } from '../source.ts';
import { classifyCell } from './cells.ts';
import type { IndexedLine } from './context.ts';
import { cleanCells, extent, overlap } from './context.ts';

/**
 * The column headers of a table as printed: which of the format's columns the source
 * shows (a published table may lack one, as seed 004 lacks 其他), and, for real tables,
 * where each column is, so values are placed by header and not by count.
 */

interface Leaf {
  readonly key: string;
  readonly label: string;
  /** Parent headers, outermost first (`行政诉讼`, `复议后起诉`). */
  readonly ancestors: readonly string[];
}

export interface HeaderColumn {
  readonly key: string;
  readonly x0?: number;
  readonly x1?: number;
  /** The physical table the header cell is in (DOCX, PDF). */
  readonly table?: number;
}

export interface PrintedHeader {
  /** The columns found, in the format's column order. */
  readonly columns: readonly HeaderColumn[];
  /** True when every found column has a position. */
  readonly positioned: boolean;
}

/** The table's leaf headers in reading order (row by row, left to right), as printed by the format. */
function leavesInReadingOrder(table: CrossTableDef, layout: TableLayout): Leaf[] {
  return layout.cells
    .filter((c) => c.content.type === 'label' && c.content.role === 'header' && c.row + c.rowSpan === layout.headerRows)
    .map((c) => {
      const column = table.columns[c.col - table.labelColumns]!;
      return { key: column.key, label: column.path[column.path.length - 1]!, ancestors: column.path.slice(0, -1) };
    });
}

interface FoundLeaf {
  readonly label: string;
  readonly cell: SourceCell;
  readonly table?: number;
}

interface FoundAncestor {
  readonly label: string;
  readonly x0: number;
  readonly x1: number;
}

/** Header labels in a cell: the whole cell, or its space-separated parts (`结果维持 结果纠正`). */
function labelsIn(text: string, labels: readonly string[]): string[] {
  const whole = labels.find((l) => isLabel(text, l));
  if (whole) return [whole];
  const parts = text.split(/\s+/).filter(Boolean);
  if (parts.length < 2) return [];
  const matched = parts.map((p) => labels.find((l) => isLabel(p, l)));
  return matched.every((m) => m !== undefined) ? (matched as string[]) : [];
}

/** Whether every ancestor that is printed above the leaf is one of the leaf's ancestors. */
function ancestorsAgree(leaf: Leaf, cell: SourceCell, ancestors: readonly FoundAncestor[]): boolean {
  const position = extent(cell);
  if (!position) return true;
  const above = ancestors.filter((a) => overlap(a, position) > 0.5 && a.x1 - a.x0 > position.x1 - position.x0);
  return above.every((a) => leaf.ancestors.includes(a.label));
}

export function findHeader(lines: readonly IndexedLine[], table: CrossTableDef, layout: TableLayout): PrintedHeader {
  const leaves = leavesInReadingOrder(table, layout);
  const leafLabels = [...new Set(leaves.map((l) => l.label))];
  const ancestorLabels = [...new Set(table.columns.flatMap((c) => c.path.slice(0, -1)))];
  const found: FoundLeaf[] = [];
  const ancestors: FoundAncestor[] = [];
  for (const { line } of lines) {
    for (const cell of cleanCells(line)) {
      if (cell.continued || classifyCell(cell.text) !== 'label') continue;
      const position = extent(cell);
      const ancestor = ancestorLabels.find((l) => isLabel(cell.text, l));
      if (ancestor && position) ancestors.push({ label: ancestor, ...position });
      for (const label of labelsIn(cell.text, leafLabels)) found.push({ label, cell, ...(line.table === undefined ? {} : { table: line.table }) });
    }
  }
  const taken = new Set<string>();
  const columns: HeaderColumn[] = [];
  for (const leaf of found) {
    const candidates = leaves.filter((l) => l.label === leaf.label && !taken.has(l.key));
    const chosen = candidates.find((c) => ancestorsAgree(c, leaf.cell, ancestors)) ?? candidates[0];
    if (!chosen) continue;
    taken.add(chosen.key);
    const position = extent(leaf.cell);
    columns.push({ key: chosen.key, ...(position ?? {}), ...(leaf.table === undefined ? {} : { table: leaf.table }) });
  }
  const order = table.columns.map((c) => c.key);
  columns.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return { columns, positioned: columns.length > 0 && columns.every((c) => c.x0 !== undefined) };
}
