import { SEVERITY_LABELS } from '../../shared/checks/index.ts';
import type { Finding } from '../../shared/checks/index.ts';
import type { CellFigure } from '../../shared/figures/figures.ts';
import { cellName } from '../../shared/format/index.ts';

interface CellMessagesProps {
  /** The focused (or hovered) cell; none: the line says how to see a cell's messages. */
  readonly figure: CellFigure | undefined;
  readonly findings: readonly Finding[];
  readonly note?: string | undefined;
}

/** Which cell this is, in the printed labels: row, then column with its group. */
export function cellTitle(figure: CellFigure): string {
  const { cell } = figure;
  const column = cellName(cell, 'header');
  return cell.rowLabel ? `${cellName(cell, 'inColumn')} · ${column}` : column;
}

/**
 * The grid's status line, under the grid and never over it: the focused or hovered
 * cell's name, how a total is made, and every finding that involves it (blank cells are
 * listed in the checks, not here, so moving through empty cells says nothing alarming).
 */
export function CellMessages({ figure, findings, note }: CellMessagesProps) {
  if (!figure) {
    return (
      <div className="nb-cell-messages nb-cell-messages-idle" data-testid="cell-messages">
        选中或指向一个格子，这里显示它的名称和检查结果。
      </div>
    );
  }
  const derived = figure.cell.sumOf !== undefined;
  const stated = derived && figure.entered !== undefined;
  return (
    <div className="nb-cell-messages" role="status" aria-live="polite" data-testid="cell-messages">
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
