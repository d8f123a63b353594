import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { exportPdf } from '../../services/export/pdf/exportPdf.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsShiftedLineByLine } from '../docx/reports.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { startTestPrinter } from '../support/testPrinter.ts';
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
  ({ printer, fontBaseUrl } = await startTestPrinter());
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
