import type { BlockTableDef, CrossTableDef, ReportFormat, TableDef, TableId } from './types.ts';

/** A stack of captioned blocks (table 2), as opposed to rows × columns. */
export function isBlockTable(table: TableDef): table is BlockTableDef {
  return 'blocks' in table;
}

/** The format's tables in printed order. */
export function formatTables(format: ReportFormat): TableDef[] {
  return Object.values(format.tables);
}

/** A table the caller knows the format has (a section's table, a relation's table). */
export function tableById(format: ReportFormat, id: TableId): TableDef {
  const table = format.tables[id];
  if (!table) throw new Error(`格式 ${format.id} 没有表格 ${id}`);
  return table;
}

export function crossTable(format: ReportFormat, id: TableId): CrossTableDef {
  const table = tableById(format, id);
  if (isBlockTable(table)) throw new Error(`格式 ${format.id} 的表格 ${id} 不是行列表`);
  return table;
}

export function blockTable(format: ReportFormat, id: TableId): BlockTableDef {
  const table = tableById(format, id);
  if (!isBlockTable(table)) throw new Error(`格式 ${format.id} 的表格 ${id} 不是分块表`);
  return table;
}
