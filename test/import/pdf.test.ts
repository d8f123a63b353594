import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../../shared/document/build.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { cellIndex, currentFormat } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import type { ImportResult } from '../../services/import/index.ts';
import type { PageBox } from '../../services/import/source.ts';
import { renderPrintHtml } from '../../shared/print/renderPrintHtml.ts';
import { launchChromiumPdfPrinter } from '../../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../../services/export/pdf/exportPdf.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { importBytes, printable } from './support.ts';
import { wordLikeDocx } from './wordLike.ts';

/**
 * PDFs: Nianbao's own export (Chromium printing the print layout) imports back to the
 * same report; a table printed without rules and a Word document converted by
 * LibreOffice (tables drawn with stroked lines) give the same figures.
 */

const chromium = toolsAvailable('chromium');
const seeds = loadSeeds();
const out = testOutputDir('import');
let printer: PdfPrinter | undefined;
let fontBaseUrl = '';

beforeAll(async () => {
  if (!chromium) return;
  const launched = await launchChromiumPdfPrinter();
  if (!launched.ok) throw new Error(launched.error);
  printer = launched.value;
  const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
  if (!fonts.ok) throw new Error(fonts.error);
  fontBaseUrl = fonts.value.url;
});

afterAll(async () => {
  await printer?.close();
});

async function printed(report: Report, name: string, style = ''): Promise<Uint8Array> {
  const html = renderPrintHtml(buildDocument(report), { fontBaseUrl }).replace('</head>', `${style}</head>`);
  const pdf = style ? await printer!.print(html) : await exportPdf(buildDocument(report), printer!, fontBaseUrl);
  if (!pdf.ok) throw new Error(pdf.error);
  writeFileSync(join(out, name), pdf.value);
  return pdf.value;
}

/** Section texts without spaces: a space at a line break is not printed in a PDF, so it cannot come back. */
function withoutSpaces(report: Report): Record<string, string> {
  return Object.fromEntries(Object.entries(printable(report).sections).map(([k, v]) => [k, v.replace(/[ \u3000]/g, '')]));
}

interface PrintedWord {
  readonly text: string;
  /** PDF points from the page's lower-left corner, as the importer's boxes. */
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly top: number;
}

/** The words poppler's pdftotext finds on a page, with their boxes turned to y upwards. */
function printedWords(file: string, page: number): { words: PrintedWord[]; width: number; height: number } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html)!;
  const height = Number(size[2]);
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    left: Number(m[1]),
    right: Number(m[3]),
    bottom: height - Number(m[4]),
    top: height - Number(m[2]),
  }));
  return { words, width: Number(size[1]), height };
}

/** Points a box may lie off pdftotext's: font ascent and descent differ a little between the two. */
const BOX_TOLERANCE = 3;

function near(box: PageBox, word: PrintedWord): boolean {
  return (
    Math.abs(box.x - word.left) <= BOX_TOLERANCE &&
    Math.abs(box.x + box.width - word.right) <= BOX_TOLERANCE &&
    Math.abs(box.y - word.bottom) <= BOX_TOLERANCE &&
    Math.abs(box.y + box.height - word.top) <= BOX_TOLERANCE
  );
}

/** Every read cell of table 3's 总计 column has a box on which pdftotext finds that very figure printed. */
function expectTotalsWherePrinted(result: ImportResult, file: string): void {
  const totals = result.cells.filter((c) => c.key.startsWith('t3.') && c.key.endsWith('.total') && c.status === 'read');
  expect(totals.length).toBeGreaterThan(0);
  for (const cell of totals) {
    const box = cell.box;
    expect(box, cell.key).toBeDefined();
    const page = printedWords(file, box!.page);
    expect(result.pageSizes![box!.page - 1]!.width).toBeCloseTo(page.width, 0);
    expect(result.pageSizes![box!.page - 1]!.height).toBeCloseTo(page.height, 0);
    const printedThere = page.words.filter((w) => near(box!, w)).map((w) => w.text);
    expect(printedThere, `${cell.key} at ${JSON.stringify(box)}`).toEqual([cell.raw]);
  }
}

