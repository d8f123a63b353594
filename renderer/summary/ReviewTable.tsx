import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Checkbox, Input, Tag, Tooltip } from 'antd';
import type { CarryOverWords, ReportFormat } from '../../shared/format/index.ts';
import { REVIEW_STATE_LABELS } from '../../shared/summary/types.ts';
import type { CarryOverCheck, ReviewRow, ReviewState } from '../../shared/summary/types.ts';
import { stateCounts, visibleRows } from './reviewFilter.ts';
import type { Sorting } from './sorting.ts';
import type { VirtualColumn } from './VirtualRows.tsx';
import { VirtualRows } from './VirtualRows.tsx';

export const STATE_COLORS: Readonly<Record<ReviewState, string>> = { missing: 'default', errors: 'error', warnings: 'warning', passed: 'success' };
const STATES: readonly ReviewState[] = ['errors', 'warnings', 'missing', 'passed'];

function carryOverText(check: CarryOverCheck, carried: CarryOverWords): { text: string; title: string } {
  const compared = `${carried.to}与该单位上年的${carried.from}`;
  if (check.status === 'mismatch') return { text: `不一致（${check.columns.length}列）`, title: `${compared}不一致：${check.columns.join('、')}` };
  if (check.status === 'consistent') return { text: '一致', title: `${compared}一致` };
  return { text: '—', title: '没有该单位上年的报告，无法核对' };
}

const dash = (n: number) => (n === 0 ? '' : String(n));

/** The carry-over column is shown only when the workspace's format carries a row over from last year. */
function columns(onOpen: (row: ReviewRow) => void, carried: CarryOverWords | undefined): VirtualColumn<ReviewRow>[] {
  return [
    {
      key: 'unit',
      title: '单位',
      width: 'minmax(150px, 1.6fr)',
      sortable: true,
      render: (row) => (
        <span title={row.unitName}>
          {row.unitName}
          {row.note && (
            <Tooltip title={`备注：${row.note}`}>
              <span className="nb-muted"> ✎</span>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      key: 'state',
      title: '状态',
      width: '86px',
      sortable: true,
      render: (row) => (
        <Tag color={STATE_COLORS[row.state]} data-state={row.state}>
          {REVIEW_STATE_LABELS[row.state]}
        </Tag>
      ),
    },
    { key: 'errors', title: '错误', width: '58px', sortable: true, render: (row) => <span className="nb-count-error">{dash(row.counts.error)}</span> },
    { key: 'warnings', title: '警告', width: '58px', sortable: true, render: (row) => <span className="nb-count-warning">{dash(row.counts.warning)}</span> },
    {
      key: 'places',
      title: '问题所在',
      width: 'minmax(110px, 1fr)',
      render: (row) => {
        // A report of another year has 有错误 without a finding: the reason comes first, where the eye looks.
        const places = [...(row.otherYear === undefined ? [] : [`报告为${row.otherYear}年度`]), ...row.places].join('、');
        return <span title={places}>{places}</span>;
      },
    },
    ...(carried
      ? [
          {
            key: 'carry',
            title: carried.to,
            width: '96px',
            render: (row: ReviewRow) => {
              if (row.state === 'missing') return null;
              const { text, title } = carryOverText(row.carryOver, carried);
              return <span title={title}>{text}</span>;
            },
          },
        ]
      : []),
    { key: 'prose', title: '文表矛盾', width: '72px', render: (row) => dash(row.proseConflicts) },
    { key: 'uncertain', title: '识别存疑', width: '72px', sortable: true, render: (row) => dash(row.uncertainCells) },
    {
      key: 'file',
      title: '文件',
      width: 'minmax(110px, 1fr)',
      render: (row) => {
        if (row.unreadable) return <span className="nb-text-error" title={row.unreadable}>无法读取：{row.unreadable}</span>;
        if (!row.fileName) return <span className="nb-muted">未收到</span>;
        const revisions = row.revisions > 1 ? `（第${row.revision}版，共${row.revisions}版${row.needsChoice ? '，待选择' : ''}）` : '';
        const year = row.otherYear === undefined ? '' : `${row.otherYear}年度的报告：`;
        return (
          <span title={`${year}${row.fileName}${revisions}`}>
            {year && <span className="nb-text-error">{year}</span>}
            {row.fileName}
            {revisions}
          </span>
        );
      },
    },
    {
      key: 'open',
      title: '',
      width: '64px',
      render: (row) =>
        row.fileId === null ? null : (
          <Button size="small" type="link" onClick={() => onOpen(row)} data-action="open-unit">
            查看
          </Button>
        ),
    },
  ];
}

interface ReviewTableProps {
  readonly rows: readonly ReviewRow[];
  readonly onOpen: (row: ReviewRow) => void;
  /** The format of the workspace's year: its carry-over words name the column. */
  readonly format: ReportFormat;
  /** Buttons at the end of the toolbar (export). */
  readonly actions?: ReactNode;
}

/** One row per expected unit: state, counts and where the problems are; filter, search and sort. */
export function ReviewTable({ rows, onOpen, format, actions }: ReviewTableProps) {
  const [states, setStates] = useState<ReviewState[]>([]);
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<Sorting | undefined>(undefined);
  const shown = useMemo(() => visibleRows(rows, { states, search, sorting }), [rows, states, search, sorting]);
  const counts = stateCounts(rows);
  const carried = format.relations.carryOver?.words;
  const cols = useMemo(() => columns(onOpen, carried), [onOpen, carried]);
  return (
    <>
      {/* One line down to 1024 px wide with four-digit counts: short filter labels under one 只看, a search that gives way. */}
      <div className="nb-summary-toolbar nb-review-toolbar">
        <span className="nb-muted" id="review-filter-label">
          只看
        </span>
        <Checkbox.Group
          aria-labelledby="review-filter-label"
          value={states}
          onChange={(v) => setStates(v)}
          options={STATES.map((state) => ({ value: state, label: <span data-filter={state}>{REVIEW_STATE_LABELS[state]}（{counts[state]}）</span> }))}
        />
        <span className="nb-spacer" />
        <Input.Search allowClear placeholder="按单位名称搜索" className="nb-review-search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="unit-search" />
        <span className="nb-muted nb-nowrap" title="显示的单位 / 全部单位" data-testid="shown-count">
          {shown.length} / {rows.length} 个单位
        </span>
        {actions}
      </div>
      <VirtualRows<ReviewRow>
        label="审核表"
        rows={shown}
        columns={cols}
        rowKey={(row) => String(row.unitId)}
        rowHeight={36}
        onOpen={(row) => row.fileId !== null && onOpen(row)}
        sorting={sorting}
        onSort={setSorting}
        rowData={(row) => ({ 'data-unit': row.unitName, 'data-state': row.state })}
        empty={rows.length === 0 ? '还没有应报单位。请先在“应报单位与接收”中列出单位。' : '没有符合条件的单位'}
      />
    </>
  );
}
