import { useEffect, useState } from 'react';
import { App as AntApp, Button, Drawer, List, Popconfirm, Spin } from 'antd';
import type { OpenedReport, RevisionSummary } from '../../shared/ipc/contract.ts';
import { nianbao, reason } from '../api.ts';
import { shortDateTime } from '../time.ts';

interface HistoryDrawerProps {
  readonly open: boolean;
  readonly reportId: RevisionSummary['reportId'];
  readonly onClose: () => void;
  /** Saves what is pending before a restore replaces it (the store keeps it as a revision). */
  readonly flush: () => Promise<void>;
  readonly onRestored: (opened: OpenedReport) => void;
}

/** The report's revisions, newest first; restoring one keeps the current text as a revision too. */
export function HistoryDrawer({ open, reportId, onClose, flush, onRestored }: HistoryDrawerProps) {
  const { message } = AntApp.useApp();
  const [revisions, setRevisions] = useState<RevisionSummary[] | undefined>(undefined);

  useEffect(() => {
    if (!open) return;
    setRevisions(undefined);
    let cancelled = false;
    flush()
      .then(() => nianbao.revisions.list({ reportId }))
      .then(
        (list) => !cancelled && setRevisions([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
        (error: unknown) => !cancelled && (setRevisions([]), message.error(reason(error))),
      );
    return () => {
      cancelled = true;
    };
  }, [open, reportId, flush, message]);

  const restore = async (revision: RevisionSummary): Promise<void> => {
    try {
      await flush();
      onRestored(await nianbao.revisions.restore({ id: revision.id }));
      message.success(`已恢复到 ${shortDateTime(revision.createdAt)} 的版本；恢复前的内容也保存为一个版本。`);
      onClose();
    } catch (error) {
      message.error(reason(error));
    }
  };

  return (
    <Drawer title="历史版本" open={open} onClose={onClose} size={420} className="nb-history">
      <p className="nb-muted">软件会在打开、编辑一段时间后、导出和恢复前自动保留版本。恢复不会丢失当前内容。</p>
      {revisions === undefined ? (
        <Spin />
      ) : (
        <List
          dataSource={revisions}
          locale={{ emptyText: '还没有历史版本' }}
          renderItem={(revision) => (
            <List.Item
              data-revision={revision.id}
              actions={[
                <Popconfirm
                  key="restore"
                  title="恢复到这个版本？"
                  description="当前内容会先保存为一个版本。"
                  okText="恢复"
                  cancelText="取消"
                  onConfirm={() => restore(revision)}
                >
                  <Button size="small">恢复</Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta title={`${shortDateTime(revision.createdAt)} · ${revision.reason}`} description={revision.summary} />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
