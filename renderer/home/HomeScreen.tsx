import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Empty, Spin, Switch } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AgencyRecord, ImportReview, ReportSummary } from '../../shared/ipc/contract.ts';
import { AGENCY_LEVELS } from '../../shared/model/report.ts';
import { reason } from '../api.ts';
import { AppButtons } from '../appActions.tsx';
import type { AppActions } from '../appActions.tsx';
import { useMenuCommands } from '../menuCommands.tsx';
import { preloadScreensWhenIdle } from '../screens.tsx';
import { useLastAsked } from '../useLastAsked.ts';
import { AgencyDialog } from './AgencyDialog.tsx';
import { NewReportDialog } from './NewReportDialog.tsx';
import type { ReportSource } from './NewReportDialog.tsx';
import { DeadlineNote } from './DeadlineNote.tsx';
import { agencyOnView, homeData } from './homeData.ts';
import type { HomeData } from './homeData.ts';
import { ReportTable } from './ReportTable.tsx';
import { Welcome } from './Welcome.tsx';

type AgencyId = AgencyRecord['id'];

interface HomeScreenProps {
  readonly agencyId: AgencyId | undefined;
  readonly onAgency: (id: AgencyId) => void;
  readonly onOpen: (report: ReportSummary) => void;
  readonly onReview: (review: ImportReview, agency: AgencyRecord, year: number) => void;
  /** Opens the agency's 汇总 of its subordinate units' reports for a year. */
  readonly onSummary: (agencyId: AgencyId, year: number) => void;
  readonly actions: AppActions;
  /** A new report asked for from the menus before this screen was on view. */
  readonly startWith: ReportSource | undefined;
}

/** Agencies and their reports by year: status, last edited, and new reports. */
export function HomeScreen({ agencyId, onAgency, onOpen, onReview, onSummary, actions, startWith }: HomeScreenProps) {
  const { message, notification } = AntApp.useApp();
  const [home, setHome] = useState<HomeData | undefined>(undefined);
  const [showDeleted, setShowDeleted] = useState(false);
  const [dialog, setDialog] = useState<'newAgency' | 'editAgency' | 'newReport' | undefined>(startWith ? 'newReport' : undefined);
  const [source, setSource] = useState<ReportSource | undefined>(startWith);

  // Reads overlap when the clerk picks agencies quickly: an older answer never replaces a newer one.
  const ask = useLastAsked();
  const load = useCallback(async () => {
    const stillWanted = ask();
    const read = await homeData(agencyId, showDeleted);
    if (!stillWanted()) return;
    for (const failure of read.failures) message.error(failure);
    setHome(read);
  }, [agencyId, showDeleted, message, ask]);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (home) preloadScreensWhenIdle();
  }, [home]);

  const agencies = home?.agencies;
  const active = agencies?.filter((a) => !a.deletedAt) ?? [];
  const selected = agencies && agencyOnView(agencies, agencyId);
  // Until the reports of a newly chosen agency are read, its table shows as loading.
  const reports = home?.reports?.agencyId === selected?.id ? home?.reports?.list : undefined;

  const newReport = (from: ReportSource) => () => {
    if (!selected || selected.deletedAt) return void message.info('请先选择或添加机关');
    setSource(from);
    setDialog('newReport');
  };
  useMenuCommands({ 'new-report': newReport('blank'), 'import-report': newReport('published'), 'import-exchange': newReport('exchange') });

  const withUndo = (what: string, undo: () => Promise<unknown>): void => {
    const key = `deleted-${Date.now()}`;
    notification.info({
      key,
      message: `已将${what}移到回收站`,
      description: '打开“显示回收站”可随时恢复。',
      btn: (
        <Button
          size="small"
          onClick={() => {
            notification.destroy(key);
            void undo().then(() => load(), (e: unknown) => message.error(reason(e)));
          }}
        >
          撤销
        </Button>
      ),
    });
  };

  if (agencies === undefined) return <Spin size="large" fullscreen tip="正在读取…" />;

  return (
    <div className="nb-home">
      <header className="nb-header">
        <h1 className="nb-header-title nb-brand">年报 · 政府信息公开工作年度报告</h1>
        <AppButtons actions={actions} />
      </header>
      {active.length === 0 && !showDeleted ? (
        <Welcome onCreated={(record) => void load().then(() => onAgency(record.id))} />
      ) : (
        <div className="nb-home-body">
          <nav className="nb-agencies" aria-label="机关">
            <div className="nb-agencies-head">
              <h2>机关</h2>
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('newAgency')} data-action="new-agency">
                添加
              </Button>
            </div>
            <ul>
              {agencies.map((record) => (
                <li key={record.id}>
                  <button
                    type="button"
                    className={`nb-agency${record.id === selected?.id ? ' nb-agency-current' : ''}${record.deletedAt ? ' nb-deleted' : ''}`}
                    data-agency={record.agency.name}
                    onClick={() => onAgency(record.id)}
                  >
                    <span className="nb-agency-name">{record.agency.name}</span>
                    <span className="nb-agency-level">{AGENCY_LEVELS[record.agency.level]}</span>
                  </button>
                </li>
              ))}
            </ul>
            <label className="nb-recycle">
              <Switch size="small" checked={showDeleted} onChange={setShowDeleted} /> 显示回收站
            </label>
          </nav>
          <main className="nb-home-main">
            {selected && <DeadlineNote agency={selected} reports={reports} today={new Date()} onEditAgency={() => setDialog('editAgency')} />}
            {selected ? (
              <ReportTable
                agency={selected}
                reports={reports}
                onOpen={onOpen}
                onNew={newReport('blank')}
                onSummary={(year) => onSummary(selected.id, year)}
                onEditAgency={() => setDialog('editAgency')}
                onChanged={() => void load()}
                onDeleted={(what, undo) => {
                  withUndo(what, undo);
                  void load();
                }}
              />
            ) : (
              <Empty description="请选择或添加机关" />
            )}
          </main>
        </div>
      )}
      {(dialog === 'newAgency' || dialog === 'editAgency') && (
        <AgencyDialog
          record={dialog === 'editAgency' ? selected : undefined}
          onClose={() => setDialog(undefined)}
          onSaved={(record) => {
            setDialog(undefined);
            void load().then(() => onAgency(record.id));
          }}
        />
      )}
      {dialog === 'newReport' && selected && (
        <NewReportDialog
          agency={selected}
          initialSource={source}
          existingYears={(reports ?? []).filter((r) => !r.deletedAt).map((r) => r.year)}
          onClose={() => setDialog(undefined)}
          onCreated={(report) => {
            setDialog(undefined);
            onOpen(report);
          }}
          onReview={(review, year) => {
            setDialog(undefined);
            onReview(review, selected, year);
          }}
        />
      )}
    </div>
  );
}
