import type { TableId } from '../format/index.ts';
import type { FindingKind, RuleId } from './rules.ts';

export type Severity = 'error' | 'warning' | 'hint';

/** Where a finding points: table cells (with row/column keys) or a section's text. */
export interface FindingLocation {
  readonly table?: TableId;
  readonly row?: string;
  readonly column?: string;
  readonly section?: string;
  /** Every cell the finding involves, so the grid can mark each of them. */
  readonly cells: readonly string[];
  /** For a finding at words of a section's text: where they start and what they are. */
  readonly words?: { readonly start: number; readonly text: string };
  /** A form field the finding is about, outside the tables: `agency.name`, `infoFee.noticesIssued`. */
  readonly field?: string;
}

export interface Finding {
  /** Stable id: the rule id and where it applies, e.g. `T3-BAL.naturalPerson`. */
  readonly id: string;
  /** The rule, e.g. `T3-BAL`. */
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Unfinished, a mistake, or advice (see `findingKind`). */
  readonly kind: FindingKind;
  readonly location: FindingLocation;
  /** Plain Chinese: the rule, the numbers, and what to do. */
  readonly message: string;
}

/** A finding as a rule makes it; `checkReport` gives it its kind. */
export type FindingDraft = Omit<Finding, 'kind'>;

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  hint: '提示',
};
