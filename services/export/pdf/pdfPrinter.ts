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
