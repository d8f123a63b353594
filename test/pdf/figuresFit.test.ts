import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { launchChromiumPdfPrinter } from '../../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../../services/export/pdf/exportPdf.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';
import { sevenDigitReport } from '../docx/reports.ts';
import { fontSetEnv, matchedFont } from '../support/fontSets.ts';
import type { FontSet } from '../support/fontSets.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { rowsNotOnOneLine, tableWordsOutsideTypeArea } from './layoutChecks.ts';
import { pageTexts, pdfFonts, renderPngs } from './poppler.ts';

/**
 * The widest figures (seven digits in every typed cell, totals of up to nine, the fee
 * 96171.6000) printed by Chromium whatever fonts the machine has: only DejaVu and Noto
 * CJK, or those and a Times-metric face. PDFs and PNG pages go to test-output/pdf/.
 */

const available = toolsAvailable('chromium', 'fc-match', 'pdffonts', 'pdftotext', 'pdftoppm');
const model = buildDocument(sevenDigitReport());

describe.skipIf(!available)('PDF of the widest figures', { timeout: 180_000 }, () => {
  it.each<FontSet>(['minimal', 'timesMetric'])('prints every figure whole on one line inside the type area, in Tinos (%s fonts)', async (set) => {
    const env = fontSetEnv(set);
    // No Times New Roman on either: the print layout has to bring its own Latin face.
    expect(matchedFont('Times New Roman', env)).toBe(set === 'minimal' ? 'DejaVu Serif' : 'Tinos');
    const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
    if (!fonts.ok) throw new Error(fonts.error);
    const printer = await launchChromiumPdfPrinter(env);
    if (!printer.ok) throw new Error(printer.error);
    try {
      const pdf = await exportPdf(model, printer.value, fonts.value.url);
      if (!pdf.ok) throw new Error(pdf.error);
      const file = join(testOutputDir('pdf'), `seven-digits-${set}.pdf`);
      writeFileSync(file, pdf.value);
      renderPngs(file, file.replace(/\.pdf$/, ''), 80);

      expect(rowsNotOnOneLine(pageTexts(file, 'layout').join('\n'), model)).toEqual([]);
      expect(tableWordsOutsideTypeArea(file, model)).toEqual([]);
      const used = pdfFonts(file);
      expect(used.filter((font) => !font.embedded || font.type === 'Type 3')).toEqual([]);
      // The digits come from the bundled Tinos, never from DejaVu or a CJK face.
      expect(used.map((font) => font.name).join(' ')).toMatch(/\+Tinos/);
      expect(used.filter((font) => /DejaVu/.test(font.name))).toEqual([]);
    } finally {
      await printer.value.close();
    }
  });
});
