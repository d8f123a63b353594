import { useState } from 'react';
import { App as AntApp, Button, Input, Modal, Popconfirm, Progress, Space } from 'antd';
import { DeleteOutlined, FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import type { SummaryOverview, UnitsAdded } from '../../shared/ipc/contract.ts';
import type { ExpectedUnit, ReceivedFile } from '../../shared/summary/index.ts';
import { nianbao, reason } from '../api.ts';
import type { Receiving } from './useReceive.ts';
import { VirtualRows } from './VirtualRows.tsx';

interface UnitsViewProps {
  readonly overview: SummaryOverview;
  readonly receiving: Receiving;
  readonly onChanged: () => void;
  /** Opens the answers the reviewer still owes: units for unmatched files, revisions for duplicates. */
  readonly onResolve: () => void;
}

function unitsAddedMessage(result: UnitsAdded): string {
  const skipped = result.skipped.length ? `；${result.skipped.length}个已在名单中，未重复添加（${result.skipped.slice(0, 3).join('、')}${result.skipped.length > 3 ? '等' : ''}）` : '';
  return `添加了${result.added}个单位${skipped}`;
}

/** The units expected to report, and the reports received: add files or a folder, see what could not be read. */
export function UnitsView({ overview, receiving, onChanged, onResolve }: UnitsViewProps) {
  const { message } = AntApp.useApp();
  const [pasting, setPasting] = useState<string | undefined>(undefined);
  const workspaceId = overview.workspace.id;
  const { progress } = receiving;
  const busy = progress !== undefined && !progress.finished;

  const added = (call: Promise<UnitsAdded | null>, after?: () => void): void => {
    call.then(
      (result) => {
        if (!result) return;
        message.success(unitsAddedMessage(result));
        after?.();
        onChanged();
      },
      (error: unknown) => message.error(reason(error)),
    );
  };

  const unitName = new Map(overview.units.map((u) => [u.id, u.name]));
  const unreadable = overview.files.filter((f) => f.reading.status === 'unreadable');
  const unassigned = overview.files.filter((f) => f.reading.status === 'read' && f.match.status !== 'matched');
  const duplicates = overview.rows.filter((r) => r.needsChoice);
  const reported = overview.rows.filter((r) => r.fileId !== null).length;

  return (
    <div className="nb-summary-columns">
      <section className="nb-summary-panel nb-units" aria-label="应报单位">
        <div className="nb-summary-toolbar">
          <h3>应报单位（{overview.units.length}）</h3>
          <span className="nb-spacer" />
          {/* Short labels, the rest in the title: the three fit beside the heading down to 1024 px wide. */}
          <Button size="small" title="每行一个单位，可在其后用Tab或逗号写简称；可直接粘贴Excel的一列" onClick={() => setPasting('')} data-action="type-units">
            粘贴名单
          </Button>
          <Button size="small" title="从Excel、CSV或文本文件导入单位名单" onClick={() => added(nianbao.summary.importUnits({ workspaceId }))} data-action="import-units">
            导入名单
          </Button>
          <Button
            size="small"
            disabled={overview.lastYearUnitCount === 0}
            title={overview.lastYearUnitCount === 0 ? '上一年度没有汇总名单' : `上一年度有${overview.lastYearUnitCount}个单位`}
            onClick={() => added(nianbao.summary.carryUnits({ workspaceId }))}
            data-action="carry-units"
          >
            沿用上年名单
          </Button>
        </div>
        <VirtualRows<ExpectedUnit>
          label="应报单位"
          rows={overview.units}
          rowKey={(u) => String(u.id)}
          rowHeight={32}
          rowData={(u) => ({ 'data-unit': u.name })}
          empty="还没有应报单位：输入或粘贴名单（每行一个单位，简称可写在同一行，用逗号或Tab隔开），或从Excel/CSV导入。"
          columns={[
            { key: 'name', title: '单位', width: 'minmax(140px, 1fr)', render: (u) => <span title={u.name}>{u.name}</span> },
            { key: 'aliases', title: '简称/别名', width: 'minmax(80px, 0.8fr)', render: (u) => <span className="nb-muted">{u.aliases.join('、')}</span> },
            {
              key: 'remove',
              title: '',
              width: '40px',
              render: (u) => (
                <Popconfirm
                  title={`从名单中删除“${u.name}”？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => nianbao.summary.removeUnit({ unitId: u.id }).then(onChanged, (error: unknown) => message.error(reason(error)))}
                >
                  <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={`删除${u.name}`} />
                </Popconfirm>
              ),
            },
          ]}
        />
      </section>
      <section className="nb-summary-panel nb-receive" aria-label="接收报告">
        <div className="nb-summary-toolbar">
          <h3>接收报告</h3>
          <span className="nb-muted">
            已收到 {reported} / {overview.units.length} 个单位
          </span>
          <span className="nb-spacer" />
          <Button icon={<FileAddOutlined />} disabled={busy} onClick={() => receiving.start('files')} data-action="receive-files">
            添加文件
          </Button>
          <Button type="primary" icon={<FolderOpenOutlined />} disabled={busy} onClick={() => receiving.start('folder')} data-action="receive-folder">
            添加文件夹
          </Button>
        </div>
        <p className="nb-hint">可接收年报交换文件（.nianbao）、Word、PDF、网页、Excel和文本格式的报告。按报告中的机关名称（其次按文件名）对应到单位，全称、简称和空格不影响对应。</p>
        {progress && (
          <div className="nb-summary-progress" data-testid="receive-progress">
            <Progress
              percent={progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100)}
              status={progress.finished ? (progress.error ? 'exception' : 'success') : 'active'}
              format={() => `${progress.done}/${progress.total}`}
            />
            {busy ? (
              <Button onClick={receiving.cancel} data-action="cancel-receive">
                取消
              </Button>
            ) : null}
          </div>
        )}
        {progress && (
          <div className="nb-summary-file" data-testid="receive-status">
            {busy
              ? `正在读取：${progress.current ?? '…'}`
              : progress.error
                ? `接收中断：${progress.error}`
                : `${progress.cancelled ? '已取消，' : ''}收到 ${progress.received} 个文件${progress.unreadable ? `，其中 ${progress.unreadable} 个无法读取` : ''}。`}
          </div>
        )}
        {(unassigned.length > 0 || duplicates.length > 0) && (
          <div className="nb-summary-panel nb-gap nb-attention">
            {unassigned.length > 0 && <div>{unassigned.length} 个文件没能对应到单位，请指定。</div>}
            {duplicates.length > 0 && <div>{duplicates.length} 个单位收到了不止一份报告，请选择采用哪一份。</div>}
            <Button size="small" type="primary" className="nb-gap" onClick={onResolve} data-action="resolve">
              处理
            </Button>
          </div>
        )}
        {unreadable.length > 0 && (
          <div className="nb-gap" data-testid="unreadable-files">
            <strong>无法读取的文件（{unreadable.length}）</strong>
            <ul className="nb-plain-list">
              {unreadable.map((file: ReceivedFile) => (
                <li key={file.id} data-file={file.fileName}>
                  <span>{file.fileName}</span>
                  {file.match.status === 'matched' && <span className="nb-muted">（{unitName.get(file.match.unitId)}）</span>}
                  <div className="nb-text-error">{file.reading.status === 'unreadable' ? file.reading.reason : ''}</div>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <Modal
        title="输入或粘贴应报单位名单"
        open={pasting !== undefined}
        okText="添加"
        cancelText="取消"
        onCancel={() => setPasting(undefined)}
        onOk={() => added(nianbao.summary.addUnits({ workspaceId, text: pasting ?? '' }), () => setPasting(undefined))}
      >
        <p className="nb-hint">每行一个单位。同一行可接着写简称或曾用名，用逗号或Tab隔开；从Excel复制的一列或几列可直接粘贴。</p>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={10} value={pasting} onChange={(e) => setPasting(e.target.value)} data-testid="units-text" placeholder={'湖滨县教育局\n湖滨县城关镇人民政府，城关镇'} />
        </Space>
      </Modal>
    </div>
  );
}
