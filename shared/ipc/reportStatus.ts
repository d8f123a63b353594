import type { CheckResult } from '../checks/index.ts';
import type { ReportStatus } from './contract.ts';

/** Rules that only say something is not written yet (blank cells, empty sections, no agency name). */
const INCOMPLETE_RULES: ReadonlySet<string> = new Set(['V-BLANK', 'S-EMPTY', 'S-AGENCY']);

/**
 * A report's status in lists: 有错误 when the checks find a real mistake (a bad value, a
 * total that does not add up), 草稿 while something is still unwritten, else 可导出.
 */
export function reportStatus(checks: Pick<CheckResult, 'findings'>): ReportStatus {
  const open = checks.findings.filter((f) => f.severity === 'error' || INCOMPLETE_RULES.has(f.rule));
  if (open.some((f) => f.severity === 'error' && !INCOMPLETE_RULES.has(f.rule))) return 'errors';
  return open.length > 0 ? 'draft' : 'ready';
}
