import type { CheckResult } from '../checks/index.ts';

/** 草稿: being written; 有错误: checks find errors; 可导出: complete and without errors. */
export const REPORT_STATUSES = { draft: '草稿', errors: '有错误', ready: '可导出' } as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;

export interface Readiness {
  readonly status: ReportStatus;
  /** Errors in what is written (a bad value, a total that does not add up). */
  readonly mistakes: number;
  /** Findings saying something is still to be written (a table row with blank cells, an empty section, template text). */
  readonly unfinished: number;
}

/**
 * A report's status, the same in every place that shows it (the home screen, the checks,
 * export), from the kinds the checks gave their findings: 有错误 when there is a mistake,
 * 草稿 while something is unfinished, else 可导出.
 */
export function reportReadiness(checks: Pick<CheckResult, 'findings'>): Readiness {
  const unfinished = checks.findings.filter((f) => f.kind === 'unfinished').length;
  const mistakes = checks.findings.filter((f) => f.kind === 'mistake').length;
  return { status: mistakes > 0 ? 'errors' : unfinished > 0 ? 'draft' : 'ready', mistakes, unfinished };
}

export function reportStatus(checks: Pick<CheckResult, 'findings'>): ReportStatus {
  return reportReadiness(checks).status;
}
