import { useLayoutEffect, useState } from 'react';
import { SEVERITY_LABELS } from '../../shared/checks/index.ts';
import type { Finding } from '../../shared/checks/index.ts';
import type { CellFigure } from '../../shared/figures/figures.ts';

interface CellMessagesProps {
  readonly container: HTMLElement | null;
  readonly anchor: HTMLElement;
  readonly figure: CellFigure;
  readonly findings: readonly Finding[];
  readonly note?: string | undefined;
}

/** Which cell this is, in the printed labels: row, then column with its group. */
export function cellTitle(figure: CellFigure): string {
  const { rowLabel, columnGroup, columnLabel } = figure.cell;
  const column = columnGroup ? `${columnGroup}—${columnLabel}` : columnLabel;
  return rowLabel ? `${rowLabel} · ${column}` : column;
}

/**
 * The one message box of a grid: under the focused (or hovered) cell, its name, how a
 * total is made, and every finding that involves it.
 */
export function CellMessages({ container, anchor, figure, findings, note }: CellMessagesProps) {
  const [position, setPosition] = useState<{ top: number; left: number } | undefined>(undefined);
  useLayoutEffect(() => {
    if (!container) return;
    const box = container.getBoundingClientRect();
    const cell = anchor.getBoundingClientRect();
    const width = Math.min(420, box.width);
    setPosition({
      top: cell.bottom - box.top + container.scrollTop + 4,
      left: Math.max(0, Math.min(cell.left - box.left + container.scrollLeft, box.width - width)),
    });
  }, [container, anchor]);
  if (!position) return null;
  const derived = figure.cell.sumOf !== undefined;
  const stated = derived && figure.entered !== undefined;
  return (
    <div className="nb-cell-messages" style={position} role="tooltip" aria-live="polite">
      <div className="nb-cell-messages-title">
        {cellTitle(figure)}
        {derived && !stated && <span className="nb-muted">（自动合计，不需填写）</span>}
      </div>
      {stated && (
        <div className="nb-cell-note">
          这是导入的原文所列合计；按各项计算为 {figure.derived ?? '（有空格，无法计算）'}。按 Delete 改用软件计算的合计。
        </div>
      )}
      {note && <div className="nb-cell-note">{note}</div>}
      {findings.map((finding) => (
        <div key={finding.id} className={`nb-cell-message nb-severity-${finding.severity}`}>
          <span className="nb-severity-tag">{SEVERITY_LABELS[finding.severity]}</span>
          {finding.message}
        </div>
      ))}
    </div>
  );
}
