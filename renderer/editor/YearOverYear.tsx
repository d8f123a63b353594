import { useMemo, useState } from 'react';
import { App as AntApp, Button, Modal, Switch, Table } from 'antd';
import { changeText, percentText } from '../../shared/document/comparison.ts';
import { compareYears } from '../../shared/figures/comparison.ts';
import type { ComparisonRow } from '../../shared/figures/comparison.ts';
import type { TableId } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { formatFigure } from '../../shared/sentences/change.ts';
import { nianbao, reason } from '../api.ts';

const TOGGLE_KEY = 'nianbao.yearOverYear';

/** Whether tables show last year's figures; remembered on this computer. */
export function useYearOverYearToggle(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(TOGGLE_KEY) === 'on');
  return [on, (value) => {
    localStorage.setItem(TOGGLE_KEY, value ? 'on' : 'off');
    setOn(value);
  }];
}

/** Under each cell of a table: last year's figure and the change (`上年12 +3`). */
export function besideCells(report: Report, lastYear: Report, table: TableId): Map<string, string> {
  const beside = new Map<string, string>();
  for (const row of compareYears(report, lastYear)) {
    if (row.group !== table) continue;
    const before = row.before === null ? '上年—' : `上年${formatFigure(row.before)}`;
    beside.set(row.key, row.change === null || row.change === 0 ? before : `${before} ${changeText(row)}`);
  }
  return beside;
}

const figure = (value: number | null) => (value === null ? '—' : formatFigure(value));

interface YearOverYearBarProps {
  readonly reportId: number;
  readonly report: Report;
  readonly lastYear: Report | null;
  readonly on: boolean;
  readonly onToggle: (on: boolean) => void;
}

/** Above a table: the 与上年对比 toggle and the comparison of every figure, exportable as Word. */
export function YearOverYearBar({ reportId, report, lastYear, on, onToggle }: YearOverYearBarProps) {
  const [open, setOpen] = useState(false);
  if (!lastYear) return <span className="nb-hint nb-yoy-none">没有{report.year - 1}年度的报告，无法与上年对比。</span>;
  return (
    <span className="nb-yoy-bar">
      <label className="nb-yoy-toggle">
        <Switch size="small" checked={on} onChange={onToggle} data-action="year-over-year" /> 与上年对比
      </label>
      <Button size="small" onClick={() => setOpen(true)} data-action="comparison">
        对比表
      </Button>
      {open && <ComparisonDialog reportId={reportId} report={report} lastYear={lastYear} onClose={() => setOpen(false)} />}
    </span>
  );
}

function ComparisonDialog({ reportId, report, lastYear, onClose }: { reportId: number; report: Report; lastYear: Report; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const rows = useMemo(() => compareYears(report, lastYear), [report, lastYear]);
  const [busy, setBusy] = useState(false);
  const exportDocx = () => {
    setBusy(true);
    nianbao.comparison.exportDocx({ reportId }).then(
      (saved) => saved && void message.success(`已导出对比表：${saved.path}`),
      (error: unknown) => void message.error(reason(error)),
    ).finally(() => setBusy(false));
  };
  return (
    <Modal
      open
      width="min(1100px, 94vw)"
      title={`${report.year}年与${lastYear.year}年数据对比`}
      onCancel={onClose}
      footer={[
        <Button key="export" type="primary" loading={busy} onClick={exportDocx} data-action="export-comparison">
          导出Word对比表
        </Button>,
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      <Table<ComparisonRow>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ y: '58vh' }}
        dataSource={rows}
        columns={[
          { title: '部分', dataIndex: 'groupTitle', width: '22%', render: (text: string, row, i) => (i === 0 || rows[i - 1]!.groupTitle !== text ? text : '') },
          { title: '项目', dataIndex: 'label', render: (text: string, row) => `${text}（${row.unit}）` },
          { title: '本年', dataIndex: 'now', width: 80, align: 'right', render: figure },
          { title: '上年', dataIndex: 'before', width: 80, align: 'right', render: figure },
          { title: '增减', key: 'change', width: 80, align: 'right', render: (_: unknown, row) => changeText(row) },
          { title: '增减幅度', key: 'percent', width: 90, align: 'right', render: (_: unknown, row) => percentText(row) },
        ]}
      />
    </Modal>
  );
}
