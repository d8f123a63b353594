import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Collapse, InputNumber, Space, Tabs } from 'antd';
import { checkReport } from '../../shared/checks/index.ts';
import { tableLayouts } from '../../shared/format/index.ts';
import type { AgencyRecord, ImportReview, ReportSummary } from '../../shared/ipc/contract.ts';
import { reportFormat } from '../../shared/model/report.ts';
import { nianbao, reason } from '../api.ts';
import { findingsByCell } from '../checks/findingsByCell.ts';
import { draftReducer, startHistory } from '../editor/draftHistory.ts';
import { withoutStatedTotals, withValues } from '../editor/reportEdits.ts';
import { TableGrid } from '../grid/TableGrid.tsx';
import type { CellNote } from '../grid/TableGrid.tsx';

interface ImportReviewScreenProps {
  readonly review: ImportReview;
  readonly agency: AgencyRecord;
  readonly onCancel: () => void;
  readonly onCreated: (report: ReportSummary) => void;
}

/** The source text with the passage a cell was read from marked. */
function SourceText({ text, passage }: { readonly text: string; readonly passage: string | undefined }) {
  const mark = useRef<HTMLElement>(null);
  const at = passage ? text.indexOf(passage) : -1;
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [at]);
  if (!passage || at === -1) return <pre className="nb-source">{text}</pre>;
  return (
    <pre className="nb-source">
      {text.slice(0, at)}
      <mark ref={mark}>{passage}</mark>
      {text.slice(at + passage.length)}
    </pre>
  );
}

/**
 * What an import recognised, beside the source text: every figure with how sure the
 * reader is, to confirm or correct before the report is created. Blank stays blank.
 */
export function ImportReviewScreen({ review, agency, onCancel, onCreated }: ImportReviewScreenProps) {
  const { message } = AntApp.useApp();
  const [history, dispatch] = useReducer(draftReducer, { ...review.report, agency: agency.agency }, startHistory);
  const report = history.report;
  const [year, setYear] = useState(review.report.year);
  const [activeCell, setActiveCell] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const format = reportFormat(report);
  const checks = useMemo(() => checkReport(report), [report]);
  const findingsOfCells = useMemo(() => findingsByCell(checks.findings), [checks]);
  const cells = useMemo(() => new Map(review.cells.map((c) => [c.key, c])), [review.cells]);
  const notes = useMemo(() => {
    const map = new Map<string, CellNote>();
    for (const cell of review.cells) {
      const typed = report.values[cell.key] ?? null;
      if (typed !== cell.value) map.set(cell.key, { className: 'nb-cell-corrected', text: `已修改（识别为：${cell.value ?? '空白'}）` });
      else if (cell.confidence === 'unsure') {
        const why = cell.note ? `${cell.note}。` : '';
        map.set(cell.key, { className: 'nb-cell-unsure', text: `识别不确定，请对照原文核对。${why}原文：${cell.source || '（未找到）'}` });
      }
      else map.set(cell.key, { className: 'nb-cell-sure', text: `原文：${cell.source}` });
    }
    return map;
  }, [review.cells, report.values]);
  const unsure = review.cells.filter((c) => c.confidence === 'unsure').length;

  const onEnter = useCallback(
    (entries: ReadonlyMap<string, string | null>, group: string) =>
      dispatch({ type: 'edit', change: (r) => withValues(r, entries), group, at: Date.now() }),
    [],
  );

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      onCreated(await nianbao.import.confirm({ agencyId: agency.id, report: { ...report, year }, fileName: review.fileName }));
    } catch (error) {
      message.error(reason(error));
    } finally {
      setBusy(false);
    }
  };

  const layouts = tableLayouts(format);
  const tables = format.sections.filter((s) => s.table);
  return (
    <div className="nb-review">
      <header className="nb-header">
        <h1 className="nb-header-title">导入核对：{review.fileName}</h1>
        <Space>
          <span className="nb-muted">导入到“{agency.agency.name}”</span>
          <InputNumber value={year} min={2008} max={2100} precision={0} suffix="年度" onChange={(v) => v !== null && setYear(v)} />
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => void confirm()} data-action="confirm-import">
            确认无误，创建报告
          </Button>
        </Space>
      </header>
      <div className="nb-review-body">
        <section className="nb-review-source" aria-label="原文">
          <h3>原文</h3>
          <SourceText text={review.sourceText} passage={activeCell ? cells.get(activeCell)?.source : undefined} />
        </section>
        <section className="nb-review-figures" aria-label="识别结果">
          {review.notes.map((note) => (
            <Alert key={note} type="info" showIcon message={note} className="nb-gap" />
          ))}
          <Alert
            type={unsure ? 'warning' : 'success'}
            showIcon
            className="nb-gap"
            message={`识别出 ${review.cells.filter((c) => c.value !== null).length} 个数字${unsure ? `，其中 ${unsure} 个不确定（黄色），请对照原文核对` : ''}。点中格子可在左侧看到原文位置；空白格表示原文中没有，需要自己填写。`}
          />
          <Tabs
            items={tables.map((section) => ({
              key: section.key,
              label: section.heading,
              children: (
                <TableGrid
                  format={format}
                  layout={layouts[section.table!]}
                  figures={checks.figures}
                  findingsByCell={findingsOfCells}
                  notes={notes}
                  onActiveCell={setActiveCell}
                  onEnter={onEnter}
                  onPasted={() => undefined}
                  onUndo={() => dispatch({ type: 'undo' })}
                  onRedo={() => dispatch({ type: 'redo' })}
                  onClearStated={(key) => dispatch({ type: 'edit', change: (r) => withoutStatedTotals(r, [key]), group: `stated:${key}`, at: Date.now() })}
                />
              ),
            }))}
          />
          <Collapse
            className="nb-gap"
            items={[
              {
                key: 'sections',
                label: '识别出的正文',
                children: format.sections
                  .filter((s) => !s.table)
                  .map((s) => (
                    <div key={s.key} className="nb-review-section">
                      <h4>{s.heading}</h4>
                      <p>{report.sections[s.key] || '（未找到）'}</p>
                    </div>
                  )),
              },
              ...(review.unmatched.length
                ? [{ key: 'unmatched', label: `未能识别的内容（${review.unmatched.length}）`, children: <ul>{review.unmatched.map((line, i) => <li key={i}>{line}</li>)}</ul> }]
                : []),
            ]}
          />
        </section>
      </div>
    </div>
  );
}
