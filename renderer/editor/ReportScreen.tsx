import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Spin } from 'antd';
import { checkReport } from '../../shared/checks/index.ts';
import type { Finding } from '../../shared/checks/index.ts';
import type { OpenedReport } from '../../shared/ipc/contract.ts';
import { reportFormat } from '../../shared/model/report.ts';
import type { Agency, Report } from '../../shared/model/report.ts';
import { AgencyFields } from '../agency/AgencyFields.tsx';
import { LocalRequirementsFields } from '../agency/LocalRequirementsFields.tsx';
import { nianbao, reason } from '../api.ts';
import { ChecksPanel } from '../checks/ChecksPanel.tsx';
import { findingsByCell } from '../checks/findingsByCell.ts';
import { focusTarget, targetOfFinding } from '../checks/findingTarget.ts';
import type { FocusTarget } from '../checks/findingTarget.ts';
import { requestPreview } from '../export/previewDocuments.ts';
import { useBackgroundPreview } from '../export/useBackgroundPreview.ts';
import { useExports } from '../export/useExports.tsx';
import type { Output } from '../export/useExports.tsx';
import { useMenuCommands } from '../menuCommands.tsx';
import { ExportStep, preloadScreensWhenIdle } from '../screens.tsx';
import { EditorHeader } from './EditorHeader.tsx';
import { GuidancePanel } from './GuidancePanel.tsx';
import { HistoryDrawer } from './HistoryDrawer.tsx';
import { imeComposing } from './imeComposition.ts';
import { openReport } from './openReport.ts';
import { withAgency } from './reportEdits.ts';
import { SectionStep } from './SectionStep.tsx';
import { StepList } from './StepList.tsx';
import { flowSteps, isBlankCells, stepOfFinding, stepProgress } from './steps.ts';
import type { StepId } from './steps.ts';
import { useReportDraft } from './useReportDraft.ts';
import { useCompactScreen, useRememberedSwitch } from './useScreenLayout.ts';
import { useStepUndo } from './useStepUndo.ts';

type ReportId = OpenedReport['summary']['id'];

interface ReportScreenProps {
  readonly reportId: ReportId;
  readonly step: StepId;
  readonly onStep: (step: StepId) => void;
  readonly onHome: () => void;
}

