import { ArrowLeftOutlined, EyeOutlined, HistoryOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { SaveIndicator } from './SaveIndicator.tsx';
import type { ReportDraft } from './useReportDraft.ts';

interface EditorHeaderProps {
  readonly title: string;
  readonly draft: ReportDraft;
  /** Undo and redo for the step on screen. */
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onHome: () => void;
  readonly onHistory: () => void;
  readonly onPreview: () => void;
  /** The pointer rests on 预览 or the focus reaches it. */
  readonly onPreviewApproach: () => void;
}

export function EditorHeader({ title, draft, onUndo, onRedo, onHome, onHistory, onPreview, onPreviewApproach }: EditorHeaderProps) {
  return (
    <header className="nb-header">
      <Button type="text" icon={<ArrowLeftOutlined />} onClick={onHome} data-action="home">
        全部报告
      </Button>
      <h1 className="nb-header-title" title={title}>
        {title}
      </h1>
      <SaveIndicator state={draft.saveState} />
      <Space size={4}>
        <Tooltip title="撤销（Ctrl+Z）">
          <Button icon={<UndoOutlined />} disabled={!draft.nextUndo} onClick={onUndo} aria-label="撤销" data-action="undo" />
        </Tooltip>
        <Tooltip title="重做（Ctrl+Y）">
          <Button icon={<RedoOutlined />} disabled={!draft.nextRedo} onClick={onRedo} aria-label="重做" data-action="redo" />
        </Tooltip>
        <Button icon={<HistoryOutlined />} onClick={onHistory} data-action="history">
          历史版本
        </Button>
        <Button icon={<EyeOutlined />} onClick={onPreview} onPointerEnter={onPreviewApproach} onFocus={onPreviewApproach}>
          预览
        </Button>
      </Space>
    </header>
  );
}
