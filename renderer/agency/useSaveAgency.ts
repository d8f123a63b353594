import { useState } from 'react';
import { App as AntApp } from 'antd';
import type { AgencyRecord } from '../../shared/ipc/contract.ts';
import type { Agency } from '../../shared/model/report.ts';
import { nianbao, reason } from '../api.ts';

/** Saves an agency's details (a new agency, or `record`'s), saying what is wrong if it cannot. */
export function useSaveAgency(record: AgencyRecord | undefined, onSaved: (record: AgencyRecord) => void) {
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const save = async (agency: Agency): Promise<void> => {
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
  return { saving, save };
}