/** Opens a report and shows the guided flow once it is loaded. */
export function ReportScreen({ reportId, step, onStep, onHome }: ReportScreenProps) {
  const [opened, setOpened] = useState<OpenedReport | { error: string } | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    setOpened(undefined);
    openReport(reportId).then(
      (result) => !cancelled && setOpened(result),
      (error: unknown) => !cancelled && setOpened({ error: reason(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [reportId]);
  if (!opened) return <Spin size="large" className="nb-loading" tip="正在打开报告…" fullscreen />;
  if ('error' in opened) {
    return <Result status="error" title="无法打开报告" subTitle={opened.error} extra={<Button onClick={onHome}>返回报告列表</Button>} />;
  }
  return <ReportEditor key={opened.summary.id} opened={opened} step={step} onStep={onStep} onHome={onHome} />;
}

const AGENCY_SYNC_MS = 800;

interface ReportEditorProps {
  readonly opened: OpenedReport;
  readonly step: StepId;
  readonly onStep: (step: StepId) => void;
  readonly onHome: () => void;
}

function ReportEditor({ opened, step, onStep, onHome }: ReportEditorProps) {
  const { summary, lastYear } = opened;
  const draft = useReportDraft(summary.id, opened.report, summary.updatedAt);
  const { report, flush } = draft;
  const format = reportFormat(report);
  const checks = useMemo(() => checkReport(report, lastYear ? { previous: lastYear } : {}), [report, lastYear]);
  const findingsOfCells = useMemo(() => findingsByCell(checks.findings), [checks]);
  const steps = useMemo(() => flowSteps(format), [format]);
  const progress = useMemo(() => stepProgress(format, report, checks), [format, report, checks]);
  const current = steps.find((s) => s.id === step) ?? steps[0]!;
  // Heading for the preview asks for its pages at once: they are printed while its screen is
  // drawn. The pointer resting on its button, or the focus reaching it, asks already: the
  // click follows a moment later (150 ms or more for a clerk's hand) and takes that answer.
  // Not while an input method composes: the click ends the composition and asks for the words chosen.
  const approach = (id: StepId) => {
    if (id === 'export' && !imeComposing()) void requestPreview(summary.id, report).catch(() => undefined);
  };
  const toStep = (id: StepId) => {
    approach(id);
    onStep(id);
  };
  const [exportKept, setExportKept] = useState(false);
  useBackgroundPreview(summary.id, report, exportKept && current.id !== 'export');
  // Every edit remembers the step it was made in, for undo per step.
  const editIn = draft.edit;
  const edit = useCallback((change: (report: Report) => Report, group?: string) => editIn(change, group, current.id), [editIn, current.id]);
  const { undo, redo } = useStepUndo(draft, format, steps, current.id, onStep);
  const compact = useCompactScreen();
  const [railOpen, setRailOpen] = useRememberedSwitch('steps-open', false);
  const [drawerOpen, setDrawerOpen] = useRememberedSwitch('guidance-open', false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [focus, setFocus] = useState<FocusTarget | undefined>(undefined);
  const main = useRef<HTMLElement>(null);

  // The agency's details are kept with the agency too, for its next reports.
  const agencySynced = useRef<Agency>(report.agency);
  const latestAgency = useRef<Agency>(report.agency);
  latestAgency.current = report.agency;
  const [agencyError, setAgencyError] = useState<string | undefined>(undefined);
  const syncAgency = useCallback(() => {
    const agency = latestAgency.current;
    if (agency === agencySynced.current) return;
    agencySynced.current = agency;
    nianbao.agencies.update({ id: summary.agencyId, agency }).then(
      () => setAgencyError(undefined),
      (error: unknown) => setAgencyError(reason(error)),
    );
  }, [summary.agencyId]);
  useEffect(() => {
    const timer = setTimeout(syncAgency, AGENCY_SYNC_MS);
    return () => clearTimeout(timer);
  }, [report.agency, syncAgency]);
  // Leaving the report sends what is still pending.
  useEffect(() => syncAgency, [syncAgency]);

  const jump = useCallback(
    (finding: Finding) => {
      const target = targetOfFinding(format, finding);
      onStep(target.step);
      setFocus(target);
    },
    [format, onStep],
  );

  // A jump focuses its cell or paragraph once the step is on screen.
  useEffect(() => {
    if (!focus || focus.step !== current.id) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      if (focusTarget(focus) || ++frames > 10) setFocus(undefined);
      else handle = requestAnimationFrame(attempt);
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  }, [focus, current.id]);

  useEffect(() => {
    main.current?.scrollTo({ top: 0 });
  }, [current.id]);

  useEffect(preloadScreensWhenIdle, []);

  // Undo/redo outside text fields (text fields keep their own undo while typing).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const exports = useExports(summary.id, checks, flush, () => onStep('checks'));
  const exportFromMenu = (output: Output) => () => {
    toStep('export');
    void exports.run(output);
  };
  useMenuCommands({
    'export-docx': exportFromMenu('docx'),
    'export-pdf': exportFromMenu('pdf'),
    'export-html': exportFromMenu('html'),
    'export-xlsx': exportFromMenu('xlsx'),
    'export-exchange': exportFromMenu('exchange'),
    print: exportFromMenu('print'),
    revisions: () => setHistoryOpen(true),
  });

  const placeOf = (finding: Finding): string => steps.find((s) => s.id === stepOfFinding(format, finding))?.title ?? '';
  const title = `${report.agency.name || '（未填写机关名称）'}${report.year}年${format.titleSuffix}`;

  let content;
  if (current.id === 'agency') {
    content = (
      <>
        {agencyError && <Alert type="warning" showIcon message={`机关信息未能同步到机关档案：${agencyError}`} className="nb-gap" />}
        <AgencyFields agency={report.agency} requireName onChange={(agency, field) => edit((r) => withAgency(r, agency), `agency:${field}`)} />
        <LocalRequirementsFields
          requirements={report.agency.localRequirements}
          onChange={(localRequirements) => edit((r) => withAgency(r, { ...r.agency, localRequirements }), 'agency:localRequirements')}
        />
      </>
    );
  } else if (current.section) {
    content = (
      <SectionStep
        format={format}
        section={current.section}
        report={report}
        figures={checks.figures}
        findingsByCell={findingsOfCells}
        edit={edit}
        undo={undo}
        redo={redo}
        reportId={summary.id}
        lastYear={lastYear}
      />
    );
  } else if (current.id === 'checks') {
    content = <ChecksPanel findings={checks.findings} placeOf={placeOf} onJump={jump} emptyText="没有发现问题，可以导出。" />;
  }
  // Once shown, the export step stays mounted (hidden on other steps): coming back to an
  // unchanged report shows its drawn preview pages at once instead of building them again.
  const onExport = current.id === 'export';
  if (onExport && !exportKept) setExportKept(true);

  const wide = current.id === 'export' || current.id === 'checks';
  const stepProgressHere = progress.get(current.id);
  const layoutClass = [
    'nb-editor-body',
    wide ? 'nb-editor-wide' : '',
    compact ? 'nb-compact' : '',
    compact && !railOpen ? 'nb-rail' : '',
    compact && drawerOpen && !wide ? 'nb-drawer-open' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const openFindings = stepProgressHere?.findings.filter((f) => !isBlankCells(f)).length ?? 0;
  return (
    <div className="nb-editor">
      <EditorHeader
        title={title}
        draft={draft}
        onUndo={undo}
        onRedo={redo}
        onHome={() => void flush().finally(onHome)}
        onHistory={() => setHistoryOpen(true)}
        onPreview={() => toStep('export')}
        onPreviewApproach={() => approach('export')}
      />
      <div className={layoutClass}>
        <StepList
          steps={steps}
          current={current.id}
          progress={progress}
          onStep={toStep}
          onApproach={approach}
          rail={compact && !railOpen}
          onToggle={compact ? () => setRailOpen(!railOpen) : undefined}
        />
        <main className={`nb-editor-main${current.section?.table ? ' nb-editor-main-grid' : ''}`} ref={main}>
          <div className="nb-step-head">
            <h2 className="nb-step-title">{current.title}</h2>
            {compact && !wide && (
              <Button
                size="small"
                icon={drawerOpen ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
                onClick={() => setDrawerOpen(!drawerOpen)}
                data-action="toggle-guidance"
                aria-expanded={drawerOpen}
              >
                填写要求与检查{openFindings ? `（${openFindings}）` : ''}
              </Button>
            )}
          </div>
          {content}
          {exportKept && (
            <div hidden={!onExport}>
              <ExportStep.Screen
                active={onExport}
                reportId={summary.id}
                format={format}
                report={report}
                checks={checks}
                exports={exports}
                edit={edit}
                onShowChecks={() => onStep('checks')}
              />
            </div>
          )}
        </main>
        {!wide && (!compact || drawerOpen) && (
          <GuidancePanel step={current} progress={stepProgressHere} onJump={jump} onClose={compact ? () => setDrawerOpen(false) : undefined} />
        )}
      </div>
      <HistoryDrawer
        open={historyOpen}
        reportId={summary.id}
        onClose={() => setHistoryOpen(false)}
        flush={flush}
        onRestored={(restored) => draft.replace(restored.report, restored.summary.updatedAt)}
      />
    </div>
  );
}
