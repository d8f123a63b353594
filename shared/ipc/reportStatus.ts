import type { CheckResult, Finding } from '../checks/index.ts';
import type { ReportStatus } from './contract.ts';

/** Rules that only say something is not written yet (blank cells, empty sections, no agency name). */
const INCOMPLETE_RULES: ReadonlySet<string> = new Set(['V-BLANK', 'S-EMPTY', 'S-AGENCY']);

/** Whether a finding says that something is still to be written, rather than wrong. */
export function isUnfinished(finding: Pick<Finding, 'rule'>): boolean {
  return INCOMPLETE_RULES.has(finding.rule);
}

export interface Readiness {
  readonly status: ReportStatus;
  /** Errors in what is written (a bad value, a total that does not add up). */
  readonly mistakes: number;
  /** Findings saying something is still to be written (a table row with blank cells, an empty section). */
  readonly unfinished: number;
}

/**
 * A report's status, the same in every place that shows it (the home screen, the checks,
 * export): 有错误 when the checks find a real mistake, 草稿 while something is still
 * unwritten (any blank cell, an empty section), else 可导出.
 */
export function reportReadiness(checks: Pick<CheckResult, 'findings'>): Readiness {
  const unfinished = checks.findings.filter(isUnfinished).length;
  const mistakes = checks.findings.filter((f) => f.severity === 'error' && !isUnfinished(f)).length;
  return { status: mistakes > 0 ? 'errors' : unfinished > 0 ? 'draft' : 'ready', mistakes, unfinished };
}

export function reportStatus(checks: Pick<CheckResult, 'findings'>): ReportStatus {
  return reportReadiness(checks).status;
}
