import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { DoubleLeftOutlined, DoubleRightOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Collapse, InputNumber, Radio, Segmented, Space, Tabs } from 'antd';
import { checkReport } from '../../shared/checks/index.ts';
import { tableLayouts } from '../../shared/format/index.ts';
import type { AgencyRecord, ImportedCell, ImportReview, ReportSummary } from '../../shared/ipc/contract.ts';
import { reportFormat, YEARS } from '../../shared/model/report.ts';
import { yearFormatConflict } from '../../shared/model/yearFormat.ts';
import { nianbao, reason } from '../api.ts';
import { findingsByCell } from '../checks/findingsByCell.ts';
import { draftReducer, startHistory } from '../editor/draftHistory.ts';
import { withoutStatedTotals, withValues } from '../editor/reportEdits.ts';
import { useRememberedSwitch } from '../editor/useScreenLayout.ts';
import { TableGrid } from '../grid/TableGrid.tsx';
import type { CellNote } from '../grid/TableGrid.tsx';
import { SourcePdfPage } from './SourcePdfPage.tsx';

interface ImportReviewScreenProps {
  readonly review: ImportReview;
  readonly agency: AgencyRecord;
  /** The year chosen when the import was started. */
  readonly chosenYear: number;
  readonly onCancel: () => void;
  readonly onCreated: (report: ReportSummary) => void;
}

/** The source text with the line a cell was read from marked (or, without its line number, the first passage like it). */
function SourceText({ text, cell }: { readonly text: string; readonly cell: ImportedCell | undefined }) {
  const mark = useRef<HTMLElement>(null);
  const lines = useMemo(() => text.split('\n'), [text]);
  const byLine = cell?.line !== undefined && lines[cell.line] !== undefined;
  const at = byLine ? lines.slice(0, cell.line).join('\n').length + (cell.line! > 0 ? 1 : 0) : cell?.source ? text.indexOf(cell.source) : -1;
  const length = byLine ? lines[cell.line!]!.length : (cell?.source.length ?? 0);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [at]);
  if (at === -1) return <pre className="nb-source">{text}</pre>;
  return (
    <pre className="nb-source">
      {text.slice(0, at)}
      <mark ref={mark}>{text.slice(at, at + length)}</mark>
      {text.slice(at + length)}
    </pre>
  );
}

/** What the source panel shows of a PDF: its page with the figure outlined, or the text read from it. */
type SourceView = 'page' | 'text';

/**
 * What an import recognised, beside the source text: every figure with how sure the
 * reader is, to confirm or correct before the report is created. Blank stays blank.
 */
/** The note under a cell: what was read and from where, or why it was not read. */
function cellNote(cell: ImportedCell): CellNote {
  const why = cell.note ? `（${cell.note}）` : '';
  if (cell.status === 'unread') return { className: 'nb-cell-unsure', text: `未能读出${why}。原文中可能有这个数，请对照原文填写。${cell.source ? `原文：${cell.source}` : ''}` };
  if (cell.confidence === 'unsure') return { className: 'nb-cell-unsure', text: `识别不确定，请对照原文核对${why}。原文：${cell.source || '（未找到）'}` };
  if (cell.status === 'blank') return { className: 'nb-cell-sure', text: `原文此格为空白。原文：${cell.source}` };
  return { className: 'nb-cell-sure', text: `原文：${cell.source}` };
}