describe.skipIf(!chromium || !toolsAvailable('pdftotext'))('where each figure is printed', () => {
  it('a ruled table: table 3\'s 总计 figures have the boxes pdftotext gives them', async () => {
    // The seed with figures other than 0 in the 总计 column.
    const seed = seeds.find((s) => s.id === '004_796925a18fab7523')!;
    const result = await importBytes(await printed(seed.report, 'boxes.pdf'), 'boxes.pdf');
    expect(result.pageSizes).toHaveLength(result.pages!);
    expectTotalsWherePrinted(result, join(out, 'boxes.pdf'));
  });

  it('a table without rules: the same', async () => {
    const borderless = '<style>table, th, td { border: none !important; }</style>';
    const result = await importBytes(await printed(consistentReport(), 'boxes-borderless.pdf', borderless), 'boxes-borderless.pdf');
    expectTotalsWherePrinted(result, join(out, 'boxes-borderless.pdf'));
  });
});

describe.skipIf(!chromium)('PDF exported by Nianbao imports back to an identical report', () => {
  it.each(seeds.map((s) => [s.id, s] as const))('seed %s', async (id, seed) => {
    const result = await importBytes(await printed(seed.report, `${id}.pdf`), `${id}.pdf`);
    const { sections, ...rest } = result.report;
    const { sections: _expected, ...expected } = printable(seed.report);
    expect(rest).toEqual(expected);
    expect(withoutSpaces(result.report)).toEqual(withoutSpaces(seed.report));
    expect(Object.values(sections).map((s) => s.split('\n').length)).toEqual(Object.values(printable(seed.report).sections).map((s) => s.split('\n').length));
    expect(result.sourceFormat).toBe('pdf');
    expect(result.issues.filter((i) => i.level === 'warning' && !i.where.startsWith('标题'))).toEqual([]);
  });

  it('with every option, 信息处理费 and decimals', async () => {
    const base = consistentReport();
    const report: Report = {
      ...base,
      values: { ...base.values, 't2.fees': '1.5' },
      agency: { ...base.agency, website: '湖滨区人民政府', websiteUrl: 'http://www.example.gov.cn/', exportOptions: { ...base.agency.exportOptions, feeWording: 'fourDecimals', signatureDate: '2025-01-20' } },
      infoFee: { noticesIssued: '2', noticeAmountYuan: '35.50', collectedYuan: '20' },
    };
    const result = await importBytes(await printed(report, 'options.pdf'), 'options.pdf');
    const { statedTotals, ...rest } = result.report;
    const { statedTotals: _none, ...expected } = printable(report);
    expect(rest).toEqual(expected);
    const derived = computeFigures(report);
    for (const [key, value] of Object.entries(statedTotals)) expect(value, key).toBe(derived.get(key).text);
  });

  it('reads tables printed without rules by the positions of their headers', async () => {
    const report = consistentReport();
    const borderless = '<style>table, th, td { border: none !important; }</style>';
    const result = await importBytes(await printed(report, 'borderless.pdf', borderless), 'borderless.pdf');
    const expected = computeFigures(report);
    const read = computeFigures(result.report);
    for (const cell of cellIndex(currentFormat).all) expect(read.value(cell.key), cell.key).toBe(expected.value(cell.key));
  });
});

describe.skipIf(!toolsAvailable('soffice'))('PDF converted from Word by LibreOffice', () => {
  it('gives the figures of the Word document itself', async () => {
    const docx = await wordLikeDocx({ trackedDeletion: false });
    const docxPath = join(out, 'word-like-for-pdf.docx');
    writeFileSync(docxPath, docx);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docxPath], { stdio: 'ignore', timeout: 120_000 });
    const fromPdf = await importBytes(new Uint8Array(readFileSync(join(out, 'word-like-for-pdf.pdf'))), 'word-like.pdf');
    const fromDocx = await importBytes(docx, 'word-like.docx');
    expect(fromPdf.report.values).toEqual(fromDocx.report.values);
    expect(fromPdf.report.statedTotals).toEqual(fromDocx.report.statedTotals);
    expect(fromPdf.agency).toBe('青山县自然资源局');
    expect(fromPdf.sections.map((s) => s.heading)).toEqual(currentFormat.sections.map((s) => s.heading));
  });
});
