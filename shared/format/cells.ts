import { formatTables, isBlockTable } from './tables.ts';
import type { BlockTableDef, CellDef, CrossTableDef, ReportFormat, TableId } from './types.ts';

/** Cell key of a block-table figure (table 2); blocks with one value column use the row key alone. */
export function blockCellKey(table: Pick<BlockTableDef, 'keyPrefix'>, rowKey: string, columnKey: string): string {
  return [table.keyPrefix, rowKey, columnKey].filter(Boolean).join('.');
}

/** Cell key of a cross-table figure; the single unlabelled row of a table (table 4) is left out. */
export function crossCellKey(table: CrossTableDef, rowKey: string, columnKey: string): string {
  const unlabelled = table.rows.find((r) => r.key === rowKey)?.path.length === 0;
  return [table.keyPrefix, unlabelled ? '' : rowKey, columnKey].filter(Boolean).join('.');
}

function hasPrefix(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((label, i) => path[i] === label);
}

/** The non-total columns that a total column adds up (those under the same parent header). */
export function columnsSummedBy(table: CrossTableDef, totalKey: string): string[] {
  const total = table.columns.find((c) => c.key === totalKey);
  if (!total?.isTotal) return [];
  const parent = total.path.slice(0, -1);
  return table.columns.filter((c) => !c.isTotal && hasPrefix(c.path, parent)).map((c) => c.key);
}

/** Each column's name in messages: its label when no other column has it, else its header path. */
function columnNames(paths: readonly (readonly string[])[]): string[] {
  const leaves = paths.map((p) => p[p.length - 1] ?? '');
  return paths.map((p, i) => (leaves.indexOf(leaves[i]!) === leaves.lastIndexOf(leaves[i]!) ? leaves[i]! : p.join('—')));
}

function crossTableCells(table: CrossTableDef): CellDef[] {
  const cells: CellDef[] = [];
  const names = columnNames(table.columns.map((c) => c.path));
  for (const row of table.rows) {
    for (const [j, column] of table.columns.entries()) {
      const key = crossCellKey(table, row.key, column.key);
      let sumOf: string[] | undefined;
      if (column.isTotal) {
        sumOf = columnsSummedBy(table, column.key).map((c) => crossCellKey(table, row.key, c));
      } else if (row.sumOfRows) {
        sumOf = row.sumOfRows.map((r) => crossCellKey(table, r, column.key));
      }
      cells.push({
        key,
        table: table.id,
        kind: 'count',
        unit: '件',
        rowKey: row.key,
        columnKey: column.key,
        rowLabel: row.path[row.path.length - 1] ?? '',
        columnLabel: column.path[column.path.length - 1] ?? '',
        columnGroup: column.path.slice(0, -1).join('—'),
        columnName: names[j]!,
        tableName: table.shortName,
        ...(sumOf ? { sumOf } : {}),
      });
    }
  }
  return cells;
}

function blockTableCells(table: BlockTableDef): CellDef[] {
  return table.blocks.flatMap((block) =>
    block.rows.flatMap((row) =>
      block.columns.map(
        (column): CellDef => ({
          key: blockCellKey(table, row.key, column.key),
          table: table.id,
          kind: row.kind,
          unit: row.kind === 'money' ? '万元' : '件',
          rowKey: row.key,
          columnKey: column.key,
          rowLabel: row.label,
          columnLabel: column.label,
          columnGroup: '',
          columnName: column.label,
          tableName: table.shortName,
        }),
      ),
    ),
  );
}

/** Every data cell of a format, in reading order (table by table, row by row). */
export function listCells(format: ReportFormat): CellDef[] {
  return formatTables(format).flatMap((table) => (isBlockTable(table) ? blockTableCells(table) : crossTableCells(table)));
}

/** The cell whose column header is printed in the wording the agency chooses (`feeColumn`), if the format has one. */
export function feeCell(format: ReportFormat): CellDef | undefined {
  return format.feeColumn && cellIndex(format).byKey.get(format.feeColumn.cell);
}

export interface CellIndex {
  readonly all: readonly CellDef[];
  readonly byKey: ReadonlyMap<string, CellDef>;
  /** Cells the user types (not derived). */
  readonly inputs: readonly CellDef[];
  /** Derived cells, in an order where every operand comes before its total. */
  readonly totals: readonly CellDef[];
  readonly byTable: Readonly<Record<TableId, readonly CellDef[]>>;
}

const indexCache = new WeakMap<ReportFormat, CellIndex>();

/** The format's cells, indexed once per format. */
export function cellIndex(format: ReportFormat): CellIndex {
  const cached = indexCache.get(format);
  if (cached) return cached;
  const all = listCells(format);
  const byKey = new Map(all.map((c) => [c.key, c]));
  const totals: CellDef[] = [];
  const placed = new Set<string>();
  const place = (cell: CellDef): void => {
    if (placed.has(cell.key) || !cell.sumOf) return;
    for (const operand of cell.sumOf) place(byKey.get(operand)!);
    placed.add(cell.key);
    totals.push(cell);
  };
  all.forEach(place);
  const index: CellIndex = {
    all,
    byKey,
    inputs: all.filter((c) => !c.sumOf),
    totals,
    byTable: Object.fromEntries(formatTables(format).map((t) => [t.id, all.filter((c) => c.table === t.id)])),
  };
  indexCache.set(format, index);
  return index;
}
