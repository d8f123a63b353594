import { cellIndex, cellName, infoFeeSection } from '../format/index.ts';
import type { CellDef, TableId } from '../format/index.ts';
import type { InfoFee, Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import { changePercent } from '../sentences/change.ts';
import { computeFigures } from './figures.ts';

/**
 * This year's figures beside last year's: every cell of tables 2–4 and section 六's
 * 信息处理费, with the change and the change in per cent — what a leader asks for before
 * signing. A figure blank in either year has no change (never a guessed zero).
 */
export interface ComparisonRow {
  /** Cell key, or `infoFee.<field>`. */
  readonly key: string;
  readonly group: TableId | 'infoFee';
  /** The table's title or 六's heading. */
  readonly groupTitle: string;
  /** The cell's row and column as printed, e.g. `（一）予以公开（自然人）`. */
  readonly label: string;
  readonly unit: string;
  readonly isTotal: boolean;
  readonly now: number | null;
  readonly before: number | null;
  readonly change: number | null;
  /** null when either year is blank or last year's is zero. */
  readonly percent: number | null;
}

/** A cell in a list of its table's figures: its row, and its column where the row has several. */
function cellLabel(cell: CellDef): string {
  return cell.rowLabel ? `${cell.rowLabel}（${cellName(cell, 'inRow')}）` : cellName(cell, 'inRow');
}

function feeValue(infoFee: InfoFee | undefined, field: keyof InfoFee): number | null {
  const text = infoFee?.[field];
  if (text === null || text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function row(base: Omit<ComparisonRow, 'change' | 'percent'>): ComparisonRow {
  const { now, before } = base;
  const known = now !== null && before !== null;
  return {
    ...base,
    change: known ? Math.round((now - before) * 10_000) / 10_000 : null,
    percent: known ? changePercent(now, before) : null,
  };
}

export function compareYears(report: Report, previous: Report | undefined): ComparisonRow[] {
  const format = reportFormat(report);
  const figures = computeFigures(report);
  const lastFigures = previous ? computeFigures(previous) : undefined;
  const cells = cellIndex(format).all.map((cell) =>
    row({
      key: cell.key,
      group: cell.table,
      groupTitle: format.sections.find((s) => s.table === cell.table)?.heading ?? cell.tableName,
      label: cellLabel(cell),
      unit: cell.unit,
      isTotal: cell.sumOf !== undefined,
      now: figures.value(cell.key),
      before: lastFigures?.cells.has(cell.key) ? lastFigures.value(cell.key) : null,
    }),
  );
  const feeSection = infoFeeSection(format);
  const fees = feeSection
    ? feeSection.words.figures.map(({ field, label, unit }) =>
        row({
          key: `infoFee.${field}`,
          group: 'infoFee',
          groupTitle: `${feeSection.section.heading}（${feeSection.words.name}）`,
          label: label.replace(`（${unit}）`, ''),
          unit,
          isTotal: false,
          now: feeValue(report.infoFee, field),
          before: feeValue(previous?.infoFee, field),
        }),
      )
    : [];
  return [...cells, ...fees];
}
