import { useState } from 'react';
import { App as AntApp, Modal } from 'antd';
import type { AgencyRecord } from '../../shared/ipc/contract.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { AgencyFields } from '../agency/AgencyFields.tsx';
import { nianbao, reason } from '../api.ts';

interface AgencyDialogProps {
  /** The agency to edit; a new one when absent. */
  readonly record: AgencyRecord | undefined;
  readonly onClose: () => void;
  readonly onSaved: (record: AgencyRecord) => void;
}

export function AgencyDialog({ record, onClose, onSaved }: AgencyDialogProps) {
  const { message } = AntApp.useApp();
  const [agency, setAgency] = useState(record?.agency ?? blankAgency());
  const [saving, setSaving] = useState(false);
  const save = async (): Promise<void> => {
    if (agency.name.trim() === '') return void message.warning('请填写机关名称');
    setSaving(true);
    try {
      onSaved(record ? await nianbao.agencies.update({ id: record.id, agency }) : await nianbao.agencies.create({ agency }));
    } catch (error) {
      message.error(reason(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={record ? '机关信息' : '添加机关'}
      open
      width={720}
      okText={record ? '保存' : '添加'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <AgencyFields agency={agency} onChange={setAgency} autoFocus />
    </Modal>
  );
}
