import { Form } from 'antd';
import type { Finding } from '../../shared/checks/index.ts';
import { INFO_FEE_FIELDS } from '../../shared/model/report.ts';
import type { InfoFee } from '../../shared/model/report.ts';
import { FigureInput } from './FigureInput.tsx';

interface InfoFeeFieldsProps {
  readonly infoFee: InfoFee;
  readonly findingsByCell: ReadonlyMap<string, readonly Finding[]>;
  readonly onChange: (field: keyof InfoFee, value: string | null) => void;
}

const FIELDS = Object.entries(INFO_FEE_FIELDS) as [keyof InfoFee, (typeof INFO_FEE_FIELDS)[keyof InfoFee]][];

/** Section 六's 信息处理费 figures, entered as numbers and printed by the document model. */
export function InfoFeeFields({ infoFee, findingsByCell, onChange }: InfoFeeFieldsProps) {
  return (
    <div className="nb-infofee">
      <h3>信息处理费</h3>
      <Form layout="vertical" className="nb-infofee-form">
        {FIELDS.map(([field, def]) => {
          const finding = findingsByCell.get(`infoFee.${field}`)?.find((f) => f.location.field === `infoFee.${field}`);
          const status = finding ? (finding.severity === 'error' ? 'error' : 'warning') : undefined;
          return (
            <Form.Item key={field} label={def.label} validateStatus={status ?? ''} help={finding?.message}>
              <FigureInput
                field={`infoFee.${field}`}
                kind={def.kind}
                value={infoFee[field]}
                suffix={def.kind === 'count' ? '件' : '元'}
                {...(status ? { status } : {})}
                onChange={(value) => onChange(field, value)}
              />
            </Form.Item>
          );
        })}
      </Form>
    </div>
  );
}
