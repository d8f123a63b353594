import type { Report } from '../../shared/model/report.ts';

/**
 * Undo/redo over whole report states. Consecutive edits of one thing (typing in one cell
 * or one section) within a short pause form one step, as in a word processor.
 */
export interface DraftHistory {
  readonly report: Report;
  readonly past: readonly Report[];
  readonly future: readonly Report[];
  /** What the last edit changed and when, to merge a burst of typing into one step. */
  readonly lastGroup: string | undefined;
  readonly lastAt: number;
}

export type DraftAction =
  | { readonly type: 'edit'; readonly change: (report: Report) => Report; readonly group?: string; readonly at: number }
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
      const past = merge ? state.past : [...state.past, state.report].slice(-MAX_STEPS);
      return { report, past, future: [], lastGroup: action.group, lastAt: action.at };
    }
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return { report: previous, past: state.past.slice(0, -1), future: [state.report, ...state.future], lastGroup: undefined, lastAt: 0 };
    }
    case 'redo': {
      const [next, ...future] = state.future;
      if (!next) return state;
      return { report: next, past: [...state.past, state.report], future, lastGroup: undefined, lastAt: 0 };
    }
    case 'replace':
      return startHistory(action.report);
  }
}
