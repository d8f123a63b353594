import type { GridCell } from '../../shared/format/index.ts';
import type { StickyPlace } from './useStickyGrid.ts';

/** A label of a printed table (header, row label, caption), frozen in place when `sticky` says so. */
export function LabelCell({ cell, sticky }: { readonly cell: GridCell; readonly sticky: StickyPlace | undefined }) {
  if (cell.content.type !== 'label') return null;
  const stickyClass = sticky ? `${sticky.top !== undefined ? ' nb-sticky-top' : ''}${sticky.left !== undefined ? ' nb-sticky-left' : ''}` : '';
  return (
    <th
      rowSpan={cell.rowSpan}
      colSpan={cell.colSpan}
      className={`nb-label nb-label-${cell.content.role}${stickyClass}`}
      style={sticky}
      scope={cell.content.role === 'rowLabel' ? 'row' : undefined}
      data-row={cell.row}
      data-col={cell.col}
    >
      {cell.content.text}
    </th>
  );
}
