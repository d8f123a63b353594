import { Form } from 'antd';
import type { Finding } from '../../shared/checks/index.ts';
import type { InfoFeeWords } from '../../shared/format/index.ts';
import { INFO_FEE_KINDS } from '../../shared/model/report.ts';
import type { InfoFee } from '../../shared/model/report.ts';
import { FigureInput } from './FigureInput.tsx';

interface InfoFeeFieldsProps {
  /** The format's words for the figures. */
  readonly words: InfoFeeWords;
  readonly infoFee: InfoFee;
  readonly findingsByCell: ReadonlyMap<string, readonly Finding[]>;
  readonly onChange: (field: keyof InfoFee, value: string | null) => void;
}

/** The fee figures of the section holding them (六、 信息处理费), entered as numbers and printed by the document model. */
export function InfoFeeFields({ words, infoFee, findingsByCell, onChange }: InfoFeeFieldsProps) {
  return (
    <div className="nb-infofee">
      <h3>{words.name}</h3>
      <Form layout="vertical" className="nb-infofee-form">
        {words.figures.map(({ field, label, unit }) => {
          const finding = findingsByCell.get(`infoFee.${field}`)?.find((f) => f.location.field === `infoFee.${field}`);
          const status = finding ? (finding.severity === 'error' ? 'error' : 'warning') : undefined;
          return (
            <Form.Item key={field} label={label} validateStatus={status ?? ''} help={finding?.message}>
              <FigureInput
                field={`infoFee.${field}`}
                kind={INFO_FEE_KINDS[field]}
                value={infoFee[field]}
                suffix={unit}
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
