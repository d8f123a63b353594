import type { ReactNode } from 'react';
import { tableById, tableLayouts } from '../../shared/format/index.ts';
import type { ReportFormat, TableLayout } from '../../shared/format/index.ts';

/** One tab per table of the format, named by its short name, showing `grid` of its layout. */
export function tableTabs(format: ReportFormat, grid: (layout: TableLayout) => ReactNode) {
  const layouts = tableLayouts(format);
  return format.sections
    .filter((section) => section.table)
    .map((section) => ({
      key: section.key,
      label: tableById(format, section.table!).shortName,
      children: grid(layouts[section.table!]!),
    }));
}
