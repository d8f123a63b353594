import { Empty } from 'antd';
import { SEVERITY_LABELS } from '../../shared/checks/index.ts';
import type { Finding, Severity } from '../../shared/checks/index.ts';

interface ChecksPanelProps {
  readonly findings: readonly Finding[];
  /** Where a finding is, as the user knows it (the step's title). */
  readonly placeOf: (finding: Finding) => string;
  readonly onJump: (finding: Finding) => void;
  /** What to say when there is nothing to list. */
  readonly emptyText: string;
}

type Group = 'unfinished' | Severity;
const ORDER: readonly Group[] = ['unfinished', 'error', 'warning', 'hint'];
const GROUP_LABELS: Readonly<Record<Group, string>> = { unfinished: '未完成', ...SEVERITY_LABELS };

function groupOf(finding: Finding): Group {
  return finding.kind === 'unfinished' ? 'unfinished' : finding.severity;
}

/**
 * Every finding, grouped: what is still to write (未完成, which keeps the report from
 * 可导出 as on the home screen), then errors, warnings and hints; clicking one goes to
 * its cell or paragraph.
 */
export function ChecksPanel({ findings, placeOf, onJump, emptyText }: ChecksPanelProps) {
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <div className="nb-checks">
      {ORDER.map((kind) => {
        const group = findings.filter((f) => groupOf(f) === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} className={`nb-checks-group nb-severity-${kind}`} data-severity={kind}>
            <h3>
              {GROUP_LABELS[kind]}
              <span className="nb-checks-count">{group.length}</span>
            </h3>
            <ul>
              {group.map((finding) => (
                <li key={finding.id}>
                  <button type="button" className="nb-finding" data-finding={finding.id} onClick={() => onJump(finding)}>
                    {placeOf(finding) && <span className="nb-finding-place">{placeOf(finding)}</span>}
                    <span className="nb-finding-message">{finding.message}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
