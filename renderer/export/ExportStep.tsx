import { memo } from 'react';
import { Alert, Button, Checkbox, DatePicker, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import type { CheckResult } from '../../shared/checks/index.ts';
import { reportReadiness } from '../../shared/ipc/reportStatus.ts';
import { cellName, feeCell } from '../../shared/format/index.ts';
import type { ReportFormat } from '../../shared/format/index.ts';
import type { ExportOptions } from '../../shared/model/exportOptions.ts';
import type { Report } from '../../shared/model/report.ts';
import { withAgency } from '../editor/reportEdits.ts';
import { PreviewPages } from './PreviewPages.tsx';
import { OUTPUT_DONE } from './useExports.tsx';
import type { Exports } from './useExports.tsx';

interface ExportStepProps {
  /** False while another step is on screen (the step stays mounted, hidden). */
  readonly active: boolean;
  readonly reportId: number;
  readonly format: ReportFormat;
  readonly report: Report;
  readonly checks: CheckResult;
  readonly exports: Exports;
  readonly edit: (change: (report: Report) => Report, group?: string) => void;
  readonly onShowChecks: () => void;
}

/** 还有 2 个错误、1 项未完成 — what keeps the report from export, each count said once. */
function notReadyText({ mistakes, unfinished }: { mistakes: number; unfinished: number }): string {
  const left = [mistakes > 0 ? `${mistakes} 个错误` : '', unfinished > 0 ? `${unfinished} 项未完成` : ''].filter(Boolean);
  return left.length > 0 ? `还有 ${left.join('、')}` : '尚未完成';
}

/** The print options (remembered with the agency), the pages as they will print, and the exports. */
function ExportStep({ active, reportId, format, report, checks, exports, edit, onShowChecks }: ExportStepProps) {
  const { feeColumn } = format;
  const fee = feeCell(format);
  const { run, busy, written, showInFolder } = exports;
  const options = report.agency.exportOptions;
  const readiness = reportReadiness(checks);

  const setOptions = (patch: Partial<ExportOptions>, group: string): void =>
    edit((r) => withAgency(r, { ...r.agency, exportOptions: { ...r.agency.exportOptions, ...patch } }), `export:${group}`);

  return (
    <div className="nb-export">
      <div className="nb-export-bar">
        {readiness.status !== 'ready' ? (
          <span className="nb-export-status nb-severity-error" data-testid="export-status" data-status={readiness.status}>
            {notReadyText(readiness)}，暂不可导出。<a onClick={onShowChecks}>查看检查结果</a>
          </span>
        ) : (
          <span className="nb-export-status nb-severity-ok" data-testid="export-status" data-status={readiness.status}>
            没有错误{checks.counts.warning ? `（${checks.counts.warning} 个警告，可导出）` : ''}，可以导出。
          </span>
        )}
        <Space wrap>
          <Button type="primary" data-action="export-docx" loading={busy === 'docx'} onClick={() => void run('docx')}>
            导出 Word
          </Button>
          <Button data-action="export-pdf" loading={busy === 'pdf'} onClick={() => void run('pdf')}>
            导出 PDF
          </Button>
          <Button data-action="export-html" loading={busy === 'html'} onClick={() => void run('html')}>
            导出网页
          </Button>
          <Button data-action="export-xlsx" loading={busy === 'xlsx'} onClick={() => void run('xlsx')}>
            导出 Excel
          </Button>
          <Button data-action="print" loading={busy === 'print'} onClick={() => void run('print')}>
            打印
          </Button>
          <Button data-action="export-exchange" loading={busy === 'exchange'} onClick={() => void run('exchange')}>
            导出交换文件
          </Button>
        </Space>
      </div>
      {written && (
        <Alert
          type="success"
          showIcon
          className="nb-gap"
          message={OUTPUT_DONE[written.output]}
          description={<span data-testid="exported-path">{written.path}</span>}
          action={
            <Button size="small" onClick={() => showInFolder(written.path)}>
              在文件夹中显示
            </Button>
          }
        />
      )}
      <div className="nb-export-body">
        <aside className="nb-export-options">
          <h3>打印设置</h3>
          <p className="nb-muted">按机关记住，下次导出沿用。</p>
          {feeColumn && fee && (
            <div className="nb-option">
              <div className="nb-option-label">{fee.tableName}「{cellName(fee, 'inColumn')}」一栏的表头</div>
              <Radio.Group value={options.feeWording} onChange={(e) => setOptions({ feeWording: e.target.value }, 'feeWording')}>
                <Space direction="vertical">
                  <Radio value="official">{feeColumn.header.official}（官方格式）</Radio>
                  <Radio value="fourDecimals">{feeColumn.header.fourDecimals}</Radio>
                </Space>
              </Radio.Group>
            </div>
          )}
          <div className="nb-option">
            <Checkbox checked={options.includePreamble} onChange={(e) => setOptions({ includePreamble: e.target.checked }, 'preamble')}>
              打印前言（依据、统计期限、发布网址、联系方式）
            </Checkbox>
          </div>
          <div className="nb-option">
            <Checkbox checked={options.includeSignature} onChange={(e) => setOptions({ includeSignature: e.target.checked }, 'signature')}>
              文末署机关名称
            </Checkbox>
          </div>
          <div className="nb-option">
            <Checkbox checked={options.includeDate} onChange={(e) => setOptions({ includeDate: e.target.checked }, 'date')}>
              文末署日期
            </Checkbox>
            {options.includeDate && (
              <DatePicker
                className="nb-date"
                allowClear={false}
                value={dayjs(options.signatureDate ?? `${report.year + 1}-01-31`)}
                format="YYYY年M月D日"
                onChange={(date) => date && setOptions({ signatureDate: date.format('YYYY-MM-DD') }, 'signatureDate')}
              />
            )}
          </div>
          <div className="nb-option">
            <Checkbox checked={options.markDraft} onChange={(e) => setOptions({ markDraft: e.target.checked }, 'markDraft')}>
              报告还有错误时，每页标注“草稿”
            </Checkbox>
            {checks.counts.error === 0 && <div className="nb-muted">现在没有错误，不会标注。</div>}
          </div>
        </aside>
        <PreviewPages active={active} reportId={reportId} report={report} />
      </div>
    </div>
  );
}

/** The export step kept mounted while hidden: it is not rendered again until it is shown. */
export const KeptExportStep = memo(ExportStep, (previous, next) => !previous.active && !next.active);
