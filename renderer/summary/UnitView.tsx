import { useMemo, useState } from 'react';
import { Alert, Button, Collapse, Input, Radio, Space, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { SEVERITY_LABELS } from '../../shared/checks/index.ts';
import type { Finding } from '../../shared/checks/index.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { cellIndex, cellName } from '../../shared/format/index.ts';
import type { ImportedCell, SummaryUnit } from '../../shared/ipc/contract.ts';
import { reportFormat } from '../../shared/model/report.ts';
import { findingNoteKey, REVIEW_STATE_LABELS } from '../../shared/summary/index.ts';
import { findingsByCell } from '../checks/findingsByCell.ts';
import { ReadOnlyGrid } from '../grid/ReadOnlyGrid.tsx';
import { tableTabs } from './tableTabs.tsx';
import { STATE_COLORS } from './ReviewTable.tsx';

interface UnitViewProps {
  readonly unit: SummaryUnit;
  readonly onBack: () => void;
  /** Keeps the reviewer's note ('' removes it); `findingKey` '' is the note on the unit. */
  readonly onNote: (findingKey: string, text: string) => Promise<void>;
  readonly onChooseRevision: (fileId: number) => void;
  readonly onExportOpinion: () => void;
}

const SEVERITY_COLORS = { error: 'error', warning: 'warning', hint: 'processing' } as const;

function cellClass(findings: readonly Finding[] | undefined, reading: ImportedCell | undefined): string {
  if (findings?.some((f) => f.kind === 'mistake')) return ' nb-cell-error';
  if (reading && (reading.confidence === 'unsure' || reading.status === 'unread')) return ' nb-cell-unsure';
  if (findings?.some((f) => f.kind === 'unfinished')) return ' nb-cell-blank';
  if (findings?.some((f) => f.severity === 'warning')) return ' nb-cell-warning';
  return '';
}

/** A note kept when the field loses the focus (only when it changed). */
function NoteField({ initial, placeholder, onSave, testId }: { initial: string; placeholder: string; onSave: (text: string) => Promise<void>; testId: string }) {
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState(initial);
  return (
    <Input.TextArea
      value={text}
      placeholder={placeholder}
      autoSize={{ minRows: 1, maxRows: 5 }}
      maxLength={2000}
      data-testid={testId}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text === saved) return;
        void onSave(text.trim()).then(() => setSaved(text));
      }}
    />
  );
}

/**
 * One unit's report under review, read-only: the tables with the cells its findings
 * involve marked, each finding with a reviewer's note, the file it came from and, for
 * an imported file, what the importer read for the selected cell.
 */
