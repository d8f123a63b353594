import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import { cellIndex, cellName } from '../../shared/format/index.ts';
import type { ReportFormat } from '../../shared/format/index.ts';
import type { HistoryEntry } from './draftHistory.ts';
import type { Step, StepId } from './steps.ts';
import type { ReportDraft } from './useReportDraft.ts';

/** What an undo step changed, in the clerk's words (from the edit's group). */
export function describeEdit(format: ReportFormat, group: string | undefined): string {
  const [kind = '', detail = ''] = (group ?? '').split(/:(.*)/s);
  switch (kind) {
    case 'cell': {
      const cell = cellIndex(format).byKey.get(detail);
      return cell ? `${cellName(cell)}的数字` : '一格数字';
    }
    case 'paste':
      return '粘贴的一块数据';
    case 'zeros':
      return '全部空格填0';
    case 'section':
      return '正文文字';
    case 'infoFee':
      return format.infoFee?.name ?? '收费数字';
    case 'agency':
      return '机关信息';
    case 'export':
      return '打印设置';
    case 'stated':
      return '改用软件计算的合计';
    default:
      return '一处修改';
  }
}

/**
 * Undo and redo for the step on screen. Ctrl+Z takes back the last change when it was
 * made here; when it was made in another step, it first shows that step and says what
 * the next Ctrl+Z will take back, so nothing changes out of sight.
 */
export function useStepUndo(
  draft: Pick<ReportDraft, 'undo' | 'redo' | 'nextUndo' | 'nextRedo'>,
  format: ReportFormat,
  steps: readonly Step[],
  current: StepId,
  onStep: (step: StepId) => void,
): { readonly undo: () => void; readonly redo: () => void } {
  const { message } = AntApp.useApp();
  const { undo, redo, nextUndo, nextRedo } = draft;
  const guarded = useCallback(
    (entry: HistoryEntry | undefined, run: () => void, verb: string) => {
      if (!entry) return;
      if (entry.place === undefined || entry.place === current) {
        run();
        return;
      }
      const step = steps.find((s) => s.id === entry.place);
      if (!step) {
        run();
        return;
      }
      onStep(step.id);
      void message.info({
        content: `要${verb}的是「${step.title}」中的${describeEdit(format, entry.group)}，已转到这一部分。再按一次即可${verb}。`,
        duration: 6,
        key: 'step-undo',
      });
    },
    [current, steps, onStep, format, message],
  );
  return {
    undo: useCallback(() => guarded(nextUndo, undo, '撤销'), [guarded, nextUndo, undo]),
    redo: useCallback(() => guarded(nextRedo, redo, '重做'), [guarded, nextRedo, redo]),
  };
}
