import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { clockTime } from '../time.ts';
import type { SaveState } from './useReportDraft.ts';

/** “已保存 10:42”: when the report last became durable. There is no Save button. */
export function SaveIndicator({ state }: { readonly state: SaveState }) {
  switch (state.status) {
    case 'saved':
      return (
        <span className="nb-save nb-save-saved" data-testid="save-state" data-status="saved">
          <CheckCircleOutlined /> 已保存 {clockTime(state.at)}
        </span>
      );
    case 'pending':
    case 'saving':
      return (
        <span className="nb-save nb-save-saving" data-testid="save-state" data-status={state.status}>
          <LoadingOutlined /> 正在保存…
        </span>
      );
    case 'failed':
      return (
        <span className="nb-save nb-save-failed" data-testid="save-state" data-status="failed" title={state.error}>
          <ExclamationCircleOutlined /> 保存失败，正在重试：{state.error}
        </span>
      );
  }
}