export function ImportReviewScreen({ review, agency, chosenYear, onCancel, onCreated }: ImportReviewScreenProps) {
  const { message, modal } = AntApp.useApp();
  const [history, dispatch] = useReducer(draftReducer, { ...review.report, agency: agency.agency }, startHistory);
  const report = history.report;
  const [year, setYear] = useState(review.year ?? chosenYear);
  /** Which agency the report goes to when the file names another: the one chosen, or a new one of the file's name. */
  const [target, setTarget] = useState<'chosen' | 'file'>('chosen');
  const otherAgency = review.agency !== null && review.agency !== agency.agency.name ? review.agency : null;
  const [activeCell, setActiveCell] = useState<string | undefined>(undefined);
  const [sourceView, setSourceView] = useState<SourceView>('page');
  // Table 3 needs ~930 px: beside the source it is cut even at 1366 px. The clerk can fold the
  // source away to see the whole table, and the app remembers it.
  const [sourceShown, setSourceShown] = useRememberedSwitch('importSourceShown', true);
  const [busy, setBusy] = useState(false);
  const format = reportFormat(report);
  /** Why the year chosen cannot take the report (its year is written in another format), if it cannot. */
  const yearConflict = yearFormatConflict(report, year);
  const checks = useMemo(() => checkReport(report), [report]);
  const findingsOfCells = useMemo(() => findingsByCell(checks.findings), [checks]);
  const cells = useMemo(() => new Map(review.cells.map((c) => [c.key, c])), [review.cells]);
  const notes = useMemo(() => {
    const map = new Map<string, CellNote>();
    for (const cell of review.cells) {
      const typed = report.values[cell.key] ?? null;
      if (typed !== cell.value) map.set(cell.key, { className: 'nb-cell-corrected', text: `已修改（识别为：${cell.value ?? '未能读出'}）` });
      else map.set(cell.key, cellNote(cell));
    }
    return map;
  }, [review.cells, report.values]);
  const active = activeCell ? cells.get(activeCell) : undefined;
  /** A cell of a PDF whose figure has no position (not found, or not placed in a column): its text is shown instead. */
  const withoutPosition = active !== undefined && active.box === undefined;
  const unsure = review.cells.filter((c) => c.confidence === 'unsure' && c.status === 'read').length;
  const unread = review.cells.filter((c) => c.status === 'unread').length;

  const onEnter = useCallback(
    (entries: ReadonlyMap<string, string | null>, group: string) =>
      dispatch({ type: 'edit', change: (r) => withValues(r, entries), group, at: Date.now() }),
    [],
  );

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      const agencyId = otherAgency && target === 'file' ? (await nianbao.agencies.create({ agency: { ...review.report.agency, name: otherAgency } })).id : agency.id;
      onCreated(await nianbao.import.confirm({ agencyId, report: { ...report, year }, fileName: review.fileName }));
    } catch (error) {
      message.error(reason(error));
    } finally {
      setBusy(false);
    }
  };

  const cancel = (): void => {
    if (history.past.length === 0) return onCancel();
    modal.confirm({
      title: '放弃在核对中所做的修改？',
      content: '取消导入后，在这里修改过的格子不会保存。',
      okText: '放弃修改',
      cancelText: '继续核对',
      onOk: onCancel,
    });
  };

  const layouts = tableLayouts(format);
  const tables = format.sections.filter((s) => s.table);
  return (
    <div className="nb-review">
      <header className="nb-header">
        <h1 className="nb-header-title">导入核对：{review.fileName}</h1>
        <Space>
          <span className="nb-muted">导入到“{otherAgency && target === 'file' ? otherAgency : agency.agency.name}”</span>
          <InputNumber value={year} min={YEARS.first} max={YEARS.last} precision={0} suffix="年度" onChange={(v) => v !== null && setYear(v)} />
          <Button onClick={cancel} data-action="cancel-import">取消</Button>
          <Button type="primary" loading={busy} disabled={yearConflict !== undefined} title={yearConflict} onClick={() => void confirm()} data-action="confirm-import">
            确认无误，创建报告
          </Button>
        </Space>
      </header>
      <div className={`nb-review-body${sourceShown ? '' : ' nb-review-source-folded'}`}>
        {sourceShown ? (
          <section className="nb-review-source" aria-label="原文">
            <div className="nb-review-source-bar">
              <h3>原文</h3>
              <Space size={6}>
                {review.pdf && (
                  <Segmented
                    size="small"
                    value={sourceView}
                    onChange={(v) => setSourceView(v as SourceView)}
                    options={[
                      { value: 'page', label: '原页面' },
                      { value: 'text', label: '识别出的文字' },
                    ]}
                  />
                )}
                <Button size="small" icon={<DoubleLeftOutlined />} onClick={() => setSourceShown(false)} data-action="toggle-source" title="收起原文，让表格占满宽度">
                  收起
                </Button>
              </Space>
            </div>
            {review.pdf && sourceView === 'page' && withoutPosition && (
              <Alert type="info" showIcon className="nb-gap" message="此格在PDF中没有找到对应的数字位置，下面是识别出的文字。" />
            )}
            {review.pdf && sourceView === 'page' && !withoutPosition ? (
              <SourcePdfPage pdf={review.pdf} box={active?.box} />
            ) : (
              <SourceText text={review.sourceText} cell={active} />
            )}
          </section>
        ) : (
          <button type="button" className="nb-review-source-rail" onClick={() => setSourceShown(true)} data-action="toggle-source" title="展开原文">
            <DoubleRightOutlined />
            <span>原文</span>
          </button>
        )}
        <section className="nb-review-figures" aria-label="识别结果">
          {otherAgency && (
            <Alert
              type="warning"
              showIcon
              className="nb-gap"
              data-testid="agency-differs"
              message={`文件中的机关是“${otherAgency}”，与当前选择的“${agency.agency.name}”不同。`}
              description={
                <Radio.Group value={target} onChange={(e) => setTarget(e.target.value)}>
                  <Radio value="chosen">导入到“{agency.agency.name}”</Radio>
                  <Radio value="file">新建机关“{otherAgency}”并导入到它</Radio>
                </Radio.Group>
              }
            />
          )}
          {review.year !== null && review.year !== chosenYear && (
            <Alert
              type="warning"
              showIcon
              className="nb-gap"
              data-testid="year-differs"
              message={`文件中的年度是${review.year}年，新建时选择的是${chosenYear}年。`}
              description={
                <Radio.Group value={year} onChange={(e) => setYear(e.target.value)}>
                  <Radio value={review.year}>按文件，作为{review.year}年的报告</Radio>
                  <Radio value={chosenYear}>作为{chosenYear}年的报告</Radio>
                </Radio.Group>
              }
            />
          )}
          {yearConflict && <Alert type="error" showIcon className="nb-gap" data-testid="year-format-conflict" message={yearConflict} />}
          {review.notes.map((note) => (
            <Alert key={note} type="info" showIcon message={note} className="nb-gap" />
          ))}
          <Alert
            type={unsure || unread ? 'warning' : 'success'}
            showIcon
            className="nb-gap"
            message={`识别出 ${review.cells.filter((c) => c.value !== null).length} 个数字${unsure ? `，其中 ${unsure} 个不确定（黄色），请对照原文核对` : ''}${unread ? `；${unread} 个格子未能读出（黄色、留空），原文中可能有，请对照原文填写` : ''}。${sourceShown ? '点中格子可在左侧看到它在原文中的位置。' : '展开左侧的原文，可看到点中的格子在原文中的位置。'}`}
          />
          <Tabs
            items={tables.map((section) => ({
              key: section.key,
              label: section.heading,
              children: (
                <TableGrid
                  format={format}
                  layout={layouts[section.table!]!}
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
