import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocumentModel } from '../../shared/document/model.ts';
import { DRAFT_MARK } from '../../shared/document/typography.ts';
import { renderPrintHtml } from '../../shared/print/renderPrintHtml.ts';
import { findChromium, OFFLINE_CHROMIUM_ARGS } from '../../services/chromium/findChromium.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { printPageFrame, showInPlaceScript, showPrintPage, withHtmlFile } from '../../services/export/pdf/printPage.ts';
import { seedReports } from '../docx/reports.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { startTestPrinter } from '../support/testPrinter.ts';
import { pageTexts, pdfFonts, renderPngs } from './poppler.ts';

/**
 * The printer shows each print page in the page it printed before (printPage.ts
 * `showInPlaceScript`) instead of loading a new document: what it prints must be exactly
 * what a page loaded anew prints, including characters whose font slices the page had
 * never loaded, and a change of stylesheet (the 草稿 mark) loads the page anew.
 */

const available = toolsAvailable('chromium', 'pdffonts', 'pdftotext', 'pdftoppm');
const outDir = testOutputDir('pdf-in-place');

/** Characters from font slices no seed report uses (Noto Serif SC slices 21, 22, 25, 38, 71). */
const RARE = '龘黻鼗馕蠲彧';

let fontBaseUrl: string;
let reused: PdfPrinter;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  ({ printer: reused, fontBaseUrl } = await startTestPrinter());
  const found = findChromium();
  if (!found.ok) throw new Error(found.error);
  browser = await chromium.launch({ executablePath: found.path, args: OFFLINE_CHROMIUM_ARGS });
});

afterAll(async () => {
  await reused?.close();
  await browser?.close();
});

/** The model without the 草稿 mark (seed reports have errors: they would be marked). */
function unmarked(model: DocumentModel): DocumentModel {
  const { draftMark: _, ...rest } = model;
  return rest;
}

function models(): { plain: DocumentModel; rare: DocumentModel; rareDraft: DocumentModel } {
  const [first, second] = seedReports();
  const report = second!.report;
  const withRare = { ...report, sections: { ...report.sections, other: `${report.sections.other ?? ''}\n生僻字：${RARE}。` } };
  const rare = unmarked(buildDocument(withRare));
  return { plain: unmarked(buildDocument(first!.report)), rare, rareDraft: { ...rare, draftMark: DRAFT_MARK } };
}

async function printTo(printer: PdfPrinter, model: DocumentModel, name: string): Promise<string> {
  const pdf = await printer.print(renderPrintHtml(model, { fontBaseUrl }));
  if (!pdf.ok) throw new Error(pdf.error);
  const file = join(outDir, `${name}.pdf`);
  writeFileSync(file, pdf.value);
  renderPngs(file, join(outDir, name));
  return file;
}

/** Prints with a printer of its own, whose page has shown nothing before. */
async function printFresh(model: DocumentModel, name: string): Promise<string> {
  const { printer } = await startTestPrinter();
  try {
    return await printTo(printer, model, name);
  } finally {
    await printer.close();
  }
}

/** The PNG pages of a PDF printed by `printTo`, as bytes. */
function pagePngs(name: string): Buffer[] {
  return readdirSync(outDir)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
    .sort()
    .map((file) => readFileSync(join(outDir, file)));
}

/** Font names without the subset tag (`ABCDEF+`), with their type and embedding. */
function fontsOf(file: string): string[] {
  return pdfFonts(file).map((font) => `${font.name.replace(/^[A-Z]{6}\+/, '')} ${font.type} ${font.embedded ? 'embedded' : 'NOT embedded'}`);
}

describe('showing the next print page', () => {
  it('loads anew only on a new surface or for another frame, and always waits for the fonts', async () => {
    const page = (title: string, style: string) => `<!DOCTYPE html><html><head><title>${title}</title><style>${style}</style></head><body>${title}</body></html>`;
    const calls: string[] = [];
    const surface = {
      run: async (script: string) => {
        calls.push(script.includes('DOMParser') ? 'in place' : script.includes('fonts.ready') ? 'fonts' : 'other');
        return true;
      },
      load: async () => void calls.push('load'),
    };
    const first = await showPrintPage(surface, page('一', 'p{}'), undefined);
    const second = await showPrintPage(surface, page('二', 'p{}'), first);
    await showPrintPage(surface, page('三', 'h1{}'), second);
    expect(calls).toEqual(['load', 'fonts', 'in place', 'fonts', 'load', 'fonts']);
  });
});

describe.runIf(available)('printing in the page printed before', () => {
  it('shows a page in place of one with the same frame, exactly as loading it would', async () => {
    const { plain, rare, rareDraft } = models();
    // Another report, the same stylesheets: the same frame; the 草稿 mark changes the stylesheet.
    expect(printPageFrame(renderPrintHtml(rare, { fontBaseUrl }))).toBe(printPageFrame(renderPrintHtml(plain, { fontBaseUrl })));
    expect(printPageFrame(renderPrintHtml(rareDraft, { fontBaseUrl }))).not.toBe(printPageFrame(renderPrintHtml(plain, { fontBaseUrl })));
    const page = await browser.newPage();
    try {
      await withHtmlFile(renderPrintHtml(plain, { fontBaseUrl }), (url) => page.goto(url, { waitUntil: 'load' }));
      const html = renderPrintHtml(rare, { fontBaseUrl });
      expect(await page.evaluate(showInPlaceScript(html))).toBe(true);
      expect(await page.title()).toBe(rare.title);
      const shown = await page.evaluate(() => new XMLSerializer().serializeToString(document));
      const fresh = await browser.newPage();
      try {
        await withHtmlFile(html, (url) => fresh.goto(url, { waitUntil: 'load' }));
        expect(shown).toBe(await fresh.evaluate(() => new XMLSerializer().serializeToString(document)));
      } finally {
        await fresh.close();
      }
    } finally {
      await page.close();
    }
  });

  it('prints what a page loaded anew prints, new font slices and a changed 草稿 mark included', async () => {
    const { plain, rare, rareDraft } = models();
    // One printer, one page: the seed report, the rare characters shown in place, the 草稿
    // mark (another stylesheet: loaded anew), the rare characters again (loaded anew).
    await printTo(reused, plain, 'reused-1-plain');
    const rareInPlace = await printTo(reused, rare, 'reused-2-rare');
    const draftReused = await printTo(reused, rareDraft, 'reused-3-draft');
    await printTo(reused, rare, 'reused-4-rare');

    const rareFresh = await printFresh(rare, 'fresh-rare');
    await printFresh(rareDraft, 'fresh-draft');

    expect(pageTexts(rareInPlace, 'raw').join('')).toContain(RARE);
    expect(pageTexts(rareInPlace, 'layout')).toEqual(pageTexts(rareFresh, 'layout'));
    expect(fontsOf(rareInPlace)).toEqual(fontsOf(rareFresh));
    expect(fontsOf(rareInPlace).every((font) => font.endsWith(' embedded') && !font.includes('Type 3'))).toBe(true);
    const freshPages = pagePngs('fresh-rare');
    expect(freshPages.length).toBeGreaterThan(1);
    expect(pagePngs('reused-2-rare')).toEqual(freshPages);
    expect(pagePngs('reused-4-rare')).toEqual(freshPages);
    expect(pageTexts(draftReused, 'raw').join('')).toContain(DRAFT_MARK);
    expect(pagePngs('reused-3-draft')).toEqual(pagePngs('fresh-draft'));
  });
});
