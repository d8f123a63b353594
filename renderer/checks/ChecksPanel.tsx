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

const ORDER: readonly Severity[] = ['error', 'warning', 'hint'];

/** Every finding, grouped by severity; clicking one goes to its cell or paragraph. */
export function ChecksPanel({ findings, placeOf, onJump, emptyText }: ChecksPanelProps) {
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <div className="nb-checks">
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className={`nb-checks-group nb-severity-${severity}`} data-severity={severity}>
            <h3>
              {SEVERITY_LABELS[severity]}
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
