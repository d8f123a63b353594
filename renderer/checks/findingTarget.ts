import type { Finding } from '../../shared/checks/index.ts';
import type { ReportFormat } from '../../shared/format/index.ts';
import { stepOfFinding } from '../editor/steps.ts';
import type { StepId } from '../editor/steps.ts';

/** Where the editor puts the focus for a finding: a step, an element in it, text to select. */
export interface FocusTarget {
  readonly step: StepId;
  readonly selector?: string;
  /** Text of the section that the finding quotes, selected in the editor. */
  readonly quote?: string;
  /** Where the quoted words start, when the finding knows it (the same words may occur more than once). */
  readonly at?: number;
}

export function targetOfFinding(format: ReportFormat, finding: Finding): FocusTarget {
  const step = stepOfFinding(format, finding);
  const { cells, table, section } = finding.location;
  if (table && cells[0]) return { step, selector: `[data-cell="${cells[0]}"]` };
  const { words, field } = finding.location;
  if (section && words) return { step, selector: `[data-section-editor="${section}"]`, quote: words.text, at: words.start };
  if (field) return { step, selector: `[data-field="${field}"]` };
  if (section) return { step, selector: `[data-section-editor="${section}"]` };
  return { step };
}

/** Focuses the target's element (once its step is on screen) and selects the quoted text. */
export function focusTarget(target: FocusTarget): boolean {
  if (!target.selector) return true;
  const element = document.querySelector<HTMLElement>(target.selector);
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  if (element instanceof HTMLTextAreaElement && target.quote) {
    const at = target.at !== undefined && element.value.startsWith(target.quote, target.at) ? target.at : element.value.indexOf(target.quote);
    if (at !== -1) element.setSelectionRange(at, at + target.quote.length);
  }
  return true;
}
