import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { launchChromiumPdfPrinter } from '../../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../../services/export/pdf/exportPdf.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsShiftedLineByLine } from '../docx/reports.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { keptApart } from './layoutChecks.ts';
import { pageTexts } from './poppler.ts';

/**
 * Page breaks in the print layout: a section heading, a （一） lead standing alone and a
 * table's title rows never end a page; a table starts on its heading's page or both move.
 */

const available = toolsAvailable('chromium', 'pdftotext');
let printer: PdfPrinter;
let fontBaseUrl: string;

beforeAll(async () => {
  if (!available) return;
  const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
  if (!fonts.ok) throw new Error(fonts.error);
  fontBaseUrl = fonts.value.url;
  const launched = await launchChromiumPdfPrinter();
  if (!launched.ok) throw new Error(launched.error);
  printer = launched.value;
});

afterAll(async () => {
  await printer?.close();
});

describe.skipIf(!available)('PDF page breaks', { timeout: 300_000 }, () => {
  it('keeps every heading and title row on the page of what it heads, wherever it falls', async () => {
    const out = testOutputDir('pdf');
    const apart: string[] = [];
    for (const [lines, report] of reportsShiftedLineByLine().entries()) {
      const model = buildDocument(report);
      const pdf = await exportPdf(model, printer, fontBaseUrl);
      if (!pdf.ok) throw new Error(pdf.error);
      const file = join(out, 'shifted.pdf');
      writeFileSync(file, pdf.value);
      apart.push(...keptApart(pageTexts(file, 'raw'), model).map((problem) => `+${lines} lines: ${problem}`));
    }
    expect(apart).toEqual([]);
  });
});
