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

/** The latest format: new reports on recent years are written in it (`formatForYear`). */
export const currentFormat = format2021;

/**
 * The format a report on `year` is written, read and carried over in: the format with the
 * latest first year not after it (the earliest format for years before every format).
 * `known` is the registry; a test passes its own.
 */
export function formatForYear(year: number, known: Readonly<Record<string, ReportFormat>> = formats): ReportFormat {
  const byFirstYear = Object.values(known).sort((a, b) => a.firstYear - b.firstYear);
  return byFirstYear.findLast((f) => f.firstYear <= year) ?? byFirstYear[0]!;
}

export function formatById(id: string): ReportFormat | undefined {
  return Object.hasOwn(formats, id) ? formats[id] : undefined;
}
