import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ClipboardEvent, FocusEvent, KeyboardEvent, MouseEvent } from 'react';
import { cellIndex, cellName } from '../../shared/format/index.ts';
import type { GridCell, ReportFormat, TableLayout } from '../../shared/format/index.ts';
import type { CellFigure, Figures } from '../../shared/figures/figures.ts';
import type { Finding } from '../../shared/checks/index.ts';
import { CellMessages } from './CellMessages.tsx';
import { GridTable } from './GridTable.tsx';
import { storedFigure } from './cellEntry.ts';
import { gridModel, moveFrom } from './gridModel.ts';
import type { Move } from './gridModel.ts';
import { isBlockText, planBlockPaste } from './pasteBlock.ts';
import type { PastePlan } from './pasteBlock.ts';
import { isDenseTable } from './gridWidths.ts';
import { useStickyGrid } from './useStickyGrid.ts';

export interface TableGridProps {
  readonly format: ReportFormat;
  readonly layout: TableLayout;
  readonly figures: Figures;
  /** Findings by cell key (each finding under every cell it involves). */
  readonly findingsByCell: ReadonlyMap<string, readonly Finding[]>;
  /** Figures entered (null clears); `group` merges a burst of typing into one undo step. */
  readonly onEnter: (entries: ReadonlyMap<string, string | null>, group: string) => void;
  readonly onPasted: (plan: PastePlan) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  /** Extra remarks on cells (e.g. how sure an import is), marked and shown with the messages. */
  readonly notes?: ReadonlyMap<string, CellNote>;
  /** Told when a cell gets the focus. */
  readonly onActiveCell?: (key: string) => void;
  /** Delete on a total stated by an imported source: use the derived total instead. */
  readonly onClearStated?: (key: string) => void;
  /** A short line under a cell's figure (last year's figure and the change). */
  readonly beside?: ReadonlyMap<string, string>;
}

export interface CellNote {
  readonly className: string;
  readonly text: string;
}

/** The cell being typed in: its text as typed until the focus leaves it. */
interface Editing {
  readonly key: string;
  /** Null: show the stored figure (nothing typed yet, or after undo). */
  readonly text: string | null;
  /** The stored figure when the cell got the focus, for Escape. */
  readonly original: string | null;
}

const KEY_MOVES: Readonly<Record<string, Move>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

function cellKeyOf(target: EventTarget | null): string | undefined {
  return target instanceof HTMLElement ? (target.closest<HTMLElement>('[data-cell]')?.dataset.cell ?? undefined) : undefined;
}

/** Whether the caret is inside the text, where arrows move the caret and not the focus. */
function caretInside(input: HTMLInputElement, key: string): boolean {
  const { selectionStart: start, selectionEnd: end, value } = input;
  if (start === null || end === null || (start === 0 && end === value.length)) return false;
  return key === 'ArrowLeft' ? start > 0 : end < value.length;
}

/** Unfinished cells (blank) are only tinted in the grid, never shown as errors. */
function severityClass(findings: readonly Finding[] | undefined): string {
  if (!findings?.length) return '';
  if (findings.some((f) => f.kind === 'mistake')) return ' nb-cell-error';
  if (findings.some((f) => f.kind === 'unfinished')) return ' nb-cell-blank';
  return findings.some((f) => f.severity === 'warning') ? ' nb-cell-warning' : ' nb-cell-hint';
}

interface DataCellProps {
  readonly cell: GridCell;
  readonly cellKey: string;
  readonly figure: CellFigure;
  readonly findings: readonly Finding[] | undefined;
  readonly typing: string | null | undefined;
  readonly note: CellNote | undefined;
  readonly beside: string | undefined;
  readonly onType: (key: string, text: string) => void;
}

