import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Space, Tabs, Tag } from 'antd';
import { cellIndex, cellName, formatById } from '../../shared/format/index.ts';
import type { CellDef } from '../../shared/format/index.ts';
import { SEVERITY_LABELS } from '../../shared/checks/index.ts';
import type { SummarySum } from '../../shared/ipc/contract.ts';
import { contributions } from '../../shared/summary/index.ts';
import type { CellSum, OwnReportComparison } from '../../shared/summary/index.ts';
import { ReadOnlyGrid } from '../grid/ReadOnlyGrid.tsx';
import { tableTabs } from './tableTabs.tsx';
import type { ReadOnlyCell } from '../grid/ReadOnlyGrid.tsx';

interface SumViewProps {
  readonly summed: SummarySum;
  readonly onExportXlsx: () => void;
  readonly onExportReport: () => void;
}

function figureText(value: number | null): string {
  return value === null ? '' : String(value);
}

function sumCell(def: CellDef, cell: CellSum | undefined, unitCount: number, differs: OwnReportComparison | undefined): ReadOnlyCell {
  const name = cellName(def);
  const total = def.sumOf !== undefined ? ' nb-cell-total' : '';
  if (!cell) return { text: '', className: total, title: name };
  const mark = differs?.status === 'different' ? ' nb-cell-error' : '';
  if (cell.complete) return { text: figureText(cell.total), className: `${total}${mark}`, title: `${name}：${unitCount}个单位之和` };
  const blanks = cell.blankUnits.length;
  return {
    text: (
      <>
        {figureText(cell.total)}
        <sup className="nb-blank-count">缺{blanks}</sup>
      </>
    ),
    className: `${total} nb-cell-partial${mark}`,
    title: `${name}：已知${unitCount - blanks}个单位之和；${blanks}个单位空白（${cell.blankUnits.slice(0, 5).join('、')}${blanks > 5 ? '等' : ''}），不是全部单位的合计`,
  };
}

function comparisonText(c: OwnReportComparison): string {
  if (c.status === 'different') return `本级 ${c.own}，Σ下级 ${c.sum}，相差 ${c.difference > 0 ? '+' : ''}${c.difference}`;
  return '';
}

/**
 * 汇总: the three tables summed over the units. A cell some units left blank shows the
 * sum of the known figures marked 缺N (which units, in its tooltip and when clicked); a
 * click lists each unit's figure. Below: the 勾稽 rules on the sum and 本级 = Σ下级.
 */
export function SumView({ summed, onExportXlsx, onExportReport }: SumViewProps) {
  const { sum, findings, own } = summed;
  const format = formatById(sum.formatId)!;
  const index = cellIndex(format);
  const byKey = useMemo(() => new Map(sum.cells.map((c) => [c.key, c])), [sum]);
  const differences = useMemo(() => (own?.comparisons ?? []).filter((c) => c.status === 'different'), [own]);
  const differenceByKey = useMemo(() => new Map(differences.map((c) => [c.key, c])), [differences]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const selectedCell = selected ? byKey.get(selected) : undefined;
  const selectedDef = selected ? index.byKey.get(selected) : undefined;
  const partial = sum.cells.filter((c) => !c.complete).length;
  const problems = findings.filter((f) => f.kind !== 'unfinished');

  return (
    <div className="nb-sum">
      <div className="nb-summary-toolbar">
        <span>
          {sum.units.length} 个单位的报告之和。
          {partial > 0 && <span className="nb-text-warning">{partial} 个格子有单位空白（标“缺N”，点击可看是哪些单位），只是已知数字之和。</span>}
        </span>
        <span className="nb-spacer" />
        <Button onClick={onExportXlsx} data-action="export-sum-xlsx">
          导出汇总表（Excel）
        </Button>
        <Button onClick={onExportReport} data-action="export-sum-report">
          导出为年报交换文件
        </Button>
      </div>
      <div className="nb-sum-body">
        <section className="nb-sum-tables" aria-label="汇总表">
          {sum.units.length === 0 ? (
            <Empty description="还没有可汇总的报告" />
          ) : (
            <Tabs
              items={tableTabs(format, (layout) => (
                <ReadOnlyGrid
                  layout={layout}
                  cellOf={(key) => sumCell(index.byKey.get(key)!, byKey.get(key), sum.units.length, differenceByKey.get(key))}
                  onCellClick={setSelected}
                  selectedKey={selected}
                />
              ))}
            />
          )}
        </section>
        <aside className="nb-sum-side" aria-label="汇总说明">
          {selectedCell && selectedDef ? (
            <div className="nb-summary-panel" data-testid="contributions">
              <h3>{cellName(selectedDef)}</h3>
              <p>
                合计 <strong data-testid="cell-total">{figureText(selectedCell.total) || '—'}</strong>
                {!selectedCell.complete && <span className="nb-text-warning">（{selectedCell.blankUnits.length}个单位空白，未计入）</span>}
                {differenceByKey.get(selectedCell.key) && <span className="nb-text-error">；{comparisonText(differenceByKey.get(selectedCell.key)!)}</span>}
              </p>
              <ul className="nb-contributions">
                {contributions(sum, selectedCell).map((c) => (
                  <li key={c.unitId} data-unit={c.unitName}>
                    <span>{c.unitName}</span>
                    {c.value === null ? <Tag color="warning">空白</Tag> : <span className="nb-figure">{c.value}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="nb-hint">点击一个格子，查看每个单位的数字。</p>
          )}
          <div className="nb-summary-panel">
            <h3>汇总数的勾稽检查</h3>
            {problems.length === 0 ? (
              <p className="nb-muted">已填数字之间没有发现勾稽错误。</p>
            ) : (
              <ul className="nb-plain-list" data-testid="sum-findings">
                {problems.map((f) => (
                  <li key={f.id}>
                    <Tag color={f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'processing'}>{SEVERITY_LABELS[f.severity]}</Tag>
                    {f.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="nb-summary-panel">
            <h3>本级报告与下级之和</h3>
            {own === null ? (
              <p className="nb-muted">本机关还没有本年度的报告，无法比较。</p>
            ) : differences.length === 0 ? (
              <Alert type="success" showIcon message={`“${own.reportName}”中已填的数字与下级之和一致（有单位空白的格子不比较）。`} />
            ) : (
              <ul className="nb-plain-list" data-testid="own-differences">
                {differences.map((c) => (
                  <li key={c.key}>
                    <Space size={4} wrap>
                      <Button size="small" type="link" onClick={() => setSelected(c.key)}>
                        {cellName(index.byKey.get(c.key)!)}
                      </Button>
                      <span>{comparisonText(c)}</span>
                    </Space>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}
