import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocTable } from '../../shared/document/model.ts';
import type { AgencyRecord } from '../../shared/ipc/contract.ts';
import { launchChromiumPdfPrinter } from '../../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../../services/export/pdf/exportPdf.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { toolsAvailable } from '../support/tools.ts';
import { startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { appPage } from './ui.ts';

/**
 * The import review with a PDF of another agency and year (the clerk is told and chooses;
 * 取消 after a correction asks first), and 从剪贴板导入 of one table copied from a browser.
 * Screenshots at 1366×768 and 1024×768 in test-output/ui/.
 */

const CHOSEN_AGENCY = '青山县自然资源局';
const seeds = loadSeeds();
const pdfSeed = seeds.find((s) => s.id === '004_796925a18fab7523')!;
const pasteSeed = seeds.find((s) => s.id === '002_02b0b34086fdfbea')!;

async function pdfOf(): Promise<Uint8Array> {
  const printer = await launchChromiumPdfPrinter();
  if (!printer.ok) throw new Error(printer.error);
  try {
    const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
    if (!fonts.ok) throw new Error(fonts.error);
    const pdf = await exportPdf(buildDocument(pdfSeed.report), printer.value, fonts.value.url);
    if (!pdf.ok) throw new Error(pdf.error);
    return pdf.value;
  } finally {
    await printer.value.close();
  }
}

async function bothSizes(page: Page, shot: (name: string) => Promise<void>, name: string): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(`${name}-1024`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(`${name}-1366`);
}

/** Whether the whole of the element is inside the window. */
function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    return box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
  });
}

