import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * Pages already drawn (or being drawn ahead), per document, page and scale: shown again
 * by copying the picture (about 1 ms) instead of drawing the page.
 */
const drawnPages = new WeakMap<PDFDocumentProxy, Map<string, Promise<ImageBitmap>>>();

export function pageKey(number: number, scale: number, ratio: number): string {
  return `${number}@${scale * ratio}`;
}

/** What each page of a document draws (pageIdentities.ts), where known. */
const identities = new WeakMap<PDFDocumentProxy, readonly (string | undefined)[]>();

export function notePageIdentities(pdf: PDFDocumentProxy, pages: readonly (string | undefined)[] | undefined): void {
  if (pages) identities.set(pdf, pages);
}

/**
 * Takes over the pictures of `earlier`'s pages for the pages of `pdf` that draw exactly
 * the same (a figure changed on page 3 leaves pages 1, 2, 4 and 5 as they were): those
 * are shown as a copy instead of drawn again.
 */
export function keepUnchangedPages(earlier: PDFDocumentProxy, pdf: PDFDocumentProxy): void {
  const before = identities.get(earlier);
  const now = identities.get(pdf);
  if (!before || !now) return;
  const drawn = drawnPagesOf(pdf);
  for (const [key, picture] of drawnPagesOf(earlier)) {
    const [number, scale] = key.split('@');
    const identity = before[Number(number) - 1];
    if (identity === undefined) continue;
    now.forEach((same, index) => {
      const target = `${index + 1}@${scale}`;
      if (same === identity && !drawn.has(target)) drawn.set(target, picture);
    });
  }
}

/** The pages of `pdf` drawn so far (and those being drawn ahead), by `pageKey`. */
export function drawnPagesOf(pdf: PDFDocumentProxy): Map<string, Promise<ImageBitmap>> {
  const drawn = drawnPages.get(pdf) ?? new Map<string, Promise<ImageBitmap>>();
  drawnPages.set(pdf, drawn);
  return drawn;
}

/**
 * Draws a page off screen before it is shown (a preview made in the background), so that
 * showing it is a copy. Nothing is drawn twice: a page shown meanwhile waits for this one.
 * pdf.js spreads a drawing for the screen over animation frames, 15 ms a frame; `inOneGo`
 * draws it without waiting for frames (pdf.js's print drawing: the same picture — pages of
 * the app's PDFs differ from the screen drawing by a few anti-aliased pixels, as two screen
 * drawings do — with no annotations or optional content in them to differ), for a clerk
 * waiting for the page: after a change to page 1 the preview came 35–45 ms sooner.
 */
export function drawAhead(pdf: PDFDocumentProxy, number: number, scale: number, { inOneGo = false } = {}): Promise<ImageBitmap> {
  const ratio = window.devicePixelRatio || 1;
  const drawn = drawnPagesOf(pdf);
  const key = pageKey(number, scale, ratio);
  const kept = drawn.get(key);
  if (kept) return kept;
  const picture = pdf.getPage(number).then(async (page) => {
    const viewport = page.getViewport({ scale: scale * ratio });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await page.render({ canvas, viewport, intent: inOneGo ? 'print' : 'display' }).promise;
    return createImageBitmap(canvas);
  });
  drawn.set(key, picture);
  // A failed drawing is drawn on screen next time.
  picture.catch(() => {
    if (drawn.get(key) === picture) drawn.delete(key);
  });
  return picture;
}
