import type { Severity } from './finding.ts';

/**
 * Every rule id, typed. The identities of a format's tables are named after the table
 * (`T3-BAL`, `T4-SUM`: the format's `rulePrefix`), the others are the app's own rules.
 */
export const RULE_IDS = [
  'V-COUNT',
  'V-FEE',
  'V-BLANK',
  'V-INFOFEE',
  'X-CARRY',
  'X-T2-STOCK',
  'T2-INFORCE-LOW',
  'X-FEE-NOTICES',
  'X-STALE-FIGURE',
  'X-STALE-YEAR',
  'X-STALE-AGENCY',
  'X-REPEAT',
  'S-AGENCY',
  'S-EMPTY',
  'S-PLACEHOLDER',
  'S-STARTER',
  'P-NO-APPLICATIONS',
  'P-APPLICATIONS-COUNT',
  'P-NO-FEES',
  'P-NO-ADMIN-FEES',
  'P-NO-REVIEW',
  'P-DISCLOSED-COUNT',
  'P-DISCLOSED-CONFLICT',
  'P-FIGURE',
  'L-OVERVIEW-LENGTH',
  'L-OVERVIEW-HEADINGS',
  'L-PROBLEMS-ITEMISED',
] as const;

/** A table identity: the corner note's balance, a total row, a total column. */
export type IdentityRuleId = `${string}-BAL` | `${string}-RES` | `${string}-SUM`;
export type RuleId = (typeof RULE_IDS)[number] | IdentityRuleId;

/**
 * What a finding asks of the clerk: `unfinished`, something is not written yet (a blank
 * cell, an empty section, template text left as it was); `mistake`, something written is
 * wrong (a bad value, a total that does not add up); `advice`, something to look at again.
 * The status in lists, the steps, the grid and the guidance all go by it.
 */
export type FindingKind = 'unfinished' | 'mistake' | 'advice';

const UNFINISHED: ReadonlySet<RuleId> = new Set<RuleId>(['V-BLANK', 'S-AGENCY', 'S-EMPTY', 'S-PLACEHOLDER', 'S-STARTER']);

/** The one place that decides a finding's kind. */
export function findingKind(rule: RuleId, severity: Severity): FindingKind {
  if (UNFINISHED.has(rule)) return 'unfinished';
  return severity === 'error' ? 'mistake' : 'advice';
}
