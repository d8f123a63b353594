import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { GridCell, TableLayout } from '../../shared/format/index.ts';
import { minTableWidthPx } from './gridWidths.ts';

/**
 * Frozen header rows and label columns for a grid that scrolls inside the window, as in
 * a spreadsheet: header cells stick to the top and label cells to the left of the grid's
 * own scroll area (position: sticky both ways), so a figure's row label and column name
 * stay on screen wherever the keyboard goes. Column widths are in pixels, from the
 * format's proportions over the scroll area's width (never below the table's minimum,
 * `minTableWidthPx`: the grid scrolls instead), so each frozen column knows where it sticks.
 */

export interface StickyPlace {
  readonly top?: number;
  readonly left?: number;
}

export interface StickyGrid {
  readonly scrollRef: React.RefObject<HTMLDivElement | null>;
  readonly tableStyle: CSSProperties | undefined;
  /** Each column's width, in pixels once the scroll area is measured. */
  readonly columnWidths: readonly string[];
  /** Where a label cell sticks; undefined for a cell that scrolls. */
  readonly stickyOf: (cell: GridCell) => StickyPlace | undefined;
  /** Scrolls the grid so that `target` is clear of the frozen rows and columns. */
  readonly reveal: (target: HTMLElement) => void;
}

function cumulative(widths: readonly number[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const width of widths) {
    starts.push(at);
    at += width;
  }
  return starts;
}

export function useStickyGrid(layout: TableLayout): StickyGrid {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState<number | undefined>(undefined);
  const [header, setHeader] = useState<{ tops: readonly number[]; height: number }>({ tops: [], height: 0 });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setAvailable(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const totalMm = layout.columnWidthsMm.reduce((a, b) => a + b, 0);
  const tableWidth = available === undefined ? undefined : Math.max(available, minTableWidthPx(layout));
  const widths = layout.columnWidthsMm.map((mm) => (tableWidth === undefined ? undefined : (mm / totalMm) * tableWidth));
  const lefts = cumulative(widths.map((w) => w ?? 0));
  const firstDataColumn = Math.min(...layout.cells.filter((c) => c.content.type === 'data').map((c) => c.col));

  // The header rows' offsets depend on how their labels wrap, i.e. on the width.
  useLayoutEffect(() => {
    const rows = scrollRef.current?.querySelectorAll<HTMLTableRowElement>('tr');
    if (!rows || layout.headerRows === 0) return;
    const tops = Array.from(rows)
      .slice(0, layout.headerRows)
      .map((row) => row.offsetTop);
    const height = rows[layout.headerRows]?.offsetTop ?? 0;
    setHeader((previous) => (previous.height === height && previous.tops.every((t, i) => t === tops[i]) && previous.tops.length === tops.length ? previous : { tops, height }));
  }, [layout, tableWidth]);

  const frozenWidth = tableWidth === undefined || firstDataColumn === 0 ? 0 : lefts[firstDataColumn]!;
  const stickyOf = (cell: GridCell): StickyPlace | undefined => {
    const inHeader = cell.row < layout.headerRows;
    const inLabels = tableWidth !== undefined && cell.col + cell.colSpan <= firstDataColumn;
    if (!inHeader && !inLabels) return undefined;
    return { ...(inHeader ? { top: header.tops[cell.row] ?? 0 } : {}), ...(inLabels ? { left: lefts[cell.col]! } : {}) };
  };

  const reveal = useCallback(
    (target: HTMLElement) => {
      const element = scrollRef.current;
      const cell = target.closest<HTMLElement>('td, th') ?? target;
      if (!element) return;
      const box = element.getBoundingClientRect();
      const rect = cell.getBoundingClientRect();
      const minX = box.left + frozenWidth;
      const maxX = box.left + element.clientWidth;
      if (rect.left < minX) element.scrollLeft -= minX - rect.left;
      else if (rect.right > maxX) element.scrollLeft += rect.right - maxX;
      const minY = box.top + header.height;
      const maxY = box.top + element.clientHeight;
      if (rect.top < minY) element.scrollTop -= minY - rect.top;
      else if (rect.bottom > maxY) element.scrollTop += rect.bottom - maxY;
    },
    [frozenWidth, header.height],
  );

  return {
    scrollRef,
    tableStyle: tableWidth === undefined ? undefined : { width: tableWidth },
    columnWidths: widths.map((w, i) => (w === undefined ? `${((layout.columnWidthsMm[i]! / totalMm) * 100).toFixed(3)}%` : `${w}px`)),
    stickyOf,
    reveal,
  };
}
