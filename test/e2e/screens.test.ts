import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentFormat } from '../../shared/format/index.ts';
import type { ReportSummary } from '../../shared/ipc/contract.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { appPage } from './ui.ts';

/**
 * Every screen at 1024×768 (an old office PC) and 1366×768, into test-output/ui/
 * (`1024-…`, `1366-…`), to be looked at: first start, home, new report, each step of a
 * report with a wrong figure and blank cells, the drawer and rail of small screens, checks,
 * preview, history and about. The first start's form is sent with Enter; a dialog taller than
 * the screen keeps its buttons on it.
 */

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;
const AGENCY = '湖滨区人民政府办公室';

describe.runIf(toolsAvailable('chromium'))('every screen at 1024×768 and 1366×768', { timeout: 300_000 }, () => {
  for (const size of SIZES) {
    describe(`${size.width}×${size.height}`, () => {
      let harness: Harness;
      let page: Page;
      let ui: ReturnType<typeof appPage>;
      let reportId: number;

      beforeAll(async () => {
        harness = await startHarness({ open: false });
        page = harness.page;
        await page.setViewportSize(size);
        ui = appPage(page, `${size.width}-`);
        await page.goto(APP_URL);
      }, 120_000);

      afterAll(async () => {
        await harness?.close();
      }, 60_000);

      it('first start: Enter sends the agency form', async () => {
        await page.waitForSelector('[data-action="create-agency"]');
        await ui.screenshot('welcome');
        await page.fill('[data-field="agency.name"]', AGENCY);
        await page.press('[data-field="agency.name"]', 'Enter');
        await page.waitForSelector(`[data-agency="${AGENCY}"]`);
        await ui.screenshot('home-no-reports');
      });

      it('home, new report and every step of a report', async () => {
        await page.click('[data-action="new-report"]');
        await page.waitForSelector('#create-report');
        await ui.screenshot('new-report-dialog');
        await page.click('#create-report');
        await page.waitForSelector('[data-step="agency"][aria-current="step"]');
        reportId = Number(/#\/report\/(\d+)/.exec(page.url())![1]);
        const report = consistentReport(2025);
        const values: Record<string, string> = { ...report.values, 't3.newReceived.naturalPerson': '2.5' };
        for (const key of Object.keys(values).filter((k) => k.startsWith('t2.normativeDocuments'))) delete values[key];
        const agencies = await harness.call('nianbao:agencies:list', {});
        const agency = (agencies.ok ? (agencies.value as { agency: typeof report.agency }[]) : [])[0]!.agency;
        const saved = await harness.call('nianbao:reports:save', { id: reportId, report: { ...report, agency, values, sections: { ...report.sections, problems: '' } } });
        expect(saved.ok).toBe(true);
        await page.reload();
        await page.waitForSelector('[data-step="agency"][aria-current="step"]');
        await ui.screenshot('step-agency');
        for (const section of currentFormat.sections) {
          await ui.step(`section:${section.key}`);
          if (section.table) await page.click(`[data-cell]:not([tabindex="-1"]) >> nth=0`);
          await ui.screenshot(`step-${section.key}`);
        }
        await ui.step('section:requests');
        await page.click('[data-cell="t3.newReceived.naturalPerson"]');
        await page.waitForSelector('.nb-cell-messages .nb-cell-message');
        await ui.screenshot('table3-message');
        if (size.width <= 1280) {
          await page.click('[data-action="toggle-guidance"]');
          await page.waitForSelector('.nb-guidance');
          await ui.screenshot('table3-drawer-open');
          await page.click('.nb-guidance-close');
          await page.click('[data-action="toggle-steps"]');
          await ui.screenshot('table3-steps-open');
          await page.click('[data-action="toggle-steps"]');
        }
        await ui.step('section:proactive');
        await page.click('[data-action="fill-zeros"]');
        await page.waitForSelector('.ant-modal-confirm');
        await ui.screenshot('fill-zeros-confirm');
        await page.click('.ant-modal-confirm .ant-btn-primary');
        await page.waitForSelector('.ant-modal-confirm', { state: 'detached' });
        expect(await ui.cellText('t2.normativeDocuments.issued')).toBe('0');
        await ui.step('checks');
        await ui.screenshot('checks');
        await ui.step('export');
        await page.waitForSelector('[data-testid="preview"][data-updating="false"] .nb-page[data-page="1"][data-rendered="true"]', { timeout: 120_000 });
        await ui.screenshot('preview-fit-width');
        await page.click('[data-action="zoom-100"]');
        await page.waitForSelector('.nb-page[data-page="1"][data-rendered="true"]');
        await ui.screenshot('preview-100');
        await page.click('[data-action="history"]');
        await page.waitForSelector('.nb-history .ant-list-item');
        await ui.screenshot('history');
        await page.keyboard.press('Escape');
      });

      it('home with the report, agency dialog and about', async () => {
        await page.click('[data-action="home"]');
        await page.waitForSelector('[data-testid="report-status"]');
        const listed = await harness.call('nianbao:reports:list', { agencyId: 1 });
        const summary = (listed.ok ? (listed.value as ReportSummary[]) : [])[0]!;
        // The home screen says what the checks say: the one wrong figure.
        expect(summary.errorCount).toBe(1);
        expect(await page.textContent('[data-testid="report-status"]')).toBe('有错误1 个错误');
        await ui.screenshot('home-report');
        await page.click('button:has-text("机关信息")');
        await page.waitForSelector('.ant-modal [data-field="agency.name"]');
        await ui.screenshot('agency-dialog');
        // Taller than a 768 px screen: its body scrolls, and 保存 stays on screen.
        const save = (await page.locator('.ant-modal .ant-modal-footer .ant-btn-primary').boundingBox())!;
        expect(save.y + save.height).toBeLessThanOrEqual(size.height);
        await page.press('.ant-modal [data-field="agency.website"]', 'Enter');
        await page.waitForSelector('.ant-modal [data-field="agency.name"]', { state: 'detached' });
        await harness.menu('about');
        await page.waitForSelector('[data-testid="about-notices"]');
        await ui.screenshot('about');
      });
    });
  }
});
