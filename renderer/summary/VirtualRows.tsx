import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Sorting } from './sorting.ts';

/**
 * A long list of equal-height rows of which only those in view (and a few around them)
 * are in the page: a review table of 1,000 units scrolls as lightly as one of 20. The
 * header stays above the scrolling rows; columns are a CSS grid template shared by both.
 */

export interface VirtualColumn<T> {
  readonly key: string;
  readonly title: ReactNode;
  /** A CSS grid track, e.g. `120px` or `minmax(160px, 1fr)`. */
  readonly width: string;
  readonly render: (row: T) => ReactNode;
  /** Clicking the title sorts by this column. */
  readonly sortable?: boolean;
}

interface VirtualRowsProps<T> {
  readonly rows: readonly T[];
  readonly columns: readonly VirtualColumn<T>[];
  readonly rowKey: (row: T) => string;
  readonly rowHeight: number;
  readonly onOpen?: (row: T) => void;
  readonly sorting?: Sorting | undefined;
  readonly onSort?: (sorting: Sorting) => void;
  readonly empty?: ReactNode;
  /** Attributes of each row element, e.g. `data-unit`. */
  readonly rowData?: (row: T) => Record<`data-${string}`, string>;
  readonly label: string;
}

/** Rows drawn beyond each edge of the view, so a quick scroll never shows a gap. */
const OVERSCAN = 6;

export function VirtualRows<T>({ rows, columns, rowKey, rowHeight, onOpen, sorting, onSort, empty, rowData, label }: VirtualRowsProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  const template = columns.map((c) => c.width).join(' ');

  return (
    <div className="nb-vrows" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div className="nb-vrows-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((column) => {
          const sorted = sorting?.key === column.key;
          return (
            <div key={column.key} role="columnheader" aria-sort={sorted ? (sorting.descending ? 'descending' : 'ascending') : undefined}>
              {column.sortable && onSort ? (
                <button
                  type="button"
                  className="nb-vrows-sort"
                  onClick={() => onSort({ key: column.key, descending: sorted ? !sorting.descending : false })}
                >
                  {column.title}
                  <span className="nb-vrows-arrow">{sorted ? (sorting.descending ? '▼' : '▲') : '↕'}</span>
                </button>
              ) : (
                column.title
              )}
            </div>
          );
        })}
      </div>
      <div className="nb-vrows-scroll" ref={scroller} data-testid="vrows-scroll">
        {rows.length === 0 ? (
          <div className="nb-vrows-empty">{empty}</div>
        ) : (
          <div style={{ height: rows.length * rowHeight, position: 'relative' }}>
            {rows.slice(first, last).map((row, i) => (
              <div
                key={rowKey(row)}
                role="row"
                aria-rowindex={first + i + 2}
                className={`nb-vrows-row${onOpen ? ' nb-vrows-clickable' : ''}`}
                style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${(first + i) * rowHeight}px)` }}
                onDoubleClick={onOpen ? () => onOpen(row) : undefined}
                {...rowData?.(row)}
              >
                {columns.map((column) => (
                  <div key={column.key} role="cell" className="nb-vrows-cell">
                    {column.render(row)}
                  </div>
                ))}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
