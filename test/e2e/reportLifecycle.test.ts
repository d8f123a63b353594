import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { appPage } from './ui.ts';
import { ipcValue } from './ipcValue.ts';

/**
 * A report's life beyond the first draft, in the built renderer: this year's report
 * started from last year's (carry-over filled), a revision restored, a published report
 * imported through the review screen, and the native menus' commands (new report, import,
 * export, backup). Screenshots go to test-output/ui/ (prefixed `life-`).
 */

const AGENCY = '湖滨区人民政府办公室';
const SEED = join(import.meta.dirname, '..', 'fixtures', 'seeds', '000_0d2bbb24978e26fe.txt');

describe.runIf(toolsAvailable('chromium'))('a report over the years in the built renderer', { timeout: 180_000 }, () => {
  let harness: Harness;
  let page: Page;
  let ui: ReturnType<typeof appPage>;
  const files = mkdtempSync(join(tmpdir(), 'nianbao-ui-life-'));
  const screenshot = (name: string) => ui.screenshot(name);
  const saved = () => ui.saved();
  const step = (id: string) => ui.step(id);
  const cellText = (key: string) => ui.cellText(key);
  const lastYear = consistentReport(2024);

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    page = harness.page;
    ui = appPage(page, 'life-');
    // Last year's report, written and complete.
    const agency = ipcValue<AgencyRecord>(await harness.call('nianbao:agencies:create', { agency: { ...lastYear.agency, name: AGENCY } }));
    const report = ipcValue<ReportSummary>(await harness.call('nianbao:reports:create', { agencyId: agency.id, year: 2024, from: 'blank' }));
    ipcValue(await harness.call('nianbao:reports:save', { id: report.id, report: { ...lastYear, agency: agency.agency } }));
    await page.goto('https://app.nianbao.invalid/index.html');
  }, 120_000);

  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await harness?.close();
  }, 60_000);

  it('lists last year’s report as ready and starts this year’s from it (menu 新建报告)', async () => {
    await page.waitForSelector('[data-testid="report-status"]');
    expect(await page.textContent('[data-testid="report-status"]')).toContain('可导出');
    await harness.menu('new-report');
    await page.waitForSelector('#create-report');
    expect(await page.isChecked('.ant-radio-wrapper:has-text("从上一年的报告开始") input')).toBe(true);
    await screenshot('new-from-last-year');
    await page.click('#create-report');
    await page.waitForSelector('[data-step="agency"][aria-current="step"]');
    await step('section:requests');
    const carried = lastYear.values['t3.carriedForward.naturalPerson']!;
    expect(await cellText('t3.carriedOver.naturalPerson')).toBe(carried);
    await screenshot('carried-over');
  });

  it('restores an earlier revision, keeping the current text as a revision', async () => {
    await step('section:problems');
    const editor = '[data-section-editor="problems"]';
    const before = await page.inputValue(editor);
    await page.fill(editor, '本年度新写的内容。');
    await saved();
    await page.click('[data-action="history"]');
    await page.waitForSelector('.nb-history .ant-list-item');
    const revisions = (await page.$$('.nb-history .ant-list-item')).length;
    await screenshot('history');
    await page.click('.nb-history .ant-list-item >> nth=-1 >> button:has-text("恢复")');
    await page.click('.ant-popconfirm .ant-btn-primary');
    await page.waitForSelector('.nb-history', { state: 'hidden' });
    expect(await page.inputValue(editor)).toBe(before);
    await page.click('[data-action="history"]');
    await page.waitForSelector('.nb-history .ant-list-item');
    expect((await page.$$('.nb-history .ant-list-item')).length).toBeGreaterThan(revisions);
    await page.keyboard.press('Escape');
  });

  it('exports from the menu, prints, and backs up to a file', async () => {
    const docx = join(files, 'menu.docx');
    harness.dialogs.answerSave(docx);
    await harness.menu('export-docx');
    await page.waitForSelector('[data-step="export"][aria-current="step"]');
    // This year's tables are still blank (errors): the export asks, and the clerk goes ahead.
    await page.waitForSelector('.ant-modal-confirm');
    await page.click('.ant-modal-confirm .ant-btn:has-text("仍然导出")');
    await page.waitForSelector(`[data-testid="exported-path"]:has-text("${docx}")`, { timeout: 60_000 });
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    await ui.confirmAfter('[data-action="print"]', '仍然打印');
    await page.waitForSelector('.ant-message-notice:has-text("已发送到打印机")');
    expect(harness.printed).toHaveLength(1);
    expect(harness.printed[0]).toContain(AGENCY);
    await page.click('[data-action="home"]');
    const backup = join(files, 'backup.db');
    harness.dialogs.answerSave(backup);
    await page.click('[data-action="backup"]');
    await page.waitForSelector(`.ant-message-notice:has-text("${backup}")`);
    expect(existsSync(backup)).toBe(true);
  });

  it('imports a published report through the review screen', async () => {
    harness.dialogs.answerOpen(SEED);
    await harness.menu('import-report');
    await page.waitForSelector('#create-report');
    expect(await page.isChecked('.ant-radio-wrapper:has-text("导入已发布的报告") input')).toBe(true);
    await page.click('#create-report');
    await page.waitForSelector('[data-action="confirm-import"]');
    expect(await page.textContent('.nb-source')).toContain('党群工作部2021年政府信息公开工作年度报告');
    await page.click('.ant-tabs-tab:has-text("三、")');
    const key = 't3.newReceived.naturalPerson';
    await page.click(`[data-cell="${key}"]`);
    await page.waitForSelector('.nb-source mark');
    await screenshot('import-review');
    // The clerk corrects one figure before creating the report.
    await page.keyboard.type('5');
    await page.click('[data-action="confirm-import"]');
    await page.waitForSelector('[data-step="agency"][aria-current="step"]');
    expect(await page.textContent('.nb-header-title')).toContain('2021年');
    await step('section:requests');
    expect(await cellText(key)).toBe('5');
    await screenshot('imported-report');
    await page.click('[data-action="home"]');
    await page.waitForSelector('[data-testid="report-status"]');
    expect((await page.$$('[data-testid="report-status"]')).length).toBe(3);
    await screenshot('home-three-years');
  });
});
