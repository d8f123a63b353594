import { useState } from 'react';
import type { ClipboardEvent } from 'react';
import { App as AntApp, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import type { AgencyRecord, ImportReview, ReportSummary } from '../../shared/ipc/contract.ts';
import { formatForYear } from '../../shared/format/index.ts';
import { YEARS } from '../../shared/model/report.ts';
import { nianbao, reason } from '../api.ts';

export type ReportSource = 'blank' | 'lastYear' | 'exchange' | 'published' | 'clipboard';

interface NewReportDialogProps {
  readonly agency: AgencyRecord;
  /** What the user asked for (the menus ask for an import directly); else blank or from last year. */
  readonly initialSource: ReportSource | undefined;
  readonly existingYears: readonly number[];
  readonly onClose: () => void;
  readonly onCreated: (report: ReportSummary) => void;
  /** A published report was read: the user reviews what was recognised before it is created (for the year chosen here). */
  readonly onReview: (review: ImportReview, year: number) => void;
}

/** How a report started from last year's gets its carried figures, in the words of its year's format. */
function carryOverNote(year: number): string {
  const carryOver = formatForYear(year).relations.carryOver;
  return carryOver ? `，“${carryOver.words.to}”取自其“${carryOver.words.from}”` : '';
}

/** Reports are written in January for the year before. */
function defaultYear(existing: readonly number[]): number {
  const year = new Date().getFullYear() - 1;
  return existing.includes(year) ? Math.max(...existing) + 1 : year;
}

export function NewReportDialog({ agency, initialSource, existingYears, onClose, onCreated, onReview }: NewReportDialogProps) {
  const { message } = AntApp.useApp();
  const [year, setYear] = useState(() => defaultYear(existingYears));
  const hasLastYear = existingYears.includes(year - 1);
  const [source, setSource] = useState<ReportSource>(
    initialSource === 'exchange' || initialSource === 'published' ? initialSource : hasLastYear ? 'lastYear' : 'blank',
  );
  const [busy, setBusy] = useState(false);
  /** What was pasted: the text (editable) and, when the clipboard had it, the HTML of the copied table. */
  const [pasted, setPasted] = useState<{ text: string; html?: string }>({ text: '' });
  const taken = existingYears.includes(year) && (source === 'blank' || source === 'lastYear');

  const create = async (): Promise<void> => {
    setBusy(true);
    try {
      if (source === 'blank' || source === 'lastYear') {
        onCreated(await nianbao.reports.create({ agencyId: agency.id, year, from: source }));
      } else if (source === 'exchange') {
        const created = await nianbao.exchange.import();
        if (created) onCreated(created);
      } else if (source === 'clipboard') {
        onReview(await nianbao.import.pasted(pasted), year);
      } else {
        const review = await nianbao.import.read();
        if (review) onReview(review, year);
      }
    } catch (error) {
      message.error(reason(error));
    } finally {
      setBusy(false);
    }
  };

  const choosesFile = source === 'exchange' || source === 'published';
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    const html = event.clipboardData.getData('text/html');
    const text = event.clipboardData.getData('text/plain');
    if (!html && !text) return;
    event.preventDefault();
    setPasted({ text, ...(html ? { html } : {}) });
  };
  return (
    <Modal
      title={`为“${agency.agency.name}”新建报告`}
      open
      width={600}
      okText={choosesFile ? '选择文件…' : source === 'clipboard' ? '读取粘贴的内容' : '创建'}
      cancelText="取消"
      okButtonProps={{ disabled: taken || (source === 'lastYear' && !hasLastYear) || (source === 'clipboard' && pasted.text.trim() === ''), id: 'create-report' }}
      confirmLoading={busy}
      onOk={() => void create()}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label="怎样开始">
          <Radio.Group value={source} onChange={(e) => setSource(e.target.value)}>
            <Space direction="vertical">
              <Radio value="blank">空白报告</Radio>
              <Radio value="lastYear" disabled={!hasLastYear}>
                从上一年的报告开始
                <div className="nb-radio-note">
                  {hasLastYear
                    ? `沿用${year - 1}年报告的机关信息和正文${carryOverNote(year)}。`
                    : `还没有${year - 1}年的报告。可以先导入上一年已发布的报告。`}
                </div>
              </Radio>
              <Radio value="exchange">
                打开交换文件（.nianbao）
                <div className="nb-radio-note">其他电脑上的年报软件导出的报告。归入文件中的机关（没有则新建）；已有同一年度的报告时将被替换，原内容保留在历史版本中。</div>
              </Radio>
              <Radio value="published">
                导入已发布的报告（Word、PDF、网页、Excel 或文本）
                <div className="nb-radio-note">读出正文和表格数字，确认或修改后再创建。识别不出的格子留空，不会猜测。</div>
              </Radio>
              <Radio value="clipboard">
                从剪贴板导入
                <div className="nb-radio-note">在浏览器、PDF阅读器或WPS中复制整份报告或其中一张表格，粘贴到下面。</div>
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {source === 'clipboard' && (
          <Form.Item label="粘贴的内容" help={pasted.html ? '已同时取得复制内容的表格结构（网页格式）。' : '按 Ctrl+V 粘贴。'}>
            <Input.TextArea
              data-testid="paste-target"
              rows={6}
              value={pasted.text}
              placeholder="在这里按 Ctrl+V 粘贴"
              onPaste={onPaste}
              onChange={(e) => setPasted({ text: e.target.value })}
            />
          </Form.Item>
        )}
        {source !== 'exchange' && (
          <Form.Item
            label="报告年度"
            validateStatus={taken ? 'error' : ''}
            help={taken ? `已有${year}年的报告，请直接打开它。` : choosesFile || source === 'clipboard' ? '与导入内容中的年度不同时，核对时可以选择。' : `统计${year}年1月1日至12月31日的情况。`}
          >
            <InputNumber value={year} min={YEARS.first} max={YEARS.last} precision={0} suffix="年" onChange={(v) => v !== null && setYear(v)} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