function sameFindings(a: readonly Finding[] | undefined, b: readonly Finding[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((finding, i) => finding.id === b[i]!.id && finding.message === b[i]!.message);
}

/**
 * Only what a cell shows decides whether it renders again: the figures and findings are
 * recomputed on every keystroke, and most cells stay as they were.
 */
function sameCell(a: DataCellProps, b: DataCellProps): boolean {
  return (
    a.cell === b.cell &&
    a.typing === b.typing &&
    a.onType === b.onType &&
    a.figure.text === b.figure.text &&
    a.note?.text === b.note?.text &&
    a.note?.className === b.note?.className &&
    a.beside === b.beside &&
    sameFindings(a.findings, b.findings)
  );
}

const DataCell = memo(function DataCell({ cell, cellKey, figure, findings, typing, note, beside, onType }: DataCellProps) {
  const derived = figure.cell.sumOf !== undefined;
  const className = `nb-cell nb-cell-${figure.cell.kind}${derived ? ' nb-cell-total' : ''}${severityClass(findings)}${note ? ` ${note.className}` : ''}`;
  const label = cellName(figure.cell);
  return (
    <td rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={className} data-row={cell.row} data-col={cell.col}>
      {derived ? (
        <div className="nb-cell-value" tabIndex={-1} data-cell={cellKey} role="status" aria-label={`${label}（自动合计）`}>
          {figure.text}
        </div>
      ) : (
        <input
          className="nb-cell-input"
          data-cell={cellKey}
          aria-label={label}
          aria-invalid={findings?.some((f) => f.kind === 'mistake') ?? false}
          inputMode={figure.cell.kind === 'money' ? 'decimal' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          value={typing ?? figure.text}
          onChange={(e) => onType(cellKey, e.target.value)}
        />
      )}
      {beside !== undefined && (
        <div className="nb-cell-beside" data-beside={cellKey}>
          {beside}
        </div>
      )}
    </td>
  );
}, sameCell);

/**
 * A table of the report as a spreadsheet-like grid, laid out exactly like the printed
 * table (labels and merges from the format). Totals are derived and read-only.
 */
export function TableGrid({
  format,
  layout,
  figures,
  findingsByCell,
  onEnter,
  onPasted,
  onUndo,
  onRedo,
  notes,
  beside,
  onActiveCell,
  onClearStated,
}: TableGridProps) {
  const index = cellIndex(format);
  const model = gridModel(layout, index);
  const wrapper = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [active, setActive] = useState<{ key: string; by: 'focus' | 'hover' } | undefined>(undefined);
  const [focusKey, setFocusKey] = useState<string | undefined>(undefined);

  const kindOf = useCallback((key: string) => index.byKey.get(key)!.kind, [index]);

  const onType = useCallback(
    (key: string, text: string) => {
      setEditing((e) => ({ key, text, original: e?.key === key ? e.original : null }));
      onEnter(new Map([[key, storedFigure(text, kindOf(key))]]), `cell:${key}`);
    },
    [onEnter, kindOf],
  );

  const sticky = useStickyGrid(layout);
  const { reveal } = sticky;

  const focusCell = (key: string): void => {
    const element = wrapper.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`);
    element?.focus({ preventScroll: true });
    if (element) reveal(element);
  };

  // Typing over a cell that got the focus selects its content, as in a spreadsheet.
  useLayoutEffect(() => {
    if (!focusKey) return;
    const element = wrapper.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(focusKey)}"]`);
    if (element instanceof HTMLInputElement) element.select();
  }, [focusKey]);

  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const key = cellKeyOf(event.target);
    if (!key) return;
    const figure = figures.get(key);
    const typed = figure.cell.sumOf === undefined && figure.entered?.status !== 'blank';
    setEditing({ key, text: null, original: typed ? figure.text : null });
    setFocusKey(key);
    setActive({ key, by: 'focus' });
    reveal(event.target as HTMLElement);
    onActiveCell?.(key);
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (wrapper.current?.contains(event.relatedTarget as Node | null)) return;
    setEditing(undefined);
    setFocusKey(undefined);
    setActive(undefined);
  };

  const move = (key: string, to: Move): boolean => {
    const target = moveFrom(model, key, to);
    if (!target) return false;
    focusCell(target.key);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const key = cellKeyOf(event.target);
    if (!key) return;
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && (event.key === 'z' || event.key === 'Z' || event.key === 'y' || event.key === 'Y')) {
      event.preventDefault();
      if (event.key.toLowerCase() === 'y' || event.shiftKey) onRedo();
      else onUndo();
      setEditing({ key, text: null, original: editing?.original ?? null });
      return;
    }
    if (event.key === 'Escape' && editing?.key === key && editing.text !== null) {
      event.preventDefault();
      setEditing({ ...editing, text: null });
      onEnter(new Map([[key, editing.original]]), `cell:${key}`);
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && onClearStated && figures.get(key).cell.sumOf && figures.get(key).entered) {
      event.preventDefault();
      onClearStated(key);
      return;
    }
    let to: Move | undefined;
    if (event.key === 'Tab') to = event.shiftKey ? 'previous' : 'next';
    else if (event.key === 'Enter') to = event.shiftKey ? 'previousUp' : 'nextDown';
    else if (KEY_MOVES[event.key] && !event.altKey && !ctrl && !event.shiftKey) {
      const input = event.target instanceof HTMLInputElement ? event.target : undefined;
      const typedHere = editing?.key === key && editing.text !== null;
      if (!(input && typedHere && (event.key === 'ArrowLeft' || event.key === 'ArrowRight') && caretInside(input, event.key))) {
        to = KEY_MOVES[event.key];
      }
    }
    if (to && move(key, to)) event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>): void => {
    const key = cellKeyOf(event.target);
    const text = event.clipboardData.getData('text/plain');
    if (!key || !isBlockText(text)) return;
    event.preventDefault();
    const plan = planBlockPaste(model, index, key, text);
    const entries = new Map([...plan.values].map(([k, typed]) => [k, storedFigure(typed, kindOf(k))] as const));
    onEnter(entries, `paste:${Date.now()}`);
    setEditing({ key, text: null, original: editing?.original ?? null });
    onPasted(plan);
  };

  const onMouseOver = (event: MouseEvent<HTMLDivElement>): void => {
    const key = cellKeyOf(event.target);
    if (active?.by === 'focus') return;
    if (!key || !(findingsByCell.get(key)?.length || notes?.has(key))) {
      if (active) setActive(undefined);
      return;
    }
    if (active?.key !== key) setActive({ key, by: 'hover' });
  };

  const activeFigure = active ? figures.get(active.key) : undefined;
  const activeFindings = active ? (findingsByCell.get(active.key) ?? []).filter((f) => f.kind !== 'unfinished') : [];
  const activeNote = active ? notes?.get(active.key) : undefined;

  return (
    <div
      className={`nb-grid${isDenseTable(layout) ? ' nb-grid-dense' : ''}`}
      ref={wrapper}
      role="grid"
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onMouseOver={onMouseOver}
      onMouseLeave={() => active?.by === 'hover' && setActive(undefined)}
    >
      <GridTable
        layout={layout}
        sticky={sticky}
        dataCell={(cell, key) => (
          <DataCell
            key={cell.col}
            cell={cell}
            cellKey={key}
            figure={figures.get(key)}
            findings={findingsByCell.get(key)}
            typing={editing?.key === key ? editing.text : undefined}
            note={notes?.get(key)}
            beside={beside?.get(key)}
            onType={onType}
          />
        )}
      />
      <CellMessages figure={activeFigure} findings={activeFindings} note={activeNote?.text} />
    </div>
  );
}
