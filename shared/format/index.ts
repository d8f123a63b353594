import { format2021 } from './format2021.ts';
import type { ReportFormat } from './types.ts';

export type * from './types.ts';
export type { Format2021TableId, Format2021Tables } from './format2021.ts';
export { blockCellKey, cellIndex, columnsSummedBy, crossCellKey, feeCell } from './cells.ts';
export type { CellIndex } from './cells.ts';
export { cellName } from './cellName.ts';
export type { CellNaming } from './cellName.ts';
export { tableLayouts } from './layout.ts';
export { blockTable, crossTable, formatTables, isBlockTable, tableById } from './tables.ts';
export { infoFeeSection, sectionNumber, sectionOrdinal, sectionWithRole } from './sections.ts';

/** Every format the app knows, by id; a later revision of the official format sits beside 2021. */
export const formats: Readonly<Record<string, ReportFormat>> = { [format2021.id]: format2021 };

/** The format new reports are written in. */
export const currentFormat = format2021;

export function formatById(id: string): ReportFormat | undefined {
  return Object.hasOwn(formats, id) ? formats[id] : undefined;
}
