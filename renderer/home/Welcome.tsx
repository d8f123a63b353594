import { useState } from 'react';
import { Button } from 'antd';
import type { AgencyRecord } from '../../shared/ipc/contract.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { AgencyFields } from '../agency/AgencyFields.tsx';
import { useSaveAgency } from '../agency/useSaveAgency.ts';

/** First start: what the app does, and the agency the clerk writes for. */
export function Welcome({ onCreated }: { readonly onCreated: (record: AgencyRecord) => void }) {
  const [agency, setAgency] = useState(blankAgency());
  const { saving, save } = useSaveAgency(undefined, onCreated);
  return (
    <main className="nb-welcome">
      <h2>欢迎使用年报</h2>
      <p>
        按国办公开办函〔2021〕30号格式填写政府信息公开工作年度报告：逐部分填写、自动计算合计、逐格检查勾稽关系，导出 Word、PDF 或打印。所有内容只保存在本机，自动保存，不联网。
      </p>
      <h3>第一步：填写本机关的信息</h3>
      <AgencyFields agency={agency} onChange={setAgency} autoFocus onSubmit={() => void save(agency)} />
      <Button type="primary" size="large" loading={saving} onClick={() => void save(agency)} data-action="create-agency">
        添加机关并开始
      </Button>
    </main>
  );
}
