import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocumentModel } from '../../shared/document/model.ts';
import { PAGE, pageNumberText } from '../../shared/document/typography.ts';
import type { Report } from '../../shared/model/report.ts';
import { exportPdf } from '../../services/export/pdf/exportPdf.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { numberedReport, seedReports } from '../docx/reports.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { startTestPrinter } from '../support/testPrinter.ts';
import { cjkCharacters, missingInOrder, printedTexts, rowsOf, squash, tables } from './documentText.ts';
import { rowsNotOnOneLine, tableWordsOutsideTypeArea } from './layoutChecks.ts';
import { pageSizes, pageTexts, pageWords, pdfFonts, renderPngs } from './poppler.ts';

const PT_PER_MM = 72 / 25.4;
const TYPE_AREA_BOTTOM_PT = (PAGE.marginTopMm + PAGE.typeAreaHeightMm) * PT_PER_MM;
const TYPE_AREA_TOP_PT = PAGE.marginTopMm * PT_PER_MM;
const TYPE_AREA_RIGHT_PT = (PAGE.marginLeftMm + PAGE.typeAreaWidthMm) * PT_PER_MM;

const available = toolsAvailable('chromium', 'fc-list', 'pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm');

/** Whether the machine has Times New Roman or its metric twin, which the print layout prefers to its bundled Tinos. */
function timesNewRomanInstalled(): boolean {
  return ['Times New Roman', 'Liberation Serif'].some((family) => execFileSync('fc-list', [`:family=${family}`], { encoding: 'utf8' }).trim() !== '');
}

const outDir = testOutputDir('pdf');

let printer: PdfPrinter;
let fontBaseUrl: string;

beforeAll(async () => {
  if (!available) return;
  ({ printer, fontBaseUrl } = await startTestPrinter());
});

afterAll(async () => {
  await printer?.close();
});

/** Prints a report to test-output/pdf/<name>.pdf with PNG pages beside it. */
async function printReport(report: Report, name: string): Promise<{ file: string; model: DocumentModel }> {
  const model = buildDocument(report);
  const pdf = await exportPdf(model, printer, fontBaseUrl);
  if (!pdf.ok) throw new Error(pdf.error);
  const file = join(outDir, `${name}.pdf`);
  writeFileSync(file, pdf.value);
  renderPngs(file, join(outDir, name));
  return { file, model };
}

