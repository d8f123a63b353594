import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blankAgency } from '../../shared/model/report.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { withHeldAnswers } from './heldAnswers.ts';

/**
 * The home screen reads the agencies and the reports of the agency on view together
 * (renderer/home/homeData.ts), the first time before React's first render: the table
 * follows the agency chosen, a deletion and its 撤销, and the recycle bin.
 */

/** The years of the reports the table lists, in order. */
function listedYears(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="reports"] tr[data-report-year]', (rows) => rows.map((row) => row.getAttribute('data-report-year')!));
}

describe.runIf(toolsAvailable('chromium'))('home screen: agencies and their reports', { timeout: 120_000 }, () => {
  let harness: Harness;
  let page: Page;

  async function createAgency(name: string, years: readonly number[]): Promise<void> {
    const agency = await harness.call('nianbao:agencies:create', { agency: blankAgency(name) });
    if (!agency.ok) throw new Error(agency.error);
    for (const year of years) {
      const created = await harness.call('nianbao:reports:create', { agencyId: (agency.value as { id: number }).id, year, from: 'blank' });
      if (!created.ok) throw new Error(created.error);
    }
  }

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    page = harness.page;
    await createAgency('湖滨区人民政府办公室', [2023, 2024]);
    await createAgency('湖滨区财政局', [2024]);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  it('opens on the first agency with its reports, and shows the reports of the agency chosen', async () => {
    await page.goto(APP_URL);
    await page.waitForSelector('[data-action="new-report"]');
    expect(await page.textContent('[data-testid="reports"] h2')).toBe('湖滨区人民政府办公室');
    expect(await listedYears(page)).toEqual(['2024', '2023']);
    await page.click('[data-agency="湖滨区财政局"]');
    await page.waitForSelector('[data-testid="reports"] h2:has-text("湖滨区财政局")');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports"] tr[data-report-year]').length === 1);
    expect(await listedYears(page)).toEqual(['2024']);
  });

  it('opens on the agency the address names', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid="reports"] h2:has-text("湖滨区财政局")');
    await page.waitForSelector('[data-testid="reports"] tr[data-report-year]');
    expect(await listedYears(page)).toEqual(['2024']);
  });

  it('never shows an agency’s late answer under the agency chosen after it', async () => {
    const agencies = await harness.call('nianbao:agencies:list', {});
    if (!agencies.ok) throw new Error(agencies.error);
    const office = (agencies.value as { id: number; agency: { name: string } }[]).find((a) => a.agency.name === '湖滨区人民政府办公室')!;
    // The office's reports are read 1.5 s late; the clerk has chosen 财政局 meanwhile.
    await withHeldAnswers(page, 'nianbao:reports:list', { agencyId: office.id }, 1500, async () => {
      await page.click('[data-agency="湖滨区人民政府办公室"]');
      await page.waitForTimeout(100);
      await page.click('[data-agency="湖滨区财政局"]');
      await page.waitForSelector('[data-testid="reports"] h2:has-text("湖滨区财政局")');
      await page.waitForTimeout(2000);
      expect(await page.textContent('[data-testid="reports"] h2')).toBe('湖滨区财政局');
      expect(await listedYears(page)).toEqual(['2024']);
    });
  });

  it('moves a deleted report to the recycle bin, shows it there, and 撤销 brings it back', async () => {
    await page.click('[data-agency="湖滨区人民政府办公室"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports"] tr[data-report-year]').length === 2);
    await page.click('tr[data-report-year="2023"] button:has-text("删除")');
    await page.click('.ant-popconfirm .ant-btn-primary');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports"] tr[data-report-year]').length === 1);
    expect(await listedYears(page)).toEqual(['2024']);

    await page.click('.nb-recycle .ant-switch');
    await page.waitForSelector('tr[data-report-year="2023"] .nb-deleted');
    expect(await listedYears(page)).toEqual(['2024', '2023']);
    await page.click('.nb-recycle .ant-switch');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports"] tr[data-report-year]').length === 1);

    await page.click('.ant-notification button:has-text("撤销")');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports"] tr[data-report-year]').length === 2);
    expect(await listedYears(page)).toEqual(['2024', '2023']);
  });
});
