import { launchChromiumPdfPrinter } from '../../services/export/pdf/chromiumPdfPrinter.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';

/** The PDF tests' printer: Chromium with the bundled fonts of node_modules as the print layout's font root. */
export async function startTestPrinter(): Promise<{ printer: PdfPrinter; fontBaseUrl: string }> {
  const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
  if (!fonts.ok) throw new Error(fonts.error);
  const launched = await launchChromiumPdfPrinter();
  if (!launched.ok) throw new Error(launched.error);
  return { printer: launched.value, fontBaseUrl: fonts.value.url };
}
