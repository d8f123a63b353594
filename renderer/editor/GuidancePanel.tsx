import { CloseOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { Finding } from '../../shared/checks/index.ts';
import { currentFormat } from '../../shared/format/index.ts';
import { ChecksPanel } from '../checks/ChecksPanel.tsx';
import { isBlankCells } from './steps.ts';
import type { Step, StepProgress } from './steps.ts';

interface GuidancePanelProps {
  readonly step: Step;
  readonly progress: StepProgress | undefined;
  readonly onJump: (finding: Finding) => void;
  /** Closes the panel where it is a drawer (small screens). */
  readonly onClose?: (() => void) | undefined;
}

const AGENCY_GUIDANCE =
  `报告标题为“机关名称＋年度＋${currentFormat.titleSuffix}”。网站、地址和电话用于报告开头的说明（可在“预览与导出”中选择是否打印）。这些信息按机关保存，下一年的报告自动沿用。`;

/**
 * Beside the editor: what the official format asks of this part, and its open findings.
 * Blank cells are one line here (a new table would otherwise list every row).
 */
export function GuidancePanel({ step, progress, onJump, onClose }: GuidancePanelProps) {
  const findings = progress?.findings ?? [];
  const blanks = findings.filter(isBlankCells);
  const blankCells = blanks.reduce((n, f) => n + f.location.cells.length, 0);
  return (
    <aside className="nb-guidance" aria-label="填写要求">
      {onClose && <Button type="text" size="small" className="nb-guidance-close" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭" />}
      <section className="nb-guidance-text">
        <h3>填写要求</h3>
        <p data-testid="guidance">{step.section?.guidance ?? AGENCY_GUIDANCE}</p>
      </section>
      <section className="nb-guidance-checks">
        <h3>本部分的检查结果</h3>
        {blanks.length > 0 && (
          <button type="button" className="nb-finding nb-blank-summary" onClick={() => onJump(blanks[0]!)}>
            还有 {blankCells} 格未填写，没有的填 0。点击跳到第一个空格。
          </button>
        )}
        <ChecksPanel
          findings={findings.filter((f) => !blanks.includes(f))}
          placeOf={() => ''}
          onJump={onJump}
          emptyText={blanks.length ? '填写完整后再检查勾稽关系' : '本部分没有发现问题'}
        />
      </section>
    </aside>
  );
}
