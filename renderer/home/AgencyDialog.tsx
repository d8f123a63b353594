import { useState } from 'react';
import { Modal } from 'antd';
import type { AgencyRecord } from '../../shared/ipc/contract.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { AgencyFields } from '../agency/AgencyFields.tsx';
import { LocalRequirementsFields } from '../agency/LocalRequirementsFields.tsx';
import { useSaveAgency } from '../agency/useSaveAgency.ts';

interface AgencyDialogProps {
  /** The agency to edit; a new one when absent. */
  readonly record: AgencyRecord | undefined;
  readonly onClose: () => void;
  readonly onSaved: (record: AgencyRecord) => void;
}

export function AgencyDialog({ record, onClose, onSaved }: AgencyDialogProps) {
  const [agency, setAgency] = useState(record?.agency ?? blankAgency());
  const { saving, save } = useSaveAgency(record, onSaved);
  return (
    <Modal
      title={record ? '机关信息' : '添加机关'}
      open
      width={720}
      okText={record ? '保存' : '添加'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save(agency)}
      onCancel={onClose}
    >
      <AgencyFields agency={agency} onChange={setAgency} autoFocus onSubmit={() => !saving && void save(agency)} />
      <LocalRequirementsFields requirements={agency.localRequirements} onChange={(localRequirements) => setAgency({ ...agency, localRequirements })} />
    </Modal>
  );
}
