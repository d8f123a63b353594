import { buildDocument } from '../shared/document/build.ts';
import { renderPrintHtml } from '../shared/print/renderPrintHtml.ts';
import { launchChromiumPdfPrinter } from '../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../services/export/pdf/exportPdf.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../services/fonts/fontRoot.ts';
import { numberedReport } from '../test/docx/reports.ts';
import type { BenchResult } from './run.ts';
import { measure, ms, summary } from './timing.ts';

/**
 * Export of a full report to PDF with Debian's Chromium: starting the browser (once per
 * CLI run; the app's window is already there), then each PDF (what the user waits for
 * when Chromium is running), and the print layout alone.
 */
export default async function bench(): Promise<BenchResult[]> {
  const model = buildDocument(numberedReport());
  const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
  if (!fonts.ok) return [{ name: 'pdf: skipped', figures: { reason: fonts.error } }];
  const layout = await measure(200, () => renderPrintHtml(model, { fontBaseUrl: fonts.value.url }));
  const start = performance.now();
  const printer = await launchChromiumPdfPrinter();
  const launch = performance.now() - start;
  if (!printer.ok) return [{ name: 'pdf: skipped', figures: { reason: printer.error } }];
  try {
    let size = 0;
    const times = await measure(
      10,
      async () => {
        const pdf = await exportPdf(model, printer.value, fonts.value.url);
        if (!pdf.ok) throw new Error(pdf.error);
        size = pdf.value.length;
      },
      2,
    );
    return [
      { name: 'pdf: full report → PDF bytes, browser running (10 runs)', figures: { ...summary(times), size: `${(size / 1024).toFixed(0)} KiB` } },
      { name: 'pdf: starting headless Chromium (once)', figures: { time: ms(launch) } },
      { name: 'pdf: document model → print HTML (200 runs)', figures: summary(layout) },
    ];
  } finally {
    await printer.value.close();
  }
}
