import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ReportSummary } from '../../shared/ipc/contract.ts';
import type { Report } from '../../shared/model/report.ts';
import { nianbao, reason } from '../api.ts';
import { saveDraft } from './saveDraft.ts';
import type { SavedDraft } from './saveDraft.ts';
import { draftReducer, startHistory } from './draftHistory.ts';
import type { HistoryEntry } from './draftHistory.ts';

/** What the autosave indicator shows. */
export type SaveState =
  | { readonly status: 'saved'; readonly at: string }
  | { readonly status: 'pending' }
  | { readonly status: 'saving' }
  | { readonly status: 'failed'; readonly error: string };

/** Edits are saved this long after the last keystroke (the store acknowledges durable saves). */
export const SAVE_DELAY_MS = 400;
const RETRY_MS = 3000;

export interface ReportDraft {
  readonly report: Report;
  readonly saveState: SaveState;
  /** The step an undo would take back (where it was made and what it was), if any. */
  readonly nextUndo: HistoryEntry | undefined;
  readonly nextRedo: HistoryEntry | undefined;
  /** `group` merges a burst of typing into one undo step; `place` is where the edit was made. */
  readonly edit: (change: (report: Report) => Report, group?: string, place?: string) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  /** Takes a report that is already saved (e.g. a restored revision); clears undo. */
  readonly replace: (report: Report, savedAt: string) => void;
  /** Saves now and resolves once everything typed so far is durable (rejects on failure). */
  readonly flush: () => Promise<void>;
}

/**
 * The report being edited: undo/redo and autosave. There is no Save button; every edit
 * is saved within half a second, and the indicator says when it last became durable.
 */
export function useReportDraft(id: ReportSummary['id'], initial: Report, savedAt: string): ReportDraft {
  const [history, dispatch] = useReducer(draftReducer, initial, startHistory);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'saved', at: savedAt });
  const latest = useRef(history.report);
  latest.current = history.report;
  /** The report as last saved, and its content hash once a save has told it (what changes are made on). */
  const saved = useRef<SavedDraft>({ report: initial });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | undefined>(undefined);

  /** One save of the latest report; true when it is durable. */
  const saveOnce = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    const report = latest.current;
    if (report === saved.current.report) return true;
    setSaveState({ status: 'saving' });
    const run = saveDraft(id, saved.current, report).then(
      (result) => {
        saved.current = { report, hash: result.contentHash };
        setSaveState(latest.current === report ? { status: 'saved', at: result.savedAt } : { status: 'pending' });
        return true;
      },
      (error: unknown) => {
        setSaveState({ status: 'failed', error: reason(error) });
        timer.current = setTimeout(() => void saveOnce(), RETRY_MS);
        return false;
      },
    );
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = undefined;
    }
  }, [id]);

  useEffect(() => {
    if (history.report === saved.current.report) return;
    // Typing keeps the indicator as it is: no extra render per keystroke.
    if (!inFlight.current) setSaveState((state) => (state.status === 'pending' ? state : { status: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveOnce(), SAVE_DELAY_MS);
  }, [history.report, saveOnce]);

  const flush = useCallback(async () => {
    while (latest.current !== saved.current.report) {
      if (!(await saveOnce())) throw new Error('报告尚未保存成功，请稍后再试。');
    }
  }, [saveOnce]);

  // Leaving the page (closing the window, reloading, switching away) saves what is pending
  // at once, without waiting for the typing pause; main asks for the same before it closes.
  useEffect(() => {
    const onHide = () => void saveOnce();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const stopFlushRequests = nianbao.lifecycle.onFlushRequest(flush);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      stopFlushRequests();
      void saveOnce();
    };
  }, [saveOnce, flush]);

  return {
    report: history.report,
    saveState,
    nextUndo: history.past[history.past.length - 1],
    nextRedo: history.future[0],
    edit: useCallback((change, group, place) => dispatch({ type: 'edit', change, group, place, at: Date.now() }), []),
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    replace: useCallback((report: Report, at: string) => {
      saved.current = { report };
      dispatch({ type: 'replace', report });
      setSaveState({ status: 'saved', at });
    }, []),
    flush,
  };
}
