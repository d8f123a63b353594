import type { Report } from '../../shared/model/report.ts';

/**
 * Undo/redo over whole report states. Consecutive edits of one thing (typing in one cell
 * or one section) within a short pause form one step, as in a word processor. Each step
 * remembers where it was made (the step of the guided flow) and what it was, so an undo
 * that would change another part of the report can show that part first.
 */
export interface HistoryEntry {
  /** The report on the other side of this step: before it (in `past`), after it (in `future`). */
  readonly report: Report;
  /** Where the edit was made, e.g. `section:other`. */
  readonly place: string | undefined;
  /** What was edited, e.g. `cell:t3.newReceived.naturalPerson`, `section:other`, `paste:…`. */
  readonly group: string | undefined;
}

export interface DraftHistory {
  readonly report: Report;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  /** What the last edit changed and when, to merge a burst of typing into one step. */
  readonly lastGroup: string | undefined;
  readonly lastAt: number;
}

export type DraftAction =
  | {
      readonly type: 'edit';
      readonly change: (report: Report) => Report;
      readonly group?: string | undefined;
      readonly place?: string | undefined;
      readonly at: number;
    }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'replace'; readonly report: Report };

const MERGE_WITHIN_MS = 1500;
const MAX_STEPS = 200;

export function startHistory(report: Report): DraftHistory {
  return { report, past: [], future: [], lastGroup: undefined, lastAt: 0 };
}

export function draftReducer(state: DraftHistory, action: DraftAction): DraftHistory {
  switch (action.type) {
    case 'edit': {
      const report = action.change(state.report);
      if (report === state.report) return state;
      const merge = action.group !== undefined && action.group === state.lastGroup && action.at - state.lastAt < MERGE_WITHIN_MS;
      const entry: HistoryEntry = { report: state.report, place: action.place, group: action.group };
      const past = merge ? state.past : [...state.past, entry].slice(-MAX_STEPS);
      return { report, past, future: [], lastGroup: action.group, lastAt: action.at };
    }
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      const undone: HistoryEntry = { ...previous, report: state.report };
      return { report: previous.report, past: state.past.slice(0, -1), future: [undone, ...state.future], lastGroup: undefined, lastAt: 0 };
    }
    case 'redo': {
      const [next, ...future] = state.future;
      if (!next) return state;
      const redone: HistoryEntry = { ...next, report: state.report };
      return { report: next.report, past: [...state.past, redone], future, lastGroup: undefined, lastAt: 0 };
    }
    case 'replace':
      return startHistory(action.report);
  }
}
