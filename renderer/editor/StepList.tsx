import { CheckCircleFilled, CloseCircleFilled, DoubleLeftOutlined, DoubleRightOutlined, EditOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Progress } from 'antd';
import type { ReactNode } from 'react';
import { completedCount } from './steps.ts';
import type { Step, StepId, StepProgress, StepStatus } from './steps.ts';

interface StepListProps {
  readonly steps: readonly Step[];
  readonly current: StepId;
  readonly progress: ReadonlyMap<StepId, StepProgress>;
  readonly onStep: (step: StepId) => void;
  /** The pointer rests on a step's button or the focus reaches it: the clerk may open it next. */
  readonly onApproach?: (step: StepId) => void;
  /** Narrow: each step as its status and numeral only (small screens). */
  readonly rail?: boolean;
  /** Widens or narrows the list; absent where there is room for the whole list. */
  readonly onToggle?: (() => void) | undefined;
}

const STATUS_ICONS: Readonly<Record<StepStatus, ReactNode>> = {
  done: <CheckCircleFilled className="nb-step-icon-done" />,
  errors: <CloseCircleFilled className="nb-step-icon-errors" />,
  started: <EditOutlined className="nb-step-icon-started" />,
  empty: <MinusCircleOutlined className="nb-step-icon-empty" />,
};

const STATUS_NAMES: Readonly<Record<StepStatus, string>> = { done: '已完成', errors: '有错误', started: '填写中', empty: '未开始' };

/** The guided flow's steps with what is complete: one glance shows what is left to do. */
export function StepList({ steps, current, progress, onStep, onApproach, rail = false, onToggle }: StepListProps) {
  const { done, total } = completedCount(steps, progress);
  return (
    <nav className={`nb-steps${rail ? ' nb-steps-rail' : ''}`} aria-label="填报步骤">
      {onToggle && (
        <button
          type="button"
          className="nb-steps-toggle"
          onClick={onToggle}
          data-action="toggle-steps"
          aria-expanded={!rail}
          title={rail ? '展开步骤列表' : '收起步骤列表'}
        >
          {rail ? <DoubleRightOutlined /> : <DoubleLeftOutlined />}
          {!rail && <span>收起</span>}
        </button>
      )}
      <div className="nb-steps-progress">
        <span>{rail ? `${done}/${total}` : `已完成 ${done}/${total} 部分`}</span>
        <Progress percent={Math.round((done / total) * 100)} showInfo={false} size="small" />
      </div>
      <ol>
        {steps.map((step) => {
          const state = progress.get(step.id);
          const status = state?.status ?? 'empty';
          return (
            <li key={step.id}>
              <button
                type="button"
                className={`nb-step nb-step-${status}${step.id === current ? ' nb-step-current' : ''}`}
                aria-current={step.id === current ? 'step' : undefined}
                data-step={step.id}
                data-status={status}
                onClick={() => onStep(step.id)}
                onPointerEnter={() => onApproach?.(step.id)}
                onFocus={() => onApproach?.(step.id)}
                title={rail ? `${step.title}：${state?.note ?? ''}` : undefined}
              >
                <span className="nb-step-icon" title={STATUS_NAMES[status]}>
                  {STATUS_ICONS[status]}
                </span>
                {rail ? (
                  <span className="nb-step-short">{step.short}</span>
                ) : (
                  <span className="nb-step-text">
                    <span className="nb-step-name">{step.title}</span>
                    {state && <span className="nb-step-note">{state.note}</span>}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
