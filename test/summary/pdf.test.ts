import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { cellIndex, currentFormat } from '../../shared/format/index.ts';
import { applyFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { launchChromiumPdfPrinter } from '../../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../../services/export/pdf/exportPdf.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';
import { reviewFolder } from '../../services/summary/index.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { toolsAvailable } from '../support/tools.ts';

const chromium = toolsAvailable('chromium');

describe.skipIf(!chromium)('PDFs among the received reports', () => {
  it('are read, matched to their units by the agency they print, and summed with their figures', async () => {
    const launched = await launchChromiumPdfPrinter();
    if (!launched.ok) throw new Error(launched.error);
    const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
    if (!fonts.ok) throw new Error(fonts.error);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-pdf-'));
    try {
      const [a, b] = loadSeeds();
      const reports = [
        applyFixtureFigures({ ...a!.report, agency: { ...a!.report.agency, name: '湖滨县财政局' } }, a!.fixture),
        applyFixtureFigures({ ...b!.report, agency: { ...b!.report.agency, name: '城关镇' } }, b!.fixture),
      ];
      for (const [i, report] of reports.entries()) {
        const pdf = await exportPdf(buildDocument(report), launched.value, fonts.value.url);
        if (!pdf.ok) throw new Error(pdf.error);
        writeFileSync(join(dir, `报告${i + 1}.pdf`), pdf.value);
      }
      const folder = await reviewFolder([dir], { units: [{ name: '湖滨县财政局', aliases: [] }, { name: '城关镇人民政府', aliases: [] }] });
      expect(folder.files.map((f) => [f.reading.status, f.reading.status === 'read' && f.reading.sourceFormat, f.match.status])).toEqual([
        ['read', 'pdf', 'matched'],
        ['read', 'pdf', 'matched'],
      ]);
      const figures = reports.map(computeFigures);
      for (const [c, cell] of folder.sum.cells.entries()) {
        const known = figures.map((f) => f.value(cell.key)).filter((v): v is number => v !== null);
        expect(cell.total, cellIndex(currentFormat).all[c]!.key).toBe(known.length ? known.reduce((x, y) => x + y, 0) : null);
      }
    } finally {
      await launched.value.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
