import type { CellIndex, TableLayout } from '../../shared/format/index.ts';

/**
 * The editing grid's geometry, derived from a printed table layout: where each data cell
 * sits, how the keyboard moves between them and where a pasted block lands. Totals keep
 * their place (arrows stop on them, pasted values skip them) so the grid moves exactly
 * like the printed table and like the block copied from Excel/WPS.
 */

export interface GridSlot {
  readonly key: string;
  readonly row: number;
  readonly col: number;
  readonly colSpan: number;
  /** Derived (总计): shown, focusable, never typed. */
  readonly derived: boolean;
}

export interface GridModel {
  /** Rows holding data cells, top to bottom, each with its cells left to right. */
  readonly rows: readonly (readonly GridSlot[])[];
  readonly byKey: ReadonlyMap<string, GridSlot>;
  /** Typed cells in reading order (Tab order). */
  readonly editable: readonly GridSlot[];
}

export type Move = 'left' | 'right' | 'up' | 'down' | 'next' | 'previous' | 'nextDown' | 'previousUp';

const modelCache = new WeakMap<TableLayout, GridModel>();

export function gridModel(layout: TableLayout, cells: CellIndex): GridModel {
  const cached = modelCache.get(layout);
  if (cached) return cached;
  const byRow = new Map<number, GridSlot[]>();
  for (const cell of layout.cells) {
    if (cell.content.type !== 'data') continue;
    const slot: GridSlot = {
      key: cell.content.key,
      row: cell.row,
      col: cell.col,
      colSpan: cell.colSpan,
      derived: cells.byKey.get(cell.content.key)?.sumOf !== undefined,
    };
    byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), slot]);
  }
  const rows = [...byRow.entries()].sort(([a], [b]) => a - b).map(([, slots]) => slots.sort((a, b) => a.col - b.col));
  const all = rows.flat();
  const model: GridModel = { rows, byKey: new Map(all.map((s) => [s.key, s])), editable: all.filter((s) => !s.derived) };
  modelCache.set(layout, model);
  return model;
}

function covers(slot: GridSlot, col: number): boolean {
  return slot.col <= col && col < slot.col + slot.colSpan;
}

/** The cell of `row` under column `col`, or the nearest one when none covers it. */
function slotUnder(row: readonly GridSlot[], col: number): GridSlot {
  return row.find((s) => covers(s, col)) ?? row.reduce((best, s) => (Math.abs(s.col - col) < Math.abs(best.col - col) ? s : best));
}

function rowIndexOf(model: GridModel, slot: GridSlot): number {
  return model.rows.findIndex((r) => r[0]!.row === slot.row);
}

/** Where a key press moves the focus from `key`; undefined at the grid's edge. */
export function moveFrom(model: GridModel, key: string, move: Move): GridSlot | undefined {
  const slot = model.byKey.get(key);
  if (!slot) return undefined;
  const rowIndex = rowIndexOf(model, slot);
  const row = model.rows[rowIndex]!;
  const position = row.indexOf(slot);
  switch (move) {
    case 'left':
      return row[position - 1];
    case 'right':
      return row[position + 1];
    case 'up':
    case 'down': {
      const target = model.rows[rowIndex + (move === 'up' ? -1 : 1)];
      return target ? slotUnder(target, slot.col) : undefined;
    }
    case 'next':
    case 'previous': {
      const step = move === 'next' ? 1 : -1;
      const all = model.rows.flat();
      // From a total, continue from its place in reading order.
      for (let i = all.indexOf(slot) + step; i >= 0 && i < all.length; i += step) {
        if (!all[i]!.derived) return all[i];
      }
      return undefined;
    }
    case 'nextDown':
    case 'previousUp': {
      // Enter moves down the column to the next typed cell, like a spreadsheet.
      const step = move === 'nextDown' ? 1 : -1;
      for (let i = rowIndex + step; i >= 0 && i < model.rows.length; i += step) {
        const candidate = slotUnder(model.rows[i]!, slot.col);
        if (!candidate.derived) return candidate;
      }
      return undefined;
    }
  }
}

export interface PositionPlan {
  /** Cell key → pasted text, for typed cells. */
  readonly values: ReadonlyMap<string, string>;
  /** Pasted values that fell on totals (derived, not typed). */
  readonly skippedTotals: number;
  /** Pasted values beyond the grid's last row or column. */
  readonly outside: number;
}

/**
 * Lays a block of pasted values over the grid from `anchorKey`: pasted row i goes to the
 * i-th data row from the anchor's, pasted column j to the j-th cell from the anchor's
 * column. Totals count as positions (a block copied from a spreadsheet includes them)
 * but are not written.
 */
export function planPaste(model: GridModel, anchorKey: string, block: readonly (readonly string[])[]): PositionPlan {
  const anchor = model.byKey.get(anchorKey);
  const values = new Map<string, string>();
  let skippedTotals = 0;
  let outside = 0;
  if (!anchor) return { values, skippedTotals, outside: block.flat().length };
  const firstRow = rowIndexOf(model, anchor);
  block.forEach((line, i) => {
    const row = model.rows[firstRow + i];
    if (!row) {
      outside += line.length;
      return;
    }
    const start = row.indexOf(slotUnder(row, anchor.col));
    line.forEach((text, j) => {
      const slot = row[start + j];
      if (!slot) outside++;
      else if (slot.derived) skippedTotals += text.trim() === '' ? 0 : 1;
      else values.set(slot.key, text);
    });
  });
  return { values, skippedTotals, outside };
}
