import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../shared/figures/figures.ts';
import { crossCellKey, currentFormat } from '../../shared/format/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { appPage } from './ui.ts';

/**
 * A clerk's first report, end to end in the built renderer: agency, report, figures typed
 * (full-width digits, a bad value), a block of table 3 pasted from a spreadsheet, a 勾稽
 * error found and fixed, a section written from a starter paragraph, DOCX and PDF export,
 * and everything still there after a reload. Screenshots of each step at 1366×768 go to
 * test-output/ui/; the harness fails the run on any request that leaves the app.
 */

const AGENCY = '湖滨区人民政府办公室';
const table3 = currentFormat.tables.table3;

/** Table 3's data area as a spreadsheet copies it: every row, every column including 总计. */
function table3Tsv(change: (key: string, text: string) => string): string {
  const figures = computeFigures(consistentReport(2025));
  return table3.rows
    .map((row) => table3.columns.map((column) => change(crossCellKey(table3, row.key, column.key), figures.get(crossCellKey(table3, row.key, column.key)).text)).join('\t'))
    .join('\r\n')
    .concat('\r\n');
}

const cell = (key: string) => `[data-cell="${key}"]`;

describe.runIf(toolsAvailable('chromium', 'pdftotext'))('the guided flow in the built renderer', { timeout: 180_000 }, () => {
  let harness: Harness;
  let page: Page;
  let ui: ReturnType<typeof appPage>;
  const exportDir = mkdtempSync(join(tmpdir(), 'nianbao-ui-export-'));
  const screenshot = (name: string) => ui.screenshot(name);
  const saved = () => ui.saved();
  const step = (id: string) => ui.step(id);
  const cellText = (key: string) => ui.cellText(key);
  const typeInto = async (key: string, text: string) => {
    await page.click(cell(key));
    await page.keyboard.type(text);
  };

  beforeAll(async () => {
    harness = await startHarness();
    page = harness.page;
    ui = appPage(page);
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  }, 120_000);

  afterAll(async () => {
    rmSync(exportDir, { recursive: true, force: true });
    // Throws when a request left the app, on page errors or CSP violations.
    await harness?.close();
  }, 60_000);

  it('creates an agency and a report', async () => {
    await page.waitForSelector('[data-action="create-agency"]');
    await screenshot('welcome');
    await page.fill('[data-field="agency.name"]', AGENCY);
    await page.fill('[data-field="agency.website"]', '湖滨区人民政府门户网站');
    await page.fill('[data-field="agency.phone"]', '0571-12345678');
    await page.click('[data-action="create-agency"]');
    await page.waitForSelector(`[data-agency="${AGENCY}"]`);
    await screenshot('home-no-reports');
    await page.click('[data-action="new-report"]');
    await page.waitForSelector('#create-report');
    await screenshot('new-report-dialog');
    await page.click('#create-report');
    await page.waitForSelector('[data-step="agency"][aria-current="step"]');
    expect(await page.textContent('.nb-header-title')).toContain(`${AGENCY}`);
    // Details edited in the report are kept with the agency too (seen on the home screen at the end).
    await page.fill('[data-field="agency.website"]', '湖滨区政务服务网');
    await saved();
    await screenshot('agency-step');
  });

  it('types table 2 with the keyboard, full-width digits normalised', async () => {
    await step('section:proactive');
    await page.click(cell('t2.regulations.issued'));
    for (const text of ['１２', '0', '30', '5', '1', '40', '100', '20', '3']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('1.5');
    await page.keyboard.press('Enter');
    expect(await cellText('t2.regulations.issued')).toBe('12');
    expect(await cellText('t2.fees')).toBe('1.5');
    expect(await page.textContent('[data-step="section:proactive"]')).toContain('已填 10/10 格');
    await screenshot('table2-typed');
  });

  it('shows the message of a bad value beside its cell, totals follow the typing, undo and redo', async () => {
    await step('section:reviewLitigation');
    await typeInto('t4.review.upheld', '2.5');
    const message = await page.waitForSelector('.nb-cell-messages:has(.nb-cell-message)');
    expect(await message.textContent()).toContain('“2.5”不是有效的件数：件数不能有小数');
    expect(await page.getAttribute(cell('t4.review.upheld'), 'aria-invalid')).toBe('true');
    await screenshot('table4-bad-value');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    for (const text of ['1', '0', '0']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    }
    expect(await cellText('t4.review.total')).toBe('3');
    // Arrows stop on the derived total; Tab goes on to the next typed cell.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.cell)).toBe('t4.review.total');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.cell)).toBe('t4.litigationDirect.upheld');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.type(i === 0 ? '4' : '0');
      await page.keyboard.press('Tab');
    }
    expect(await cellText('t4.litigationDirect.total')).toBe('4');
    await page.click(cell('t4.litigationAfterReview.pending'));
    await page.keyboard.press('Control+Z');
    expect(await cellText('t4.litigationAfterReview.pending')).toBe('');
    await page.keyboard.press('Control+Y');
    expect(await cellText('t4.litigationAfterReview.pending')).toBe('0');
    expect(await page.getAttribute(cell('t4.review.upheld'), 'aria-invalid')).toBe('false');
    await screenshot('table4-filled');
  });

  it('pastes a block of table 3 copied from a spreadsheet and finds the 勾稽 error', async () => {
    await step('section:requests');
    const wrong = crossCellKey(table3, 'carriedForward', 'naturalPerson');
    const tsv = table3Tsv((key, text) => (key === wrong ? String(Number(text) + 1) : text));
    await page.click(cell(crossCellKey(table3, 'newReceived', 'naturalPerson')));
    await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
    await page.keyboard.press('Control+V');
    await page.waitForSelector('.ant-message-notice');
    expect(await page.textContent('.ant-message-notice')).toContain(`粘贴 ${6 * (table3.rows.length - 1)} 格`);
    expect(await cellText(crossCellKey(table3, 'newReceived', 'total'))).toBe(
      computeFigures(consistentReport(2025)).get(crossCellKey(table3, 'newReceived', 'total')).text,
    );
    const finding = await page.waitForSelector('.nb-guidance [data-finding="T3-BAL.naturalPerson"]');
    expect(await finding.textContent()).toContain('勾稽关系');
    await screenshot('table3-pasted-with-error');

    // Export with an error left asks first; the clerk goes to fix it.
    await step('export');
    await page.click('[data-action="export-docx"]');
    await page.waitForSelector('.ant-modal-confirm');
    // The 自然人 column and the 总计 column no longer balance.
    expect(await page.textContent('.ant-modal-confirm')).toContain('报告中还有 2 个错误');
    await screenshot('export-asks-about-errors');
    await page.click('.ant-modal-confirm .ant-btn:has-text("去修改")');
    await page.waitForSelector('[data-step="checks"][aria-current="step"]');
    await screenshot('checks-panel');
    await page.click('.nb-checks [data-finding="T3-BAL.naturalPerson"]');
    await page.waitForSelector('[data-step="section:requests"][aria-current="step"]');
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.cell?.startsWith('t3.'));
    const right = computeFigures(consistentReport(2025)).get(wrong).text;
    await typeInto(wrong, right);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.nb-guidance [data-finding="T3-BAL.naturalPerson"]', { state: 'detached' });
    expect(await page.getAttribute('[data-step="section:requests"]', 'data-status')).toBe('done');
    await screenshot('table3-fixed');
  });

  it('writes a section from a starter paragraph, marked until it is edited', async () => {
    await step('section:overview');
    await page.click('[data-action="insert-starter"]');
    await page.click('.ant-dropdown-menu-item >> nth=0');
    const editor = '[data-section-editor="overview"]';
    const starter = currentFormat.sections[0]!.starters[0]!;
    expect(await page.inputValue(editor)).toBe(starter);
    await page.waitForSelector('.nb-prose-backdrop mark');
    await screenshot('starter-inserted');
    const placeholder = starter.indexOf('【】');
    await page.$eval(editor, (el, at) => (el as HTMLTextAreaElement).setSelectionRange(at, at + 2), placeholder);
    await page.keyboard.type('120');
    await page.keyboard.press('End');
    await page.keyboard.type('其中规章12件。');
    expect(await page.inputValue(editor)).toContain('主动公开政府信息120条');
    expect(await page.$('.nb-prose-backdrop mark')).toBeNull();
    expect(await page.textContent('[data-testid="char-count"]')).toMatch(/共 \d+ 字/);

    await step('section:problems');
    await page.fill('[data-section-editor="problems"]', '一是政策解读形式较为单一；二是依申请公开办理流程有待规范。下一步将加强培训。');
    await step('section:other');
    await page.fill('[data-field="infoFee.noticesIssued"]', '０');
    await page.fill('[data-field="infoFee.noticeAmountYuan"]', '0');
    await page.fill('[data-field="infoFee.collectedYuan"]', '0');
    await page.fill('[data-section-editor="other"]', '本年度人大代表建议和政协提案办理结果均已公开。');
    await saved();
    await screenshot('section-six');
    await step('section:overview');
    await screenshot('section-written');
  });

  it('exports DOCX and PDF that hold the agency name', async () => {
    await step('export');
    await page.waitForSelector('.nb-page[data-page="1"][data-rendered="true"]', { timeout: 120_000 });
    await screenshot('preview');
    const docx = join(exportDir, '报告.docx');
    harness.dialogs.answerSave(docx);
    await page.click('[data-action="export-docx"]');
    await page.waitForSelector(`[data-testid="exported-path"]:has-text("${docx}")`, { timeout: 60_000 });
    await screenshot('exported-docx');
    await page.click('.ant-alert button:has-text("在文件夹中显示")');
    await expect.poll(() => harness.shownInFolder).toContain(docx);
    const documentXml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']!);
    expect(documentXml).toContain(AGENCY);

    const pdf = join(exportDir, '报告.pdf');
    harness.dialogs.answerSave(pdf);
    await page.click('[data-action="export-pdf"]');
    await page.waitForSelector(`[data-testid="exported-path"]:has-text("${pdf}")`, { timeout: 120_000 });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(AGENCY);
    expect(existsSync(docx) && existsSync(pdf)).toBe(true);
  }, 240_000);

  it('exports the web page and the Excel workbook beside them, at 1366 and 1024 wide', async () => {
    await step('export');
    const html = join(exportDir, '报告.html');
    harness.dialogs.answerSave(html);
    await page.click('[data-action="export-html"]');
    await page.waitForSelector(`[data-testid="exported-path"]:has-text("${html}")`, { timeout: 60_000 });
    await screenshot('exported-html');
    const page1 = readFileSync(html, 'utf8');
    expect(page1).toMatch(/^<!DOCTYPE html>/);
    expect(page1).toContain(`<h1>${AGENCY}2025年`);
    expect(page1.match(/<table /g)).toHaveLength(3);

    const xlsx = join(exportDir, '报告.xlsx');
    harness.dialogs.answerSave(xlsx);
    await page.click('[data-action="export-xlsx"]');
    await page.waitForSelector(`[data-testid="exported-path"]:has-text("${xlsx}")`, { timeout: 60_000 });
    const sheets = Object.keys(unzipSync(readFileSync(xlsx))).filter((name) => name.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(3);
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot('exported-xlsx-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);

  it('finds everything as it was after a reload', async () => {
    await saved();
    await harness.reload();
    await page.waitForSelector('[data-step="export"][aria-current="step"]');
    await step('section:proactive');
    expect(await cellText('t2.regulations.issued')).toBe('12');
    expect(await cellText('t2.fees')).toBe('1.5');
    await step('section:requests');
    const right = computeFigures(consistentReport(2025)).get(crossCellKey(table3, 'carriedForward', 'naturalPerson')).text;
    expect(await cellText(crossCellKey(table3, 'carriedForward', 'naturalPerson'))).toBe(right);
    await step('section:overview');
    expect(await page.inputValue('[data-section-editor="overview"]')).toContain('主动公开政府信息120条');
    await step('section:other');
    expect(await page.inputValue('[data-field="infoFee.noticesIssued"]')).toBe('0');
    await screenshot('after-reload');
    await page.click('[data-action="history"]');
    await page.waitForSelector('.nb-history .ant-list-item');
    await screenshot('history');
    await page.keyboard.press('Escape');
    await page.click('[data-action="home"]');
    await page.waitForSelector('[data-testid="report-status"]');
    expect(await page.textContent('[data-testid="report-status"]')).toContain('可导出');
    expect(await page.textContent('.nb-reports-head')).toContain('湖滨区政务服务网');
    await screenshot('home-report-ready');
  }, 120_000);
});