describe.runIf(toolsAvailable('chromium'))('import review in the built renderer', { timeout: 240_000 }, () => {
  let harness: Harness;
  let page: Page;
  let ui: ReturnType<typeof appPage>;
  const files = mkdtempSync(join(tmpdir(), 'nianbao-ui-import-'));

  beforeAll(async () => {
    const pdf = join(files, '湖滨区年报.pdf');
    writeFileSync(pdf, await pdfOf());
    harness = await startHarness({ open: false });
    page = harness.page;
    ui = appPage(page, 'import-');
    const created = await harness.call('nianbao:agencies:create', { agency: { ...pdfSeed.report.agency, name: CHOSEN_AGENCY } });
    if (!created.ok) throw new Error(created.error);
    harness.dialogs.answerOpen(pdf);
    await page.goto('https://app.nianbao.invalid/index.html');
  }, 180_000);

  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await harness?.close();
  }, 60_000);

  it('reviews a PDF of another agency and year: says so, lets the clerk choose, asks before discarding corrections', async () => {
    await page.waitForSelector(`text=${CHOSEN_AGENCY}`);
    await harness.menu('import-report');
    await page.waitForSelector('#create-report');
    await page.click('#create-report');
    await page.waitForSelector('[data-action="confirm-import"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="agency-differs"]')).toContain(`文件中的机关是“湖滨区政府办”，与当前选择的“${CHOSEN_AGENCY}”不同`);
    expect(await page.textContent('[data-testid="year-differs"]')).toContain('文件中的年度是2021年');
    await page.click('.ant-tabs-tab:has-text("三、")');
    const key = 't3.newReceived.naturalPerson';
    expect(await ui.cellText(key)).toBe(pdfSeed.report.values[key]);
    await page.click(`[data-cell="${key}"]`);
    await page.waitForSelector('[data-testid="source-mark"]');
    await bothSizes(page, (n) => ui.screenshot(n), 'pdf-review');
    // Beside the source, table 3 is cut at 1024 px: folded away, the whole row is on screen.
    await page.setViewportSize({ width: 1024, height: 768 });
    const total = '[data-cell="t3.newReceived.total"]';
    expect(await inViewport(page, total)).toBe(false);
    await page.click('.nb-review-source [data-action="toggle-source"]');
    await page.waitForSelector('.nb-review-source', { state: 'detached' });
    expect(await inViewport(page, total)).toBe(true);
    expect(await page.textContent('.nb-review-figures')).toContain('展开左侧的原文');
    await bothSizes(page, (n) => ui.screenshot(n), 'pdf-review-source-folded');
    await page.click('.nb-review-source-rail');
    await page.click(`[data-cell="${key}"]`);
    await page.waitForSelector('[data-testid="source-mark"]');
    // A correction, then 取消: the clerk is asked and goes on reviewing.
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.click('[data-action="cancel-import"]');
    await page.waitForSelector('.ant-modal-confirm:has-text("放弃在核对中所做的修改")');
    await ui.screenshot('cancel-asks');
    await page.click('.ant-modal-confirm .ant-btn:has-text("继续核对")');
    expect(await ui.cellText(key)).toBe('7');
    // The report goes to a new agency of the file's name, as a report of the file's year.
    await page.click('[data-testid="agency-differs"] .ant-radio-wrapper:has-text("新建机关")');
    await page.click('[data-testid="year-differs"] .ant-radio-wrapper:has-text("按文件")');
    await page.click('[data-action="confirm-import"]');
    await page.waitForSelector('[data-step="agency"][aria-current="step"]');
    expect(await page.textContent('.nb-header-title')).toContain('2021年');
    const agencies = await harness.call('nianbao:agencies:list', {});
    expect(agencies.ok && (agencies.value as AgencyRecord[]).map((a) => a.agency.name).sort()).toEqual(['湖滨区政府办', CHOSEN_AGENCY].sort());
  });

  it('imports one table pasted from a browser (text and HTML) through the same review', async () => {
    await page.click('[data-action="home"]');
    // The menu command goes to the home screen: it waits until that screen shows the report just made.
    await page.waitForSelector('[data-testid="report-status"]');
    await harness.menu('new-report');
    await page.waitForSelector('#create-report');
    await page.click('.ant-radio-wrapper:has-text("从剪贴板导入")');
    const table = buildDocument(pasteSeed.report).sections.flatMap((s) => s.blocks).find((b): b is DocTable => b.kind === 'table' && b.id === 'table3')!;
    const rows = Array.from({ length: table.rowCount }, (_, r) => table.cells.filter((c) => c.row === r));
    const html = `<table>${rows.map((cells) => `<tr>${cells.map((c) => `<td rowspan="${c.rowSpan}" colspan="${c.colSpan}">${c.text}</td>`).join('')}</tr>`).join('')}</table>`;
    const text = rows.map((cells) => cells.map((c) => c.text.replace(/\n/g, ' ')).join('\t')).join('\n');
    await page.focus('[data-testid="paste-target"]');
    await page.evaluate(
      ({ html, text }) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', text);
        document.querySelector('[data-testid="paste-target"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { html, text },
    );
    await page.waitForSelector('.ant-form-item:has-text("已同时取得复制内容的表格结构")');
    await bothSizes(page, (n) => ui.screenshot(n), 'paste-dialog');
    await page.click('#create-report');
    await page.waitForSelector('[data-action="confirm-import"]');
    await page.click('.ant-tabs-tab:has-text("三、")');
    for (const key of ['t3.newReceived.naturalPerson', 't3.granted.naturalPerson', 't3.carriedForward.naturalPerson']) {
      expect(await ui.cellText(key), key).toBe(pasteSeed.report.values[key] ?? '');
    }
    // The source text marks the one line the focused cell was read from.
    await page.click('[data-cell="t3.granted.naturalPerson"]');
    const marked = await page.textContent('.nb-source mark');
    expect((await page.textContent('.nb-source'))!.split('\n')).toContain(marked);
    expect(marked!.split('\t')).toContain(pasteSeed.report.values['t3.granted.naturalPerson']);
    await page.click('.ant-tabs-tab:has-text("二、")');
    await bothSizes(page, (n) => ui.screenshot(n), 'paste-review');
  });
});
