import type { TableLayout } from '../../shared/format/index.ts';

/**
 * How wide a table may get on screen before it scrolls instead, from the format's own
 * data: the grid keeps the printed columns' proportions (`columnWidthsMm`), and below
 * this width a figure column would be too narrow for a figure, or a label would wrap
 * into more lines than two or the rows it spans. Any format's tables get sensible widths
 * this way (the 2021 tables: 640, 912 and 751 px).
 */

/** A figure of five or six digits with the input's padding, at the grid's font. */
const FIGURE_MIN_PX = 50;
/** The grid's label font (13px), one CJK character wide. */
const LABEL_CHAR_PX = 13;
/** A label cell's padding and border. */
const LABEL_PADDING_PX = 10;
/** Lines a label may take beyond the rows it spans. */
const LABEL_MIN_LINES = 2;
/** No table is squeezed below this, however few its columns. */
const TABLE_MIN_PX = 640;
/** Figure columns printed narrower than this are dense on screen too (smaller label font). */
const DENSE_BELOW_MM = 11;

const minWidths = new WeakMap<TableLayout, number>();

/** The narrowest the table is shown: every cell gets at least what it needs at the printed proportions. */
export function minTableWidthPx(layout: TableLayout): number {
  const cached = minWidths.get(layout);
  if (cached !== undefined) return cached;
  const totalMm = layout.columnWidthsMm.reduce((a, b) => a + b, 0);
  let width = TABLE_MIN_PX;
  for (const cell of layout.cells) {
    const spannedMm = layout.columnWidthsMm.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
    const { content } = cell;
    const needPx =
      content.type === 'data'
        ? FIGURE_MIN_PX
        : Math.ceil([...content.text].length / Math.max(LABEL_MIN_LINES, cell.rowSpan)) * LABEL_CHAR_PX + LABEL_PADDING_PX;
    if (spannedMm > 0) width = Math.max(width, Math.ceil((needPx * totalMm) / spannedMm));
  }
  minWidths.set(layout, width);
  return width;
}

/** Whether the table's figure columns are so narrow in print that its labels are set smaller on screen. */
export function isDenseTable(layout: TableLayout): boolean {
  return layout.cells.some((c) => c.content.type === 'data' && c.colSpan === 1 && layout.columnWidthsMm[c.col]! < DENSE_BELOW_MM);
}
