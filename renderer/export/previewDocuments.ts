import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Report } from '../../shared/model/report.ts';
import { nianbao } from '../api.ts';
import { drawAhead, keepUnchangedPages, notePageIdentities } from '../pdf/drawnPages.ts';
import { binaryBytes, loadPdf } from '../pdf/loadPdf.ts';
import { pageIdentities } from '../pdf/pageIdentities.ts';

/**
 * The preview PDFs of this session, per report: the newest one asked for and the one on
 * screen, each with the report content it shows. A preview is asked for as soon as the
 * clerk heads for it (the step's button), before its screen is drawn, and while the clerk
 * is on another step after a change; the preview step then takes the same answer, with
 * page 1 drawn ahead where the preview has been shown before. The pages a change leaves
 * as they were are not drawn again: their pictures are taken over from the last preview.
 */

interface Preview<T> {
  readonly content: string;
  readonly document: T;
}

interface Asked extends Preview<Promise<PDFDocumentProxy>> {
  /** The clerk is on the preview or heading for it (not only a background request): page 1 is drawn in one go. */
  waited: boolean;
}

const asked = new Map<number, Asked>();
const shown = new Map<number, Preview<PDFDocumentProxy>>();
const scales = new Map<number, number>();
/** Reports whose next preview is drawn anew throughout (刷新). */
const redrawAll = new Set<number>();

/** What a preview shows: the report as JSON (a new object with the same content needs no new preview). */
export function previewContent(report: Report): string {
  return JSON.stringify(report);
}

/**
 * The preview of `report`: the one asked for already if it shows the same content, else a
 * new one. `background`: asked for while the clerk is on another step (useBackgroundPreview).
 */
export function requestPreview(reportId: number, report: Report, { background = false } = {}): Promise<PDFDocumentProxy> {
  const content = previewContent(report);
  const last = asked.get(reportId);
  if (last?.content === content) {
    last.waited ||= !background;
    return last.document;
  }
  const reuse = !redrawAll.delete(reportId);
  const document = nianbao.export.preview({ report }).then(async ({ pdfBase64 }) => {
    const binary = atob(pdfBase64);
    const identities = pageIdentities(binary);
    const pdf = await loadPdf(binaryBytes(binary), { fontsEmbedded: true });
    notePageIdentities(pdf, identities);
    if (reuse) {
      const earlier = [shown.get(reportId)?.document, await last?.document.catch(() => undefined)];
      for (const drawn of earlier) if (drawn && drawn !== pdf) keepUnchangedPages(drawn, pdf);
    }
    // Page 1 is drawn as soon as the PDF is here, at the scale the preview was last shown at:
    // in one go if the clerk waits for it, else between frames (the clerk is typing elsewhere).
    const scale = scales.get(reportId);
    const current = asked.get(reportId);
    const waited = current?.document === document && current.waited;
    if (scale !== undefined) drawAhead(pdf, 1, scale, { inOneGo: waited }).catch(() => undefined);
    return pdf;
  });
  asked.set(reportId, { content, document, waited: !background });
  // A preview asked for but outdated before it was shown is let go (pdf.js holds its pages and fonts).
  last?.document.then(
    (outdated) => {
      if (shown.get(reportId)?.document !== outdated) void outdated.loadingTask.destroy();
    },
    () => undefined,
  );
  // A failed request is asked again next time.
  document.catch(() => {
    if (asked.get(reportId)?.document === document) asked.delete(reportId);
  });
  return document;
}

/**
 * Has main print `report`'s pages before they are asked for (kept there for the request
 * that follows), unless they were asked for already.
 */
export function printAhead(reportId: number, report: Report): void {
  if (asked.get(reportId)?.content === previewContent(report)) return;
  void nianbao.export.printAhead({ report }).catch(() => undefined);
}

/** The 刷新 button: the next request makes the preview again even if the report is unchanged. */
export function forgetRequest(reportId: number): void {
  asked.delete(reportId);
  redrawAll.add(reportId);
}

export function shownPreview(reportId: number): Preview<PDFDocumentProxy> | undefined {
  return shown.get(reportId);
}

/** Records the preview now on screen and lets the one it replaces go. */
export function showPreview(reportId: number, content: string, document: PDFDocumentProxy): void {
  const previous = shown.get(reportId)?.document;
  shown.set(reportId, { content, document });
  if (previous && previous !== document) void previous.loadingTask.destroy();
}

/** The scale the report's preview is shown at (CSS pixels per PDF point), for drawing its next page 1 ahead. */
export function rememberScale(reportId: number, scale: number): void {
  scales.set(reportId, scale);
}