export function UnitView({ unit, onBack, onNote, onChooseRevision, onExportOpinion }: UnitViewProps) {
  const { row, report, findings, files, readings, notes } = unit;
  const noteOf = useMemo(() => new Map(notes.map((n) => [n.findingKey, n.text])), [notes]);
  const readingOf = useMemo(() => new Map(readings.map((r) => [r.key, r])), [readings]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const shownFindings = findings.filter((f) => f.kind !== 'unfinished' || f.location.section !== undefined);
  const unfinished = findings.length - shownFindings.length;
  const readable = files.filter((f) => f.reading.status === 'read');

  const header = (
    <div className="nb-summary-toolbar">
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-action="back-to-review">
        返回审核表
      </Button>
      <h2 className="nb-unit-title" data-testid="unit-title">
        {row.unitName}
      </h2>
      <Tag color={STATE_COLORS[row.state]}>{REVIEW_STATE_LABELS[row.state]}</Tag>
      <span className="nb-muted">
        错误 {row.counts.error} · 警告 {row.counts.warning} · 提示 {row.counts.hint}
      </span>
      <span className="nb-spacer" />
      <Button type="primary" onClick={onExportOpinion} disabled={!report} data-action="export-opinion">
        导出审核意见（Word）
      </Button>
    </div>
  );
  if (!report) {
    return (
      <>
        {header}
        <Alert type="warning" showIcon message={row.unreadable ? `收到的文件无法读取：${row.unreadable}` : '该单位尚未报送。'} />
      </>
    );
  }

  const format = reportFormat(report);
  const index = cellIndex(format);
  const figures = computeFigures(report);
  const byCell = findingsByCell(findings);
  const selectedDef = selected ? index.byKey.get(selected) : undefined;
  const selectedReading = selected ? readingOf.get(selected) : undefined;
  const file = files.find((f) => f.id === row.fileId);

  return (
    <>
      {header}
      {row.otherYear !== undefined && (
        <Alert type="error" showIcon data-testid="other-year" message={`收到的是${row.otherYear}年度的报告，不是本次汇总的年度：未计入汇总，请该单位重新报送。`} />
      )}
      <div className="nb-unit-view">
        <section aria-label="报告内容（只读）">
          <Tabs
            items={[
              ...tableTabs(format, (layout) => (
                <ReadOnlyGrid
                  layout={layout}
                  selectedKey={selected}
                  onCellClick={setSelected}
                  cellOf={(key) => {
                    const def = index.byKey.get(key)!;
                    return {
                      text: figures.get(key).text,
                      className: `${def.sumOf !== undefined ? 'nb-cell-total' : ''}${cellClass(byCell.get(key), readingOf.get(key))}`,
                      title: [cellName(def), ...(byCell.get(key) ?? []).filter((f) => f.kind !== 'unfinished').map((f) => f.message)].join('\n'),
                    };
                  }}
                />
              )),
              {
                key: 'text',
                label: '正文',
                children: (
                  <div className="nb-summary-scroll nb-unit-text">
                    {format.sections
                      .filter((s) => !s.table)
                      .map((s) => (
                        <div key={s.key} className="nb-review-section">
                          <h4>{s.heading}</h4>
                          <p>{report.sections[s.key] || '（空）'}</p>
                        </div>
                      ))}
                  </div>
                ),
              },
            ]}
          />
          {selectedDef && (
            <div className="nb-summary-panel nb-gap" data-testid="cell-detail">
              <strong>{cellName(selectedDef)}</strong>：{figures.get(selectedDef.key).text || '（空白）'}
              {selectedReading && (
                <div className="nb-muted">
                  识别：{selectedReading.status === 'unread' ? '未能读出' : selectedReading.confidence === 'unsure' ? '不确定' : '确定'}
                  {selectedReading.note ? `（${selectedReading.note}）` : ''}；原文：{selectedReading.source || '（未找到）'}
                </div>
              )}
              {(byCell.get(selectedDef.key) ?? [])
                .filter((f) => f.kind !== 'unfinished')
                .map((f) => (
                  <div key={f.id}>{f.message}</div>
                ))}
            </div>
          )}
        </section>
        <section aria-label="审核" className="nb-unit-side">
          <div className="nb-summary-panel">
            <h3>来源文件</h3>
            <div data-testid="source-file">
              {file?.fileName}
              {file?.reading.status === 'read' && (
                <span className="nb-muted">
                  （{file.reading.sourceFormat === 'exchange' ? '年报交换文件' : `${file.reading.sourceFormat.toUpperCase()}，识别存疑 ${file.reading.uncertainCells} 格`}）
                </span>
              )}
            </div>
            {readable.length > 1 && (
              <Radio.Group value={row.fileId} onChange={(e) => onChooseRevision(e.target.value as number)} className="nb-gap">
                <Space direction="vertical" size={2}>
                  {readable.map((f) => (
                    <Radio key={f.id} value={f.id}>
                      第{f.revision}版：{f.fileName}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            )}
          </div>
          <div className="nb-summary-panel">
            <h3>对该单位的备注</h3>
            <NoteField key={`unit-${row.unitId}`} initial={noteOf.get('') ?? ''} placeholder="写给自己或退回单位的备注" onSave={(text) => onNote('', text)} testId="unit-note" />
          </div>
          <div className="nb-summary-panel">
            <h3>
              审核发现（{shownFindings.length}）{unfinished > 0 && <span className="nb-muted">，另有 {unfinished} 项未填</span>}
            </h3>
            {shownFindings.length === 0 && <p className="nb-muted">没有发现问题。</p>}
            {shownFindings.map((finding) => {
              const key = findingNoteKey(finding);
              return (
                <div key={key} className="nb-finding" data-finding={finding.id}>
                  <div>
                    <Tag color={SEVERITY_COLORS[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</Tag>
                    {finding.location.cells[0] && index.byKey.has(finding.location.cells[0]) ? (
                      <a onClick={() => setSelected(finding.location.cells[0])}>{finding.message}</a>
                    ) : (
                      finding.message
                    )}
                  </div>
                  <div className="nb-finding-place">规则 {finding.rule}</div>
                  <NoteField initial={noteOf.get(key) ?? ''} placeholder="审核备注" onSave={(text) => onNote(key, text)} testId="finding-note" />
                </div>
              );
            })}
          </div>
          {readings.length > 0 && (
            <Collapse
              items={[
                {
                  key: 'source',
                  label: '原文（导入时读取的文字）',
                  children: <pre className="nb-source">{unit.sourceText}</pre>,
                },
              ]}
            />
          )}
        </section>
      </div>
    </>
  );
}
