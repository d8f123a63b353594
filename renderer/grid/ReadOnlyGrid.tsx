import type { ReactNode } from 'react';
import type { TableLayout } from '../../shared/format/index.ts';
import { GridTable } from './GridTable.tsx';
import { isDenseTable } from './gridWidths.ts';
import { useStickyGrid } from './useStickyGrid.ts';

/** What a data cell of a read-only grid shows. */
export interface ReadOnlyCell {
  readonly text: ReactNode;
  /** Extra classes, e.g. `nb-cell-total`, `nb-cell-error`. */
  readonly className?: string;
  /** The tooltip: the cell's name and what is special about it. */
  readonly title?: string;
}

export interface ReadOnlyGridProps {
  readonly layout: TableLayout;
  readonly cellOf: (key: string) => ReadOnlyCell;
  /** A click on a data cell (e.g. to list each unit's contribution). */
  readonly onCellClick?: (key: string) => void;
  /** The cell shown as selected. */
  readonly selectedKey?: string | undefined;
}

/**
 * A table laid out exactly like the printed one (labels, merges, frozen header rows and
 * label columns of the editing grid), showing figures that cannot be typed: a unit's
 * report under review, the sum over the units.
 */
export function ReadOnlyGrid({ layout, cellOf, onCellClick, selectedKey }: ReadOnlyGridProps) {
  const sticky = useStickyGrid(layout);
  return (
    <div className={`nb-grid nb-grid-readonly${isDenseTable(layout) ? ' nb-grid-dense' : ''}`} role="grid" aria-readonly="true">
      <GridTable
        layout={layout}
        sticky={sticky}
        dataCell={(cell, key) => {
          const shown = cellOf(key);
          const selected = key === selectedKey ? ' nb-cell-selected' : '';
          return (
            <td
              key={cell.col}
              rowSpan={cell.rowSpan}
              colSpan={cell.colSpan}
              className={`nb-cell ${shown.className ?? ''}${selected}`}
              data-row={cell.row}
              data-col={cell.col}
            >
              {onCellClick ? (
                <button type="button" className="nb-cell-value nb-cell-button" data-cell={key} title={shown.title} onClick={() => onCellClick(key)}>
                  {shown.text}
                </button>
              ) : (
                <div className="nb-cell-value" data-cell={key} title={shown.title}>
                  {shown.text}
                </div>
              )}
            </td>
          );
        }}
      />
    </div>
  );
}
