import { useEffect } from 'react';
import type { Report } from '../../shared/model/report.ts';
import { requestPreview } from './previewDocuments.ts';

/** The preview follows the report after the typing stops for this long. */
export const REFRESH_DELAY_MS = 1200;

/**
 * While the preview step is kept hidden behind another step (it was shown once), a changed
 * report's pages are asked for after a pause in the typing, so that coming back to the
 * preview shows them at once. The hidden step itself does not re-render on each edit.
 */
export function useBackgroundPreview(reportId: number, report: Report, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => void requestPreview(reportId, report, { background: true }).catch(() => undefined), REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [reportId, report, enabled]);
}
