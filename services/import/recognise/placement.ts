import type { SourceCell } from '../source.ts';
import type { PrintedHeader } from './header.ts';
import { extent, overlap } from './context.ts';

/**
 * Which printed cell holds which column of a row. By position when the row and its
 * header carry positions; otherwise by count, and only where the count leaves no doubt:
 * a full row (leading empty cells are merged-label continuations), or exactly as many
 * cells as the header has columns when the header lacks some (README, Import: values placed
 * under the printed header).
 */

export type Placement =
  | {
      readonly kind: 'placed';
      /** Column key → the cell printed under it; columns absent from the map are not printed. */
      readonly cells: ReadonlyMap<string, SourceCell>;
      /** Columns the printed header lacks. */
      readonly missing: readonly string[];
      /** How the columns were assigned, when not by a full row (Chinese, for the reader). */
      readonly note?: string;
      /** Printed cells that fall under no column. */
      readonly stray: readonly SourceCell[];
    }
  | { readonly kind: 'unplaced'; readonly reason: string };

const MIN_OVERLAP = 0.5;

/** Places cells by their horizontal position under the header's columns. */
export function placeByPosition(area: readonly SourceCell[], header: PrintedHeader, columns: readonly string[]): Placement {
  const cells = new Map<string, SourceCell>();
  const stray: SourceCell[] = [];
  for (const cell of area) {
    const position = extent(cell)!;
    let best: { key: string; share: number } | undefined;
    for (const column of header.columns) {
      const share = overlap(position, { x0: column.x0!, x1: column.x1! });
      if (share >= MIN_OVERLAP && (!best || share > best.share)) best = { key: column.key, share };
    }
    if (!best || cells.has(best.key)) {
      if (cell.text !== '') stray.push(cell);
      continue;
    }
    cells.set(best.key, cell);
  }
  const printed = new Set(header.columns.map((c) => c.key));
  return { kind: 'placed', cells, missing: columns.filter((k) => !printed.has(k)), stray };
}

function trimTrailingEmpty(area: readonly SourceCell[]): SourceCell[] {
  let end = area.length;
  while (end > 0 && area[end - 1]!.text === '') end--;
  return area.slice(0, end);
}

/**
 * Places the cells of a row by count. Text loses trailing empty cells and their
 * position, so they are dropped; `exact` cells (a real table's) are all kept.
 */
export function placeByCount(
  area: readonly SourceCell[],
  header: PrintedHeader,
  columns: readonly string[],
  options: { readonly exact?: boolean } = {},
): Placement {
  const cells = options.exact ? [...area] : trimTrailingEmpty(area);
  const n = columns.length;
  if (cells.length >= n) {
    const extra = cells.slice(0, cells.length - n);
    if (extra.some((c) => c.text !== '')) {
      return { kind: 'unplaced', reason: `该行印有${cells.length}格内容，多于表格的${n}列，无法确定各数所属的列` };
    }
    const row = cells.slice(cells.length - n);
    return { kind: 'placed', cells: new Map(columns.map((key, i) => [key, row[i]!])), missing: [], stray: [] };
  }
  if (cells.length === 0) return { kind: 'placed', cells: new Map(columns.map((key) => [key, { text: '' }])), missing: [], stray: [] };
  const printed = header.columns.map((c) => c.key);
  if (printed.length === cells.length && header.sideBySide) {
    const missing = columns.filter((k) => !printed.includes(k));
    return {
      kind: 'placed',
      cells: new Map(printed.map((key, i) => [key, cells[i]!])),
      missing,
      note: `该行印有${cells.length}格，与表头的${printed.length}列一致，按表头对应`,
      stray: [],
    };
  }
  return {
    kind: 'unplaced',
    reason: `该行只印有${cells.length}格内容（表格有${n}列${printed.length && printed.length < n ? `，表头有${printed.length}列` : ''}），无法确定各数所属的列`,
  };
}

/** How far (in characters) a figure may stand from its header's centre in text aligned by spaces. */
export const MAX_ALIGNED_OFFSET = 3;
/** How much nearer a figure must be to its header than to the next one for the column to be certain. */
const MIN_ALIGNED_MARGIN = 1.5;

function centre(extent: { x0: number; x1: number }): number {
  return (extent.x0 + extent.x1) / 2;
}

/**
 * Places the words of a row of text aligned by spaces (`pdftotext -layout`) under the
 * header's columns. Positions there are approximate (characters of any width take one
 * column), so a figure goes to the column whose header centre is nearest only when that
 * one is clearly nearer than any other; a full row is placed by count. Anything less
 * certain leaves the whole row unplaced: a figure in a neighbour's column is worse
 * than none.
 */
export function placeByAlignment(area: readonly SourceCell[], header: PrintedHeader, columns: readonly string[]): Placement {
  const printed = area.filter((c) => c.text !== '');
  if (printed.length === columns.length) return placeByCount(printed, header, columns);
  const cells = new Map<string, SourceCell>();
  for (const cell of printed) {
    const at = centre(extent(cell)!);
    const ranked = header.columns
      .map((column) => ({ key: column.key, distance: Math.abs(centre({ x0: column.x0!, x1: column.x1! }) - at) }))
      .sort((a, b) => a.distance - b.distance);
    const [nearest, second] = ranked;
    if (!nearest || nearest.distance > MAX_ALIGNED_OFFSET) {
      return { kind: 'unplaced', reason: `该行的“${cell.text}”不在任何一列的表头之下，无法确定各数所属的列` };
    }
    if (second && second.distance - nearest.distance < MIN_ALIGNED_MARGIN) {
      return { kind: 'unplaced', reason: `该行的“${cell.text}”位于两列表头之间，无法确定各数所属的列` };
    }
    if (cells.has(nearest.key)) return { kind: 'unplaced', reason: `该行有两个数落在同一列的表头之下，无法确定各数所属的列` };
    cells.set(nearest.key, cell);
  }
  const shown = new Set(header.columns.map((c) => c.key));
  return { kind: 'placed', cells, missing: columns.filter((k) => !shown.has(k)), note: '按文字对齐位置对应表头', stray: [] };
}
