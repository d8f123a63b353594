import { computeFigures } from '../figures/figures.ts';
import type { Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import { crossYearFindings } from './crossYear.ts';
import type { Finding, Severity } from './finding.ts';
import { findingKind } from './rules.ts';
import { evaluateIdentities, identityFindings } from './identities.ts';
import { localRequirementFindings } from './localRequirements.ts';
import { proseFindings } from './prose.ts';
import { proseFigureFindings } from './proseFigures.ts';
import { repetitionFindings } from './repetition.ts';
import { sectionFindings } from './sections.ts';
import { staleReferenceFindings } from './staleReferences.ts';
import { valueFindings } from './values.ts';

export type { Finding, FindingLocation, Severity } from './finding.ts';
export type { FindingKind, RuleId } from './rules.ts';
export { SEVERITY_LABELS } from './finding.ts';
export { evaluateIdentities, identities } from './identities.ts';
export { repetitionBySection, REPEAT_HINT_ABOVE, REPEAT_WARNING_ABOVE } from './repetition.ts';
export type { Identity, IdentityResult, IdentityStatus } from './identities.ts';

export interface CheckOptions {
  /** Last year's report of the same agency, when known (cross-year rules). */
  readonly previous?: Report;
}

export interface CheckResult {
  readonly figures: Figures;
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<Severity, number>>;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, hint: 2 };

/** Derives totals and runs every rule on a report. Pure; never throws on a valid report. */
export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const format = reportFormat(report);
  const figures = computeFigures(report);
  const previous = options.previous ? { report: options.previous, figures: computeFigures(options.previous) } : undefined;
  const hasInfoFee = Object.values(report.infoFee).some((v) => v !== null && v.trim() !== '');
  const findings: Finding[] = [
    ...valueFindings(report, figures),
    ...identityFindings(figures, evaluateIdentities(figures)),
    ...crossYearFindings(report, figures, previous),
    ...sectionFindings(report, format, figures, hasInfoFee),
    ...proseFindings(report, figures, previous),
    ...proseFigureFindings(report, figures, previous),
    ...localRequirementFindings(report),
    ...staleReferenceFindings(report, options.previous),
    ...(options.previous ? repetitionFindings(report, options.previous) : []),
  ]
    .map((draft) => ({ ...draft, kind: findingKind(draft.rule, draft.severity) }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = { error: 0, warning: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return { figures, findings, counts };
}
