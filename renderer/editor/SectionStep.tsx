import { useCallback } from 'react';
import { Alert, App as AntApp, Button } from 'antd';
import type { Finding } from '../../shared/checks/index.ts';
import type { Figures } from '../../shared/figures/figures.ts';
import { tableLayouts } from '../../shared/format/index.ts';
import type { ReportFormat, SectionDef } from '../../shared/format/index.ts';
import type { InfoFee, Report } from '../../shared/model/report.ts';
import type { PastePlan } from '../grid/gridModel.ts';
import { TableGrid } from '../grid/TableGrid.tsx';
import { InfoFeeFields } from './InfoFeeFields.tsx';
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
}

function pasteSummary(plan: PastePlan): string {
  const parts = [`已粘贴 ${plan.values.size} 格`];
  if (plan.skippedTotals) parts.push(`${plan.skippedTotals} 个合计格由软件计算，已跳过`);
  if (plan.outside) parts.push(`${plan.outside} 个数值超出表格范围，未粘贴`);
  return parts.join('；');
}

/** One section of the report: its table as a grid, or its text (and 六's fee figures). */
export function SectionStep({ format, section, report, figures, findingsByCell, edit, undo, redo }: SectionStepProps) {
  const { message } = AntApp.useApp();
  const onEnter = useCallback(
    (entries: ReadonlyMap<string, string | null>, group: string) => edit((r) => withValues(r, entries), group),
    [edit],
  );
  const onPasted = useCallback((plan: PastePlan) => void message.info(pasteSummary(plan)), [message]);
  const onClearStated = useCallback((key: string) => edit((r) => withoutStatedTotals(r, [key]), `stated:${key}`), [edit]);

  if (section.table) {
    const layout = tableLayouts(format, { feeWording: report.agency.exportOptions.feeWording })[section.table];
    const stated = Object.keys(report.statedTotals).filter((key) => figures.get(key).cell.table === section.table);
    return (
      <div className="nb-section" data-step-section={section.key}>
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
        <p className="nb-hint">
          方向键、Tab、回车在格子间移动；可从 Excel/WPS 复制一块数据，点中起始格后按 Ctrl+V 粘贴。灰色的合计格由软件计算。Ctrl+Z 撤销。
        </p>
        <TableGrid
          format={format}
          layout={layout}
          figures={figures}
          findingsByCell={findingsByCell}
          onEnter={onEnter}
          onPasted={onPasted}
          onUndo={undo}
          onRedo={redo}
          onClearStated={onClearStated}
        />
      </div>
    );
  }
  return (
    <div className="nb-section" data-step-section={section.key}>
      {section.role === 'infoFee' && (
        <InfoFeeFields
          infoFee={report.infoFee}
          findingsByCell={findingsByCell}
          onChange={(field: keyof InfoFee, value) => edit((r) => withInfoFee(r, field, value), `infoFee:${field}`)}
        />
      )}
      <ProseEditor
        section={section}
        text={report.sections[section.key] ?? ''}
        onChange={(text) => edit((r) => withSection(r, section.key, text), `section:${section.key}`)}
      />
    </div>
  );
}
