import { chromium } from 'playwright-core';
import { buildDocument } from '../shared/document/build.ts';
import { renderPrintHtml } from '../shared/print/renderPrintHtml.ts';
import { findChromium, OFFLINE_CHROMIUM_ARGS } from '../services/chromium/findChromium.ts';
import { launchChromiumPdfPrinter } from '../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../services/export/pdf/exportPdf.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../services/fonts/fontRoot.ts';
import { numberedReport } from '../test/docx/reports.ts';
import { barePagePdf, withoutWebFonts } from './engines/barePdf.ts';
import type { BenchResult } from './run.ts';
import { compareWithEngine, comparisonFigures, measure, measurePair, ms, percentile, summary } from './timing.ts';

/**
 * Export of a full report to PDF with Debian's Chromium, browser running (what the user
 * waits for), beside a bare `page.pdf` of the same HTML with the system's fonts only; the
 * share of loading our fonts is our printer given the HTML without them. Starting the
 * browser (once per CLI run; the app's window is already there) and the print layout apart.
 */
export default async function bench(): Promise<BenchResult[]> {
  const model = buildDocument(numberedReport());
  const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
  const found = findChromium();
  if (!fonts.ok || !found.ok) return [{ name: 'pdf: skipped', figures: { reason: fonts.ok ? (found.ok ? '' : found.error) : fonts.error } }];
  const html = renderPrintHtml(model, { fontBaseUrl: fonts.value.url });
  const layout = await measure(200, () => renderPrintHtml(model, { fontBaseUrl: fonts.value.url }));
  const start = performance.now();
  const printer = await launchChromiumPdfPrinter();
  const launch = performance.now() - start;
  if (!printer.ok) return [{ name: 'pdf: skipped', figures: { reason: printer.error } }];
  const browser = await chromium.launch({ executablePath: found.path, args: OFFLINE_CHROMIUM_ARGS });
  try {
    let size = 0;
    const print = async (page: string) => {
      const pdf = await printer.value.print(page);
      if (!pdf.ok) throw new Error(pdf.error);
    };
    const ours = async () => {
      const pdf = await exportPdf(model, printer.value, fonts.value.url);
      if (!pdf.ok) throw new Error(pdf.error);
      size = pdf.value.length;
    };
    const pair = await measurePair(10, ours, () => barePagePdf(browser, withoutWebFonts(html)), 2);
    const withoutFonts = await measure(10, () => print(withoutWebFonts(html)), 2);
    const comparison = compareWithEngine('Chromium page.pdf, same HTML, system fonts', pair.ours, pair.engine, 1.2);
    const fontShare = percentile(pair.ours, 50) - percentile(withoutFonts, 50);
    return [
      {
        name: 'pdf: full report → PDF bytes, browser running (10 runs)',
        figures: {
          ...comparisonFigures(comparison, pair.ours, pair.engine),
          'our printer, same HTML without web fonts p50': ms(percentile(withoutFonts, 50)),
          // Negative where the system's CJK fonts (CFF outlines, printed as Type 3) cost more than ours.
          'our web fonts (ours − ours without them)': ms(fontShare),
          size: `${(size / 1024).toFixed(0)} KiB`,
        },
        comparison,
      },
      { name: 'pdf: starting headless Chromium (once)', figures: { time: ms(launch) } },
      { name: 'pdf: document model → print HTML (200 runs)', figures: summary(layout) },
    ];
  } finally {
    await browser.close();
    await printer.value.close();
  }
}