/** What every exported PDF must be, whatever the report. */
function expectSoundPdf(file: string, model: DocumentModel): void {
  const sizes = pageSizes(file);
  expect(sizes.length).toBeGreaterThan(1);
  for (const size of sizes) expect(size).toMatch(/^594\.\d+ x 841\.\d+ pts \(A4\)$/);

  // Fonts embedded, and no Type 3 font: that would be a system fallback font (Debian's
  // Noto CJK), i.e. a glyph neither the official nor the bundled faces had.
  const fonts = pdfFonts(file);
  expect(fonts.filter((font) => !font.embedded)).toEqual([]);
  expect(fonts.filter((font) => font.type === 'Type 3')).toEqual([]);
  // Latin letters and digits in Times New Roman's metrics: the installed face, else the bundled Tinos.
  expect(fonts.map((font) => font.name).join(' ')).toMatch(timesNewRomanInstalled() ? /TimesNewRoman|LiberationSerif/ : /\+Tinos-Regular/);

  // Page numbers and the draft mark are drawn first on each page: without them, text runs on across pages.
  const raw = pageTexts(file, 'raw').map((page, i) => page.replace(pageNumberText(i + 1), '').replace(model.draftMark ?? '', ''));
  const all = raw.join('\n');
  const layoutText = pageTexts(file, 'layout').join('\n');

  // No tofu: every Chinese character of the model is in the text layer.
  const printed = cjkCharacters(all);
  expect([...cjkCharacters(printedTexts(model).join(''))].filter((c) => !printed.has(c))).toEqual([]);

  // Every text, every table label and value, in reading order (row by row).
  expect(missingInOrder(all, printedTexts(model))).toEqual([]);

  // Each row's figures stand whole on one line, left to right; the tables stay in the type area.
  expect(rowsNotOnOneLine(layoutText, model)).toEqual([]);
  expect(tableWordsOutsideTypeArea(file, model)).toEqual([]);

  for (const table of tables(model)) {
    for (const row of rowsOf(table)) {
      // A row never splits, nor does the label of a cell spanning rows: each is whole on one page.
      for (const cell of row.filter((c) => !c.key)) {
        expect(raw.some((page) => squash(page).includes(squash(cell.text))), `${table.id}: ${cell.text}`).toBe(true);
      }
    }
  }

  // 草稿 above the type area, at its right edge, on every page of a report with errors; nothing there otherwise.
  pageWords(file).forEach((page, i) => {
    const header = page.words.filter((word) => word.yMin < TYPE_AREA_TOP_PT - 20);
    expect(header.map((word) => word.text).join(' '), `page ${i + 1}`).toBe(model.draftMark ?? '');
    for (const word of header) expect(Math.abs(word.xMax - TYPE_AREA_RIGHT_PT)).toBeLessThan(2);
  });

  // `— n —` on every page below the type area: odd pages at the right, even at the left.
  pageWords(file).forEach((page, i) => {
    const footer = page.words.filter((word) => word.yMin > TYPE_AREA_BOTTOM_PT);
    expect(footer.map((word) => word.text).join(' ')).toBe(pageNumberText(i + 1));
    const middle = page.width / 2;
    if ((i + 1) % 2 === 1) expect(footer[0]!.xMin).toBeGreaterThan(middle);
    else expect(footer.at(-1)!.xMax).toBeLessThan(middle);
  });
}

/** Section 一 long enough that table 3 starts low on a page and has to cross to the next. */
function reportWithTable3AcrossPages(): Report {
  const report = numberedReport();
  const items = ['一', '二', '三'].map(
    (n, i) =>
      `（${n}）第${i + 1}项工作\n本年度围绕政务公开重点工作，持续完善制度机制，规范公开流程，提升公开质量，群众满意度进一步提高。`,
  );
  return { ...report, sections: { ...report.sections, overview: items.join('\n') } };
}

let numbered: Promise<{ file: string; model: DocumentModel }> | undefined;
/** The numbered report, printed once for the tests that read it. */
function numberedPdf(): Promise<{ file: string; model: DocumentModel }> {
  numbered ??= printReport(reportWithTable3AcrossPages(), 'numbered');
  return numbered;
}

describe.skipIf(!available)('PDF export (Chromium)', { timeout: 120_000 }, () => {
  it('prints every label and value in order on A4 with embedded fonts and page numbers', async () => {
    const { file, model } = await numberedPdf();
    expectSoundPdf(file, model);
    // The bundled OFL faces drew the Chinese (no official fonts on a CI machine).
    const names = pdfFonts(file).map((font) => font.name).join(' ');
    expect(names).toMatch(/NotoSerifSC/);
    expect(names).toMatch(/NotoSansSC/);
    expect(names).toMatch(/LXGWWenKai/);
  });

  it('repeats the table-3 header on every page the table crosses', async () => {
    const { file } = await numberedPdf();
    const pages = pageTexts(file, 'raw').map(squash);
    const first = pages.findIndex((page) => page.includes('一、本年新收政府信息公开申请数量'));
    const last = pages.findIndex((page) => page.includes('四、结转下年度继续办理'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(last).toBeGreaterThan(first);
    for (const page of pages.slice(first, last + 1)) {
      expect(page).toContain('申请人情况');
      expect(page).toContain('法人或其他组织');
      expect(page).toContain(squash('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'));
    }
  });

  it.each(seedReports().map((seed) => [seed.id, seed.report] as const))('prints seed %s soundly (PNG pages in test-output/pdf)', async (id, report) => {
    const { file, model } = await printReport(report, `seed-${id}`);
    expectSoundPdf(file, model);
  });
});
