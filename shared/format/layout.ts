import { formatTables, isBlockTable } from './tables.ts';
import { blockCellKey, crossCellKey } from './cells.ts';
import type {
  BlockTableDef,
  CrossTableDef,
  FeeUnitWording,
  FormatTables,
  GridCell,
  LabelPath,
  ReportFormat,
  TableId,
  TableLayout,
} from './types.ts';

/**
 * The printed grids (rows, columns, merges) derived from the format's label trees.
 * DOCX, the print layout, the editing grid and the importer all read these.
 */

interface Span {
  readonly start: number;
  readonly length: number;
  readonly text: string;
  readonly isLeaf: boolean;
}

/**
 * Spans at one depth of a list of label paths: a leaf is its own span; an inner node
 * covers the consecutive paths that share it.
 */
function spansAtDepth(paths: readonly LabelPath[], depth: number): Span[] {
  const spans: Span[] = [];
  paths.forEach((path, index) => {
    if (path.length <= depth) return;
    const isLeaf = path.length === depth + 1;
    const last = spans[spans.length - 1];
    const continues =
      !isLeaf &&
      last !== undefined &&
      !last.isLeaf &&
      last.start + last.length === index &&
      paths[last.start]!.slice(0, depth + 1).every((label, i) => path[i] === label);
    if (continues) {
      spans[spans.length - 1] = { ...last, length: last.length + 1 };
    } else {
      spans.push({ start: index, length: 1, text: path[depth]!, isLeaf });
    }
  });
  return spans;
}

function crossTableLayout(table: CrossTableDef, widths: readonly number[]): TableLayout {
  const cells: GridCell[] = [];
  const { headerRows, labelColumns } = table;
  if (table.corner !== undefined) {
    cells.push({
      row: 0,
      col: 0,
      rowSpan: headerRows,
      colSpan: labelColumns,
      content: { type: 'label', text: table.corner, role: 'note' },
    });
  }
  const columnPaths = table.columns.map((c) => c.path);
  for (let depth = 0; depth < headerRows; depth++) {
    for (const span of spansAtDepth(columnPaths, depth)) {
      cells.push({
        row: depth,
        col: labelColumns + span.start,
        rowSpan: span.isLeaf ? headerRows - depth : 1,
        colSpan: span.length,
        content: { type: 'label', text: span.text, role: 'header' },
      });
    }
  }
  const rowPaths = table.rows.map((r) => r.path);
  for (let depth = 0; depth < labelColumns; depth++) {
    for (const span of spansAtDepth(rowPaths, depth)) {
      cells.push({
        row: headerRows + span.start,
        col: depth,
        rowSpan: span.length,
        colSpan: span.isLeaf ? labelColumns - depth : 1,
        content: { type: 'label', text: span.text, role: 'rowLabel' },
      });
    }
  }
  table.rows.forEach((row, i) => {
    table.columns.forEach((column, j) => {
      cells.push({
        row: headerRows + i,
        col: labelColumns + j,
        rowSpan: 1,
        colSpan: 1,
        content: { type: 'data', key: crossCellKey(table, row.key, column.key) },
      });
    });
  });
  return {
    id: table.id,
    rowCount: headerRows + table.rows.length,
    columnCount: labelColumns + table.columns.length,
    headerRows,
    columnWidthsMm: widths,
    cells: sortCells(cells),
  };
}

/** `fee`: the fee column's cell and the header it prints in the chosen wording. */
function blockTableLayout(table: BlockTableDef, widths: readonly number[], fee: { cell: string; header: string } | undefined): TableLayout {
  const cells: GridCell[] = [];
  const valueColumns = table.columnCount - 1;
  let row = 0;
  const label = (text: string, role: 'caption' | 'header' | 'rowLabel', col: number, colSpan: number): void => {
    cells.push({ row, col, rowSpan: 1, colSpan, content: { type: 'label', text, role } });
  };
  for (const block of table.blocks) {
    label(block.caption, 'caption', 0, table.columnCount);
    row++;
    const span = valueColumns / block.columns.length;
    label(block.labelHeader, 'header', 0, 1);
    block.columns.forEach((column, j) => {
      const isFee = fee !== undefined && block.rows.some((r) => blockCellKey(table, r.key, column.key) === fee.cell);
      label(isFee ? fee.header : column.label, 'header', 1 + j * span, span);
    });
    row++;
    for (const dataRow of block.rows) {
      label(dataRow.label, 'rowLabel', 0, 1);
      block.columns.forEach((column, j) => {
        cells.push({
          row,
          col: 1 + j * span,
          rowSpan: 1,
          colSpan: span,
          content: { type: 'data', key: blockCellKey(table, dataRow.key, column.key) },
        });
      });
      row++;
    }
  }
  // Table 2 is a stack of captioned blocks; only its first caption and header row lead the table.
  return { id: table.id, rowCount: row, columnCount: table.columnCount, headerRows: 0, columnWidthsMm: widths, cells };
}

function sortCells(cells: GridCell[]): GridCell[] {
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

export interface LayoutOptions {
  readonly feeWording?: FeeUnitWording;
}

const layoutCache = new WeakMap<ReportFormat, Map<FeeUnitWording, Readonly<Record<TableId, TableLayout>>>>();

/** The printed tables of a format, by table id. */
export function tableLayouts<Tables extends FormatTables>(
  format: ReportFormat<Tables>,
  options: LayoutOptions = {},
): Readonly<Record<keyof Tables & TableId, TableLayout>> {
  const wording = options.feeWording ?? 'official';
  let byWording = layoutCache.get(format);
  if (!byWording) {
    byWording = new Map();
    layoutCache.set(format, byWording);
  }
  const cached = byWording.get(wording);
  if (cached) return cached as Record<keyof Tables & TableId, TableLayout>;
  const layouts = Object.fromEntries(
    formatTables(format).map((table) => {
      const widths = format.columnWidthsMm[table.id] ?? [];
      const fee = format.feeColumn && { cell: format.feeColumn.cell, header: format.feeColumn.header[wording] };
      return [table.id, isBlockTable(table) ? blockTableLayout(table, widths, fee) : crossTableLayout(table, widths)];
    }),
  );
  byWording.set(wording, layouts);
  return layouts as Record<keyof Tables & TableId, TableLayout>;
}
