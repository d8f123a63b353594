import type { ReactNode } from 'react';
import type { GridCell, TableLayout } from '../../shared/format/index.ts';
import { LabelCell } from './LabelCell.tsx';
import type { StickyGrid } from './useStickyGrid.ts';

export interface GridTableProps {
  readonly layout: TableLayout;
  readonly sticky: StickyGrid;
  /** The `<td>` of a data cell; label cells are the same in every grid. */
  readonly dataCell: (cell: GridCell, key: string) => ReactNode;
}

/** The table of a grid as printed: column widths, merges, frozen header rows and label columns. */
export function GridTable({ layout, sticky, dataCell }: GridTableProps) {
  const rows: GridCell[][] = Array.from({ length: layout.rowCount }, () => []);
  for (const cell of layout.cells) rows[cell.row]!.push(cell);
  return (
    <div className="nb-grid-scroll" ref={sticky.scrollRef} data-testid="grid-scroll">
      <table style={sticky.tableStyle}>
        <colgroup>
          {sticky.columnWidths.map((width, i) => (
            <col key={i} style={{ width }} />
          ))}
        </colgroup>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r} className={r < layout.headerRows ? 'nb-head-row' : undefined}>
              {cells.map((cell) =>
                cell.content.type === 'data' ? dataCell(cell, cell.content.key) : <LabelCell key={cell.col} cell={cell} sticky={sticky.stickyOf(cell)} />,
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
