import { cellIndex } from '../format/index.ts';
import type { CellDef, ReportFormat } from '../format/index.ts';
import type { Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import { normaliseFigure } from './normalise.ts';

/** What a cell holds once read: nothing, something that is not a figure, or a figure. */
export type CellState =
  | { readonly status: 'blank' }
  | { readonly status: 'invalid'; readonly typed: string; readonly message: string }
  | { readonly status: 'ok'; readonly value: number; readonly text: string };

export interface CellFigure {
  readonly cell: CellDef;
  /** For a typed cell: what was entered. For a total: the stated value if the source gave one. */
  readonly entered: CellState | undefined;
  /** For a total: the sum of its operands, or null when an operand is not a figure. */
  readonly derived: number | null | undefined;
  /** The figure the report shows and the rules use: typed, stated, or derived. */
  readonly value: number | null;
  /** The text printed in the cell (empty when blank). */
  readonly text: string;
}

export interface Figures {
  readonly format: ReportFormat;
  readonly cells: ReadonlyMap<string, CellFigure>;
  /** The effective figure of a cell (null when blank, invalid or not computable). */
  value(key: string): number | null;
  get(key: string): CellFigure;
}

function readState(raw: string | null | undefined, cell: CellDef): CellState {
  if (raw === undefined || raw === null) return { status: 'blank' };
  const result = normaliseFigure(raw, cell.kind);
  if (!result.ok) return { status: 'invalid', typed: result.typed, message: result.message };
  if (result.value === null) return { status: 'blank' };
  return { status: 'ok', value: Number(result.value), text: result.value };
}

function stateValue(state: CellState): number | null {
  return state.status === 'ok' ? state.value : null;
}

function stateText(state: CellState): string {
  return state.status === 'ok' ? state.text : state.status === 'invalid' ? state.typed : '';
}

/**
 * Reads every cell of a report and derives the totals (总计 column, （七）总计, table-4
 * totals). A total stated by an imported source is kept beside the derived one.
 */
export function computeFigures(report: Report): Figures {
  const format = reportFormat(report);
  const index = cellIndex(format);
  const cells = new Map<string, CellFigure>();
  for (const cell of index.inputs) {
    const entered = readState(report.values[cell.key], cell);
    cells.set(cell.key, { cell, entered, derived: undefined, value: stateValue(entered), text: stateText(entered) });
  }
  for (const cell of index.totals) {
    let derived: number | null = 0;
    for (const operand of cell.sumOf!) {
      const v = cells.get(operand)!.value;
      derived = derived === null || v === null ? null : derived + v;
    }
    const hasStated = Object.hasOwn(report.statedTotals, cell.key);
    const entered = hasStated ? readState(report.statedTotals[cell.key], cell) : undefined;
    const value = entered ? stateValue(entered) : derived;
    const text = entered ? stateText(entered) : derived === null ? '' : String(derived);
    cells.set(cell.key, { cell, entered, derived, value, text });
  }
  const get = (key: string): CellFigure => {
    const figure = cells.get(key);
    if (!figure) throw new Error(`unknown cell ${key}`);
    return figure;
  };
  return { format, cells, get, value: (key) => get(key).value };
}
