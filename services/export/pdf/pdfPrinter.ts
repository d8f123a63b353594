import type { Result } from '../../../shared/model/validation.ts';

/**
 * Turns a print-layout HTML document (shared/print `renderPrintHtml`) into an A4 PDF.
 * Two implementations: Chromium driven by playwright-core in Node (CLI, tests) and a
 * hidden Electron window in the app (electron/main/pdf/electronPdfPrinter.ts).
 */
export interface PdfPrinter {
  /** The PDF of `html`, after its fonts have loaded; failures are readable Chinese messages. */
  print(html: string): Promise<Result<Uint8Array>>;
  /** Releases the browser, if the printer holds one. */
  close(): Promise<void>;
}

/**
 * A printer over one page (or window) that prints in it one document at a time, in the
 * order asked, and releases it once the last print has ended.
 */
export function printerInTurn(printOne: (html: string) => Promise<Result<Uint8Array>>, release: () => Promise<void> | void): PdfPrinter {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    print(html) {
      const printed = queue.then(() => printOne(html));
      queue = printed;
      return printed;
    },
    async close() {
      await queue;
      await release();
    },
  };
}
