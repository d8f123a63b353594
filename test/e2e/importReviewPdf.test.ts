import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../services/import/index.ts';
import type { ImportResult } from '../../services/import/index.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { toolsAvailable } from '../support/tools.ts';
import { startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { appPage } from './ui.ts';

/**
 * The import review of a PDF shows, beside the figures, the page a focused cell was read
 * from (drawn by pdf.js) with the figure outlined where the importer found it printed.
 * Screenshots at 1024×768 and 1366×768: test-output/ui/import-review-pdf-*.png.
 */

const seed = loadSeeds().find((s) => s.id === '004_796925a18fab7523')!;
/** Table 3's 总计 of new applications: a figure other than 0 in this seed. */
const CELL = 't3.newReceived.total';
/** How far (CSS pixels) the outline may stand from where the cell's box puts it: rounding of the drawn page only. */
const PIXEL_TOLERANCE = 1.5;
/** The outline's padding around the figure (SourcePdfPage's MARK_PADDING_PX). */
const MARK_PADDING = 3;

interface Measured {
  readonly canvas: { left: number; top: number; width: number; height: number };
  readonly mark: { left: number; top: number; width: number; height: number };
  readonly panel: { left: number; top: number; right: number; bottom: number };
  /** Pixels drawn darker than the paper (text, rules), on the whole page and under the outline. */
  readonly inkOnPage: number;
  readonly inkUnderMark: number;
}

/** Where the page canvas and the outline are on screen, and whether the canvas has the page's text drawn on it. */
async function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="source-page"] canvas')!;
    const mark = document.querySelector<HTMLElement>('[data-testid="source-mark"]')!;
    const panel = document.querySelector<HTMLElement>('[data-testid="source-page"]')!.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const ratio = canvas.width / c.width;
    const dark = (x0: number, y0: number, x1: number, y1: number): number => {
      let count = 0;
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(canvas.height, Math.ceil(y1)); y++) {
        for (let x = Math.max(0, Math.floor(x0)); x < Math.min(canvas.width, Math.ceil(x1)); x++) {
          const i = (y * canvas.width + x) * 4;
          if (pixels.data[i + 3]! > 0 && pixels.data[i]! + pixels.data[i + 1]! + pixels.data[i + 2]! < 600) count++;
        }
      }
      return count;
    };
    return {
      canvas: { left: c.left, top: c.top, width: c.width, height: c.height },
      mark: { left: m.left, top: m.top, width: m.width, height: m.height },
      panel: { left: panel.left, top: panel.top, right: panel.right, bottom: panel.bottom },
      inkOnPage: dark(0, 0, canvas.width, canvas.height),
      inkUnderMark: dark((m.left - c.left) * ratio, (m.top - c.top) * ratio, (m.right - c.left) * ratio, (m.bottom - c.top) * ratio),
    };
  });
}

describe.runIf(toolsAvailable('chromium'))('import review: the PDF page beside the cells', { timeout: 240_000 }, () => {
  let harness: Harness;
  let page: Page;
  let ui: ReturnType<typeof appPage>;
  let imported: ImportResult;
  const files = mkdtempSync(join(tmpdir(), 'nianbao-ui-import-pdf-'));

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    page = harness.page;
    ui = appPage(page, 'import-review-pdf-');
    // The PDF the app itself prints for the seed (its print preview), saved as a published report.
    const printed = await harness.call('nianbao:export:preview', { report: seed.report });
    if (!printed.ok) throw new Error(printed.error);
    const file = join(files, '湖滨区年报.pdf');
    writeFileSync(file, Buffer.from((printed.value as { pdfBase64: string }).pdfBase64, 'base64'));
    const read = await importFile({ path: file });
    if (!read.ok) throw new Error(read.error);
    imported = read.value;
    const created = await harness.call('nianbao:agencies:create', { agency: seed.report.agency });
    if (!created.ok) throw new Error(created.error);
    harness.dialogs.answerOpen(file);
    await page.goto('https://app.nianbao.invalid/index.html');
  }, 180_000);

  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await harness?.close();
  }, 60_000);

  it('focusing a cell shows its page with the figure outlined where it is printed, scrolled into view', async () => {
    const cell = imported.cells.find((c) => c.key === CELL)!;
    const box = cell.box!;
    const size = imported.pageSizes![box.page - 1]!;
    expect(cell.value).not.toBe('0');

    await page.waitForSelector(`text=${seed.report.agency.name}`);
    await harness.menu('import-report');
    await page.waitForSelector('#create-report');
    await page.click('#create-report');
    await page.waitForSelector('[data-action="confirm-import"]', { timeout: 60_000 });
    // Before any cell is chosen, the first page is shown, unmarked.
    await page.waitForSelector('[data-testid="source-page"][data-page="1"] .nb-page[data-rendered="true"]');
    expect(await page.$('[data-testid="source-mark"]')).toBeNull();

    await page.click('.ant-tabs-tab:has-text("三、")');
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 768 });
      await page.focus(`[data-cell="${CELL}"]`);
      await page.waitForSelector(`[data-testid="source-page"][data-page="${box.page}"] .nb-page[data-rendered="true"]`);
      await page.waitForSelector('[data-testid="source-mark"]');
      // Let the panel settle (the page is drawn, then scrolled to the figure).
      await page.waitForFunction(() => {
        const panel = document.querySelector('[data-testid="source-page"]')!.getBoundingClientRect();
        const mark = document.querySelector('[data-testid="source-mark"]')!.getBoundingClientRect();
        return mark.left >= panel.left && mark.right <= panel.right && mark.top >= panel.top && mark.bottom <= panel.bottom;
      });
      const shown = await measure(page);

      // The page is drawn, and the outline sits on printed ink (the figure).
      expect(shown.canvas.width).toBeGreaterThan(300);
      expect(shown.inkOnPage).toBeGreaterThan(1000);
      expect(shown.inkUnderMark).toBeGreaterThan(5);
      // The outline is the cell's box on the drawn page: PDF points scaled to the canvas, y turned downwards.
      const scaleX = shown.canvas.width / size.width;
      const scaleY = shown.canvas.height / size.height;
      expect(Math.abs(shown.mark.left - shown.canvas.left - (box.x * scaleX - MARK_PADDING))).toBeLessThanOrEqual(PIXEL_TOLERANCE);
      expect(Math.abs(shown.mark.top - shown.canvas.top - ((size.height - box.y - box.height) * scaleY - MARK_PADDING))).toBeLessThanOrEqual(PIXEL_TOLERANCE);
      expect(Math.abs(shown.mark.width - (box.width * scaleX + 2 * MARK_PADDING))).toBeLessThanOrEqual(PIXEL_TOLERANCE);
      expect(Math.abs(shown.mark.height - (box.height * scaleY + 2 * MARK_PADDING))).toBeLessThanOrEqual(PIXEL_TOLERANCE);
      await ui.screenshot(`page-${width}`);
    }

    // The text read from the PDF is still there, with the cell's line marked.
    await page.click('.nb-review-source .ant-segmented-item:has-text("识别出的文字")');
    expect(await page.textContent('.nb-source mark')).toBe(imported.sourceLines[cell.line!]);
    await ui.screenshot('text-1366');
  });
});
