import type { CrossTableDef, TableLayout } from '../../../shared/format/index.ts';
import { isLabel, looseNorm } from '../../../shared/text/labels.ts';
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
  /**
   * True when some line prints two or more of the found columns side by side, as a header
   * row does. Headers found only one word a line (mutool, pdfminer) do not say which
   * columns the table prints: those words may be the few not broken over lines.
   */
  readonly sideBySide: boolean;
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

/** Fragments of one header cell printed on successive lines: centred alike, of similar width, together the start of a header. */
const SAME_CENTRE = 0.25;
const SIMILAR_WIDTH = 2;
/** How many lines apart two pieces of one header cell may be printed (other columns' pieces between). */
const MAX_STACK_GAP = 3;

interface Fragment {
  readonly cell: SourceCell;
  readonly line: number;
  readonly table: number | undefined;
}

/**
 * The header's cells. Lines of a table printed without rules carry a narrow column's
 * header broken into pieces (`自然` / `人`); pieces stacked in one column are joined.
 */
function headerCells(lines: readonly IndexedLine[], labels: readonly string[]): { cell: SourceCell; line: number; table?: number }[] {
  const starts = labels.map(looseNorm);
  const startsAHeader = (fragments: readonly Fragment[]): boolean => {
    const text = looseNorm(fragments.map((f) => f.cell.text).join(''));
    return starts.some((s) => s.startsWith(text));
  };
  const cells = lines.flatMap(({ line }, i) => cleanCells(line).map((cell) => ({ cell, line: i, table: line.table })));
  // Real tables (DOCX, PDF, HTML) have whole header cells; text tables print them in pieces.
  if (lines.some(({ line }) => line.table !== undefined && line.layout === undefined)) return cells;
  const stacks: Fragment[][] = [];
  /** Stacks a fragment may still continue (their last piece is a few lines up): keeps the time linear. */
  let open: Fragment[][] = [];
  for (const fragment of cells.filter((c) => extent(c.cell) && c.cell.text !== '')) {
    const { x0, x1 } = extent(fragment.cell)!;
    open = open.filter((s) => s[s.length - 1]!.line >= fragment.line - MAX_STACK_GAP);
    const stack = open.find((s) => {
      const last = s[s.length - 1]!;
      if (last.table !== fragment.table) return false;
      const other = extent(last.cell)!;
      const width = Math.max(x1 - x0, other.x1 - other.x0);
      const ratio = width / Math.max(1e-6, Math.min(x1 - x0, other.x1 - other.x0));
      return (
        last.line < fragment.line &&
        Math.abs((x0 + x1) / 2 - (other.x0 + other.x1) / 2) <= SAME_CENTRE * width &&
        ratio <= SIMILAR_WIDTH &&
        startsAHeader([...s, fragment])
      );
    });
    if (stack) stack.push(fragment);
    else {
      stacks.push([fragment]);
      open.push(stacks[stacks.length - 1]!);
    }
  }
  const joined = stacks
    .filter((s) => s.length > 1)
    .map((s) => ({
      cell: { text: s.map((f) => f.cell.text).join(''), x0: Math.min(...s.map((f) => f.cell.x0!)), x1: Math.max(...s.map((f) => f.cell.x1!)) },
      line: s[s.length - 1]!.line,
      table: s[0]!.table,
    }));
  return [...cells, ...joined];
}

export function findHeader(lines: readonly IndexedLine[], table: CrossTableDef, layout: TableLayout): PrintedHeader {
  const leaves = leavesInReadingOrder(table, layout);
  const leafLabels = [...new Set(leaves.map((l) => l.label))];
  const ancestorLabels = [...new Set(table.columns.flatMap((c) => c.path.slice(0, -1)))];
  const found: FoundLeaf[] = [];
  const ancestors: FoundAncestor[] = [];
  const leavesPerLine = new Map<number, number>();
  for (const { cell, line, table: tableId } of headerCells(lines, [...leafLabels, ...ancestorLabels])) {
    if (cell.continued || classifyCell(cell.text) !== 'label') continue;
    const position = extent(cell);
    const ancestor = ancestorLabels.find((l) => isLabel(cell.text, l));
    if (ancestor && position) ancestors.push({ label: ancestor, ...position });
    for (const label of labelsIn(cell.text, leafLabels)) {
      found.push({ label, cell, ...(tableId === undefined ? {} : { table: tableId }) });
      leavesPerLine.set(line, (leavesPerLine.get(line) ?? 0) + 1);
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
  const sideBySide = [...leavesPerLine.values()].some((n) => n >= 2);
  return { columns, positioned: columns.length > 0 && columns.every((c) => c.x0 !== undefined), sideBySide };
}
