import { useState } from 'react';
import { App as AntApp, Modal, Radio, Select, Space } from 'antd';
import type { SummaryOverview } from '../../shared/ipc/contract.ts';
import type { ReceivedFile } from '../../shared/summary/index.ts';
import { nianbao, reason } from '../api.ts';

interface ResolveDialogProps {
  readonly overview: SummaryOverview;
  readonly onClose: () => void;
  readonly onChanged: () => void;
}

/** 'none': the file belongs to none of the units (left aside). */
type UnitAnswer = number | 'none';

function agencyOf(file: ReceivedFile): string {
  return file.reading.status === 'read' && file.reading.agency ? file.reading.agency : '（报告中未写机关名称）';
}

/**
 * What receiving could not decide alone: the unit of a file whose agency fits no unit (or
 * two equally), and which revision counts for a unit received more than once. Nothing is
 * guessed; what the reviewer leaves unanswered stays listed.
 */
export function ResolveDialog({ overview, onClose, onChanged }: ResolveDialogProps) {
  const { message } = AntApp.useApp();
  const unassigned = overview.files.filter((f) => f.reading.status === 'read' && f.match.status !== 'matched');
  const duplicates = overview.rows.filter((r) => r.needsChoice);
  const [units, setUnits] = useState<Record<number, UnitAnswer>>({});
  // Only what the reviewer picked: a reload while the dialog is open (more files received)
  // keeps it, and a unit not picked shows the revision that counts now.
  const [picked, setPicked] = useState<Record<number, number>>({});
  const revisions: Record<number, number> = Object.fromEntries(duplicates.map((r) => [r.unitId, picked[r.unitId] ?? r.fileId!]));
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      for (const [fileId, unitId] of Object.entries(units)) {
        if (unitId !== 'none') await nianbao.summary.assignFile({ fileId: Number(fileId), unitId });
      }
      for (const [unitId, fileId] of Object.entries(revisions)) await nianbao.summary.chooseRevision({ unitId: Number(unitId), fileId });
      onChanged();
      onClose();
    } catch (error) {
      message.error(reason(error));
    } finally {
      setBusy(false);
    }
  };

  const unitOptions = overview.units.map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal title="处理收到的报告" open width={720} okText="确定" cancelText="稍后处理" confirmLoading={busy} onOk={() => void save()} onCancel={onClose} okButtonProps={{ 'data-action': 'resolve-ok' } as Record<`data-${string}`, string>}>
      {unassigned.length > 0 && (
        <section className="nb-gap" data-testid="unassigned">
          <h4>这些文件没能对应到单位，请指定</h4>
          {unassigned.map((file) => {
            const candidates = file.match.status === 'matched' ? [] : file.match.candidates;
            return (
              <div key={file.id} className="nb-resolve-row" data-file={file.fileName}>
                <div>
                  <strong>{file.fileName}</strong>
                  <div className="nb-muted">
                    报告中的机关：{agencyOf(file)}
                    {file.match.status === 'ambiguous' ? '（与几个单位同样接近）' : ''}
                  </div>
                </div>
                <Select<UnitAnswer>
                  showSearch
                  optionFilterProp="label"
                  placeholder="选择单位"
                  style={{ width: 260 }}
                  value={units[file.id]}
                  onChange={(value) => setUnits({ ...units, [file.id]: value })}
                  options={[
                    ...(candidates.length
                      ? [{ label: '可能是', options: unitOptions.filter((o) => candidates.includes(o.value)) }]
                      : []),
                    { label: '全部单位', options: unitOptions.filter((o) => !candidates.includes(o.value)) },
                    { label: '其他', options: [{ value: 'none' as const, label: '不属于名单中的单位（暂不处理）' }] },
                  ]}
                />
              </div>
            );
          })}
        </section>
      )}
      {duplicates.length > 0 && (
        <section className="nb-gap" data-testid="duplicates">
          <h4>这些单位收到了不止一份报告，请选择采用哪一份（其余的仍然保留）</h4>
          {duplicates.map((row) => {
            const files = overview.files.filter((f) => f.reading.status === 'read' && f.match.status === 'matched' && f.match.unitId === row.unitId);
            return (
              <div key={row.unitId} className="nb-resolve-row" data-unit={row.unitName}>
                <strong>{row.unitName}</strong>
                <Radio.Group value={revisions[row.unitId]} onChange={(e) => setPicked({ ...picked, [row.unitId]: e.target.value as number })}>
                  <Space direction="vertical" size={2}>
                    {files.map((f) => (
                      <Radio key={f.id} value={f.id}>
                        第{f.revision}版：{f.fileName}
                        <span className="nb-muted">（{new Date(f.receivedAt).toLocaleString('zh-CN')}收到）</span>
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </div>
            );
          })}
        </section>
      )}
    </Modal>
  );
}
