import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, InputNumber, Space, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { formatForYear } from '../../shared/format/index.ts';
import type { SavedFile, SummaryOverview, SummarySum, SummaryUnit } from '../../shared/ipc/contract.ts';
import type { ReviewRow } from '../../shared/summary/index.ts';
import { nianbao, reason } from '../api.ts';
import { useLastAsked } from '../useLastAsked.ts';
import type { SummaryRoute, SummaryView } from '../route.ts';
import { ResolveDialog } from './ResolveDialog.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import { SumView } from './SumView.tsx';
import { UnitsView } from './UnitsView.tsx';
import { UnitView } from './UnitView.tsx';
import { useReceive } from './useReceive.ts';

interface SummaryScreenProps {
  readonly route: SummaryRoute;
  readonly onRoute: (route: SummaryRoute) => void;
  readonly onHome: () => void;
}

const TABS: readonly { view: SummaryView; label: string }[] = [
  { view: 'units', label: '应报单位与接收' },
  { view: 'review', label: '审核' },
  { view: 'sum', label: '汇总' },
];

/**
 * A superior agency's 汇总 of one year: the units expected and the reports received, the
 * review table (one row per unit), one unit's report read-only with notes, and the sum.
 */
export function SummaryScreen({ route, onRoute, onHome }: SummaryScreenProps) {
  const { message } = AntApp.useApp();
  const { agencyId, year, view } = route;
  const [overview, setOverview] = useState<SummaryOverview | undefined>(undefined);
  const [unit, setUnit] = useState<SummaryUnit | undefined>(undefined);
  const [summed, setSummed] = useState<SummarySum | undefined>(undefined);
  const [resolving, setResolving] = useState(false);
  const [written, setWritten] = useState<string | undefined>(undefined);

  // Reads of the workspace may overlap (receiving, notes, choices): only the last one asked for is shown.
  const ask = useLastAsked();
  const load = useCallback(async (): Promise<SummaryOverview | undefined> => {
    const stillWanted = ask();
    try {
      const opened = await nianbao.summary.open({ agencyId, year });
      if (!stillWanted()) return undefined;
      setOverview(opened);
      return opened;
    } catch (error) {
      if (stillWanted()) message.error(reason(error));
      return undefined;
    }
  }, [agencyId, year, message, ask]);

  useEffect(() => {
    setOverview(undefined);
    void load();
  }, [load]);

  const workspaceId = overview?.workspace.id;
  const unitId = route.view === 'unit' ? route.unitId : undefined;

  // An answer that arrives after the clerk moved on (another unit, a newer sum) is dropped.
  useEffect(() => {
    setUnit(undefined);
    if (workspaceId === undefined || unitId === undefined) return;
    let wanted = true;
    nianbao.summary.unit({ workspaceId, unitId }).then(
      (answer) => wanted && setUnit(answer),
      (error: unknown) => wanted && message.error(reason(error)),
    );
    return () => {
      wanted = false;
    };
  }, [workspaceId, unitId, message]);

  useEffect(() => {
    if (workspaceId === undefined || view !== 'sum') return;
    setSummed(undefined);
    let wanted = true;
    nianbao.summary.sum({ workspaceId }).then(
      (answer) => wanted && setSummed(answer),
      (error: unknown) => wanted && message.error(reason(error)),
    );
    return () => {
      wanted = false;
    };
  }, [workspaceId, view, overview, message]);

  const receiving = useReceive(workspaceId, overview?.receiving, (progress) => {
    if (progress.error) message.error(progress.error);
    void load().then((opened) => {
      if (!opened) return;
      const open = opened.files.some((f) => f.reading.status === 'read' && f.match.status !== 'matched') || opened.rows.some((r) => r.needsChoice);
      if (open) setResolving(true);
    });
  });

  const show = (next: SummaryView) => onRoute({ screen: 'summary', agencyId, year, view: next });
  const openUnit = useCallback((row: ReviewRow) => onRoute({ screen: 'summary', agencyId, year, view: 'unit', unitId: row.unitId }), [onRoute, agencyId, year]);

  const exportTo = (call: (workspaceId: number) => Promise<SavedFile>, done: string) => {
    if (workspaceId === undefined) return;
    setWritten(undefined);
    call(workspaceId).then(
      (file) => {
        if (!file) return;
        message.success(`${done}：${file.path}`);
        setWritten(file.path);
      },
      (error: unknown) => message.error(reason(error)),
    );
  };

  let body;
  if (!overview) body = <Spin tip="正在读取…" />;
  else if (view === 'units') {
    body = <UnitsView overview={overview} receiving={receiving} onChanged={() => void load()} onResolve={() => setResolving(true)} />;
  } else if (view === 'unit') {
    body = unit ? (
      <UnitView
        key={unit.row.unitId}
        unit={unit}
        onBack={() => show('review')}
        onNote={async (findingKey, text) => {
          try {
            await nianbao.summary.setNote({ unitId: unit.row.unitId, findingKey, text });
            message.success('备注已保存');
            void load();
          } catch (error) {
            message.error(reason(error));
          }
        }}
        onChooseRevision={(fileId) =>
          void nianbao.summary.chooseRevision({ unitId: unit.row.unitId, fileId }).then(
            () =>
              nianbao.summary
                .unit({ workspaceId: overview.workspace.id, unitId: unit.row.unitId })
                // Shown only if the clerk is still on this unit.
                .then((answer) => setUnit((shown) => (shown?.row.unitId === answer.row.unitId ? answer : shown))),
            (error: unknown) => message.error(reason(error)),
          )
        }
        onExportOpinion={() => exportTo((id) => nianbao.summary.exportOpinion({ workspaceId: id, unitId: unit.row.unitId }), '已导出审核意见')}
      />
    ) : (
      <Spin tip="正在读取…" />
    );
  } else if (view === 'sum') {
    body = summed ? (
      <SumView
        summed={summed}
        onExportXlsx={() => exportTo((id) => nianbao.summary.exportSumXlsx({ workspaceId: id }), '已导出汇总表')}
        onExportReport={() => exportTo((id) => nianbao.summary.exportSumReport({ workspaceId: id }), '已导出汇总的交换文件')}
      />
    ) : (
      <Spin tip="正在汇总…" />
    );
  } else {
    body = (
      <ReviewTable
        rows={overview.rows}
        onOpen={openUnit}
        format={formatForYear(year)}
        actions={
          <Button onClick={() => exportTo((id) => nianbao.summary.exportReview({ workspaceId: id }), '已导出审核表')} data-action="export-review">
            导出审核表
          </Button>
        }
      />
    );
  }

  const current = view === 'unit' ? 'review' : view;
  return (
    <div className="nb-summary">
      <header className="nb-header">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onHome} data-action="home">
          全部报告
        </Button>
        <h1 className="nb-header-title">{overview ? `${overview.workspace.agencyName} · ${year}年度下级报告汇总` : `${year}年度下级报告汇总`}</h1>
        <Space>
          {written && (
            <Button size="small" onClick={() => void nianbao.shell.showInFolder({ path: written })}>
              在文件夹中显示
            </Button>
          )}
          <InputNumber
            aria-label="年度"
            value={year}
            min={2008}
            max={2100}
            precision={0}
            suffix="年度"
            onChange={(value) => value !== null && value >= 2008 && value <= 2100 && onRoute({ ...route, year: value, view: current })}
          />
        </Space>
      </header>
      <nav className="nb-summary-tabs" aria-label="汇总">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            className={`nb-summary-tab${tab.view === current ? ' nb-summary-tab-current' : ''}`}
            aria-current={tab.view === current ? 'page' : undefined}
            onClick={() => show(tab.view)}
            data-tab={tab.view}
          >
            {tab.label}
            {tab.view === 'review' && overview ? `（${overview.rows.filter((r) => r.state === 'errors').length}个有错误）` : ''}
          </button>
        ))}
      </nav>
      <main className="nb-summary-body">{body}</main>
      {resolving && overview && <ResolveDialog overview={overview} onClose={() => setResolving(false)} onChanged={() => void load()} />}
    </div>
  );
}
