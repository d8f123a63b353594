import { Form, Input, Select } from 'antd';
import { currentFormat } from '../../shared/format/index.ts';
import { AGENCY_KINDS } from '../../shared/model/deadline.ts';
import type { AgencyKind } from '../../shared/model/deadline.ts';
import { AGENCY_LEVELS } from '../../shared/model/report.ts';
import type { Agency, AgencyLevel } from '../../shared/model/report.ts';

type TextField = 'name' | 'website' | 'websiteUrl' | 'address' | 'phone' | 'contact';

const TEXT_FIELDS: readonly { field: TextField; label: string; placeholder: string; extra?: string }[] = [
  { field: 'name', label: '机关名称', placeholder: '如：杭州市湖滨区人民政府办公室', extra: `报告标题为“机关名称＋年度＋${currentFormat.titleSuffix}”。` },
  { field: 'website', label: '政府网站名称', placeholder: '如：湖滨区人民政府门户网站' },
  { field: 'websiteUrl', label: '网址', placeholder: '如：http://www.hubin.gov.cn' },
  { field: 'address', label: '地址', placeholder: '如：湖滨区人民路1号' },
  { field: 'phone', label: '联系电话', placeholder: '如：0571-12345678' },
  { field: 'contact', label: '其他联系方式', placeholder: '如：邮编、电子邮箱（可不填）' },
];

const LEVEL_OPTIONS = (Object.entries(AGENCY_LEVELS) as [AgencyLevel, string][]).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = (Object.entries(AGENCY_KINDS) as [AgencyKind, string][]).map(([value, label]) => ({ value, label }));

interface AgencyFieldsProps {
  readonly agency: Agency;
  readonly onChange: (agency: Agency, field: keyof Agency) => void;
  readonly autoFocus?: boolean;
  /** Ask for the name when it is missing (in a report, where the title needs it). */
  readonly requireName?: boolean;
  /** Enter in a field submits (a dialog's or the first start's form). */
  readonly onSubmit?: () => void;
}

/** The agency's details: printed in the title, the preamble and the signature. */
export function AgencyFields({ agency, onChange, autoFocus, requireName, onSubmit }: AgencyFieldsProps) {
  const nameMissing = requireName && agency.name.trim() === '';
  return (
    <Form layout="vertical" className="nb-agency-form" requiredMark={false}>
      {TEXT_FIELDS.map(({ field, label, placeholder, extra }) => (
        <Form.Item
          key={field}
          label={label}
          extra={extra}
          {...(field === 'name' && nameMissing ? { validateStatus: 'warning', help: '请填写机关名称' } : {})}
        >
          <Input
            data-field={`agency.${field}`}
            value={agency[field]}
            placeholder={placeholder}
            autoFocus={autoFocus && field === 'name'}
            maxLength={field === 'name' || field === 'website' ? 100 : 200}
            onChange={(e) => onChange({ ...agency, [field]: e.target.value }, field)}
            {...(onSubmit ? { onPressEnter: (e: React.KeyboardEvent) => !e.nativeEvent.isComposing && onSubmit() } : {})}
          />
        </Form.Item>
      ))}
      <Form.Item label="机关层级">
        <Select
          data-field="agency.level"
          value={agency.level}
          options={LEVEL_OPTIONS}
          onChange={(level) => onChange({ ...agency, level }, 'level')}
        />
      </Form.Item>
      <Form.Item label="机关类型" extra="决定报告的公布期限（《条例》第四十九条）。">
        <Select
          data-field="agency.kind"
          value={agency.kind}
          placeholder="请选择"
          options={KIND_OPTIONS}
          onChange={(kind: AgencyKind) => onChange({ ...agency, kind }, 'kind')}
        />
      </Form.Item>
    </Form>
  );
}
