import { useEffect } from 'react';
import type { Report } from '../../shared/model/report.ts';
import { imeComposing } from '../editor/imeComposition.ts';
import { SAVE_DELAY_MS } from '../editor/useReportDraft.ts';
import { printAhead, requestPreview } from './previewDocuments.ts';

/** The preview follows the report after the typing stops for this long. */
export const REFRESH_DELAY_MS = 1200;

/**
 * While the preview step is kept hidden behind another step (it was shown once), a changed
 * report's pages are made ahead, so that coming back to the preview shows them at once or
 * soon: main prints them after the pause the autosave waits for (the printer is another
 * process; one print ahead at a time, see services/app/previewCache.ts), and the page opens
 * and draws them after a longer pause, not to take the clerk's frames while they type. The
 * hidden step itself does not re-render on each edit.
 */
export function useBackgroundPreview(reportId: number, report: Report, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    // Nothing is made of a text the input method is still composing: its end changes the report again.
    const printing = setTimeout(() => {
      if (!imeComposing()) printAhead(reportId, report);
    }, SAVE_DELAY_MS);
    const openAhead = setTimeout(() => {
      if (!imeComposing()) void requestPreview(reportId, report, { background: true }).catch(() => undefined);
    }, REFRESH_DELAY_MS);
    return () => {
      clearTimeout(printing);
      clearTimeout(openAhead);
    };
  }, [reportId, report, enabled]);
}
