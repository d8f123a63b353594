import type { CellDef } from './types.ts';

/**
 * How messages name a cell, everywhere:
 * - `full`: anywhere in the report, `表三「（一）予以公开」「科研机构」`, `表四「行政复议—结果维持」`;
 * - `inColumn`: beside other cells of its column, its row label (or, in a table without
 *   row labels, its column name);
 * - `inRow`: beside other cells of its row, its column name;
 * - `header`: the column's whole printed header, `申请人情况—法人或其他组织—其他`.
 */
export type CellNaming = 'full' | 'inColumn' | 'inRow' | 'header';

export function cellName(cell: CellDef, naming: CellNaming = 'full'): string {
  switch (naming) {
    case 'full':
      return `${cell.tableName}${cell.rowLabel ? `「${cell.rowLabel}」` : ''}「${cell.columnName}」`;
    case 'inColumn':
      return cell.rowLabel || cell.columnName;
    case 'inRow':
      return cell.columnName;
    case 'header':
      return [cell.columnGroup, cell.columnLabel].filter(Boolean).join('—');
  }
}
