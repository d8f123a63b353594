import { useCallback, useMemo } from 'react';
import { Alert, App as AntApp, Button } from 'antd';
import type { Finding } from '../../shared/checks/index.ts';
import type { Figures } from '../../shared/figures/figures.ts';
import { cellIndex, tableLayouts } from '../../shared/format/index.ts';
import type { ReportFormat, SectionDef } from '../../shared/format/index.ts';
import type { InfoFee, Report } from '../../shared/model/report.ts';
import { pasteSummary } from '../grid/pasteBlock.ts';
import type { PastePlan } from '../grid/pasteBlock.ts';
import { TableGrid } from '../grid/TableGrid.tsx';
import { repetitionBySection } from '../../shared/checks/index.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { figureSentence, SENTENCE_KINDS } from '../../shared/sentences/figureSentences.ts';
import { filledStarters } from '../../shared/sentences/starters.ts';
import type { SentenceKind } from '../../shared/sentences/figureSentences.ts';
import { InfoFeeFields } from './InfoFeeFields.tsx';
import { besideCells, useYearOverYearToggle, YearOverYearBar } from './YearOverYear.tsx';
import { ProseEditor } from './ProseEditor.tsx';
import { withInfoFee, withoutStatedTotals, withSection, withValues } from './reportEdits.ts';

interface SectionStepProps {
  readonly format: ReportFormat;
  readonly section: SectionDef;
  readonly report: Report;
  readonly figures: Figures;
  readonly findingsByCell: ReadonlyMap<string, readonly Finding[]>;
  readonly edit: (change: (report: Report) => Report, group?: string) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly reportId: number;
  /** The same agency's report of the year before, when there is one. */
  readonly lastYear: Report | null;
}

/** The typed (non-total) cells of a table that are still blank. */
function blankCells(format: ReportFormat, report: Report, table: string): string[] {
  return cellIndex(format)
    .inputs.filter((cell) => cell.table === table && (report.values[cell.key] ?? '').trim() === '')
    .map((cell) => cell.key);
}

/** One section of the report: its table as a grid, or its text (and 六's fee figures). */
export function SectionStep({ format, section, report, figures, findingsByCell, edit, undo, redo, reportId, lastYear }: SectionStepProps) {
  const { message, modal } = AntApp.useApp();
  const [yearOverYear, setYearOverYear] = useYearOverYearToggle();
  const lastYearFigures = useMemo(() => (lastYear ? computeFigures(lastYear) : undefined), [lastYear]);
  const onEnter = useCallback(
    (entries: ReadonlyMap<string, string | null>, group: string) => edit((r) => withValues(r, entries), group),
    [edit],
  );
  const onPasted = useCallback((plan: PastePlan) => void message.info({ content: pasteSummary(plan), duration: 8 }), [message]);
  const onClearStated = useCallback((key: string) => edit((r) => withoutStatedTotals(r, [key]), `stated:${key}`), [edit]);

  if (section.table) {
    const table = section.table;
    const layout = tableLayouts(format, { feeWording: report.agency.exportOptions.feeWording })[table]!;
    const stated = Object.keys(report.statedTotals).filter((key) => figures.get(key).cell.table === table);
    const blanks = blankCells(format, report, table);
    const fillZeros = () =>
      modal.confirm({
        title: '全部空格填0',
        content: `本表还有 ${blanks.length} 个空格，将全部填为 0（合计格由软件计算，不受影响）。填完后可按 Ctrl+Z 一次撤销。`,
        okText: `填入 ${blanks.length} 个 0`,
        cancelText: '取消',
        onOk: () => {
          edit((r) => withValues(r, new Map(blankCells(format, r, table).map((key) => [key, '0'] as const))), `zeros:${Date.now()}`);
          message.success(`已在 ${blanks.length} 个空格中填入 0。按 Ctrl+Z 可撤销。`);
        },
      });
    return (
      <div className="nb-section nb-section-table" data-step-section={section.key}>
        {stated.length > 0 && (
          <Alert
            type="info"
            showIcon
            className="nb-gap"
            message={`本表有 ${stated.length} 个合计取自导入的原文，与按各项计算的结果不同时会报错。`}
            action={
              <Button size="small" onClick={() => edit((r) => withoutStatedTotals(r, stated), 'stated:all')}>
                全部改用软件计算的合计
              </Button>
            }
          />
        )}
        <div className="nb-grid-toolbar">
          <p className="nb-hint">
            方向键、Tab、回车在格子间移动。从 Excel/WPS 复制时连同行名、表头一起复制，按 Ctrl+V 即按名称对应粘贴。灰色的合计格由软件计算。Ctrl+Z 撤销。
          </p>
          <YearOverYearBar reportId={reportId} report={report} lastYear={lastYear} on={yearOverYear} onToggle={setYearOverYear} />
          <Button size="small" disabled={blanks.length === 0} onClick={fillZeros} data-action="fill-zeros">
            全部空格填0{blanks.length ? `（${blanks.length}）` : ''}
          </Button>
        </div>
        <TableGrid
          key={layout.id}
          format={format}
          layout={layout}
          figures={figures}
          findingsByCell={findingsByCell}
          onEnter={onEnter}
          onPasted={onPasted}
          onUndo={undo}
          onRedo={redo}
          onClearStated={onClearStated}
          {...(yearOverYear && lastYear ? { beside: besideCells(report, lastYear, table) } : {})}
        />
      </div>
    );
  }
  return (
    <div className="nb-section" data-step-section={section.key}>
      {section.role === 'infoFee' && format.infoFee && (
        <InfoFeeFields
          words={format.infoFee}
          infoFee={report.infoFee}
          findingsByCell={findingsByCell}
          onChange={(field: keyof InfoFee, value) => edit((r) => withInfoFee(r, field, value), `infoFee:${field}`)}
        />
      )}
      <ProseEditor
        section={section}
        carried={lastYear ? repetitionBySection(report, lastYear).get(section.key) : undefined}
        starters={filledStarters(section.starters, format, figures, report.infoFee)}
        sentences={(Object.keys(SENTENCE_KINDS) as SentenceKind[]).flatMap((kind) => {
          const label = SENTENCE_KINDS[kind](format);
          if (label === undefined) return [];
          const before = lastYear && lastYearFigures ? { figures: lastYearFigures, infoFee: lastYear.infoFee } : undefined;
          return [{ key: kind, label, text: figureSentence(kind, format, { figures, infoFee: report.infoFee }, before) }];
        })}
        text={report.sections[section.key] ?? ''}
        onChange={(text) => edit((r) => withSection(r, section.key, text), `section:${section.key}`)}
      />
    </div>
  );
}
