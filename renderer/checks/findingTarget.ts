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

/** The words a prose finding quotes (正文说“…”), without the ellipses around them. */
function quotedText(message: string): string | undefined {
  const match = /正文说“([^”]+)”/.exec(message);
  return match?.[1]?.replace(/^…|…$/g, '');
}

export function targetOfFinding(format: ReportFormat, finding: Finding): FocusTarget {
  const step = stepOfFinding(format, finding);
  const { cells, table, section } = finding.location;
  if (table && cells[0]) return { step, selector: `[data-cell="${cells[0]}"]` };
  const field = cells.find((c) => c.startsWith('infoFee.'));
  if (field && finding.rule === 'V-INFOFEE') return { step, selector: `[data-field="${field}"]` };
  const words = finding.location.words;
  const quote = words?.text ?? quotedText(finding.message);
  if (section) return { step, selector: `[data-section-editor="${section}"]`, ...(quote ? { quote } : {}), ...(words ? { at: words.start } : {}) };
  if (step === 'agency') return { step, selector: '[data-field="agency.name"]' };
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
