import { App as AntApp, Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { hasLocalRequirements } from '../../shared/model/localRequirements.ts';
import type { LocalRequirements } from '../../shared/model/localRequirements.ts';
import { nianbao, reason } from '../api.ts';

/** The sub-headings superior offices usually require in 一、总体情况 (offered, not imposed). */
const USUAL_SUBHEADINGS = ['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'];

interface LocalRequirementsFieldsProps {
  readonly requirements: LocalRequirements;
  readonly onChange: (requirements: LocalRequirements) => void;
}

/**
 * What the agency's superior office requires beyond the official format: checked as
 * warnings, kept for next year, and handed from office to units as one file.
 */
export function LocalRequirementsFields({ requirements, onChange }: LocalRequirementsFieldsProps) {
  const { message } = AntApp.useApp();
  const set = (patch: Partial<LocalRequirements>) => onChange({ ...requirements, ...patch });
  const exportFile = () =>
    nianbao.requirements.export({ requirements }).then(
      (saved) => saved && void message.success(`已导出本地要求：${saved.path}`),
      (error: unknown) => void message.error(reason(error)),
    );
  const importFile = () =>
    nianbao.requirements.import({}).then(
      (read) => {
        if (!read) return;
        onChange(read);
        void message.success(`已导入${read.issuer ? `“${read.issuer}”的` : ''}本地要求`);
      },
      (error: unknown) => void message.error(reason(error)),
    );
  return (
    <Form layout="vertical" className="nb-agency-form nb-local-requirements" requiredMark={false}>
      <h3>上级要求（本地要求）</h3>
      <p className="nb-hint">上级机关在国办格式之外提出的要求。检查时按警告提示，明年的报告自动沿用；可导出为文件发给各下级单位，下级单位导入即可。</p>
      <Form.Item label="下发单位">
        <Input data-field="requirements.issuer" value={requirements.issuer} maxLength={100} placeholder="如：区政务公开办" onChange={(e) => set({ issuer: e.target.value })} />
      </Form.Item>
      <Form.Item label="“总体情况”字数上限" extra="如“原则上不超过一千字”填1000；不限则留空。">
        <InputNumber
          data-field="requirements.overviewMaxChars"
          min={100}
          max={100000}
          value={requirements.overviewMaxChars}
          onChange={(value) => set({ overviewMaxChars: typeof value === 'number' ? Math.round(value) : null })}
        />
      </Form.Item>
      <Form.Item label="“总体情况”须包含的小标题">
        <Select
          mode="tags"
          data-field="requirements.overviewSubheadings"
          value={[...requirements.overviewSubheadings]}
          options={USUAL_SUBHEADINGS.map((value) => ({ value, label: value }))}
          placeholder="如：主动公开、依申请公开、政府信息管理、平台建设、监督保障"
          onChange={(values: string[]) => set({ overviewSubheadings: values.map((v) => v.trim()).filter(Boolean).slice(0, 12) })}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox data-field="requirements.problemsItemised" checked={requirements.problemsItemised} onChange={(e) => set({ problemsItemised: e.target.checked })}>
          “存在的主要问题及改进情况”须逐条列出问题
        </Checkbox>
      </Form.Item>
      <div className="nb-button-row">
        <Button onClick={importFile} data-action="import-requirements">
          从文件导入…
        </Button>
        <Button onClick={exportFile} disabled={!hasLocalRequirements(requirements)} data-action="export-requirements">
          导出为文件…
        </Button>
      </div>
    </Form>
  );
}
