import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import { parseRequirements } from '../../shared/model/requirementsFile.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { continuedReport } from '../fixtures/lastYearReports.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { ipcValue } from './ipcValue.ts';

/**
 * Writing 2026's report with 2025's at hand: the carried text marked with its share, last
 * year's figures under the cells, the comparison exported as Word, the deadline on the home
 * screen, and a superior office's requirements exported by one agency and imported by another.
 * Screenshots at 1366×768 and 1024×768 in test-output/e2e/lastyear-*.png.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];

describe.runIf(toolsAvailable('chromium'))('writing this year with last year at hand', { timeout: 240_000 }, () => {
  let harness: Harness;
  let page: Page;
  let agency: AgencyRecord;
  let thisYear: ReportSummary;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lastyear-'));

  const shoot = async (name: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await harness.screenshot(`lastyear-${name}-${size.width}`);
    }
    await page.setViewportSize(SIZES[0]!);
  };
  const open = async (step: string) => {
    await page.goto(`${APP_URL}#/report/${thisYear.id}/${encodeURIComponent(step)}`);
    await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
  };

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    page = harness.page;
    agency = ipcValue(await harness.call('nianbao:agencies:create', { agency: { ...blankAgency('湖滨区人民政府办公室'), kind: 'department' } }));
    const lastYear = consistentReport(2025);
    const previous = ipcValue<ReportSummary>(await harness.call('nianbao:reports:create', { agencyId: agency.id, year: 2025, from: 'blank' }));
    ipcValue(await harness.call('nianbao:reports:save', { id: previous.id, report: { ...lastYear, agency: agency.agency } }));
    thisYear = ipcValue<ReportSummary>(await harness.call('nianbao:reports:create', { agencyId: agency.id, year: 2026, from: 'lastYear' }));
    const opened = ipcValue<{ report: ReturnType<typeof consistentReport> }>(await harness.call('nianbao:reports:open', { id: thisYear.id }));
    const figures = continuedReport({ ...lastYear, agency: agency.agency });
    ipcValue(await harness.call('nianbao:reports:save', { id: thisYear.id, report: { ...opened.report, values: figures.values, infoFee: figures.infoFee } }));
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  it('home: the publishing deadline of the 2026 report and the days left', async () => {
    await page.goto(APP_URL);
    const note = await page.waitForSelector('[data-testid="deadline"]');
    expect(await note.textContent()).toMatch(/2026年度报告应于2027年1月31日前向社会公布，(还有 \d+ 天|就是今天|已过 \d+ 天)/);
    await shoot('home-deadline');
  });

  it('text carried from 2025 is marked with its share, and stale years are warned about', async () => {
    await open('section:overview');
    expect(await page.textContent('[data-testid="repeat-share"]')).toBe('与上年重复 100%');
    expect(await page.$$eval('.nb-prose-backdrop mark.nb-carried', (marks) => marks.length)).toBeGreaterThan(0);
    await shoot('carried-text');
    await page.fill('[data-section-editor="overview"]', '2026年，我单位围绕年度重点任务推进政府信息公开，情况如下。');
    await page.waitForFunction(() => document.querySelector('[data-testid="repeat-share"]')?.textContent === '与上年重复 0%');
    expect(await page.$$eval('.nb-prose-backdrop mark.nb-carried', (marks) => marks.length)).toBe(0);
  });

  it('inserts a sentence from the figures with the change since last year', async () => {
    await page.click('[data-action="insert-sentence"]');
    await page.getByRole('menuitem', { name: '依申请公开（收到申请）' }).click();
    const text = await page.inputValue('[data-section-editor="overview"]');
    expect(text).toMatch(/本年度共收到政府信息公开申请\d+件，较上年增加\d+件，增长[\d.]+%，其中自然人申请\d+件/);
    await shoot('sentence');
  });

  it('table 3 shows last year\'s figure and the change beside each cell', async () => {
    await open('section:requests');
    expect(await page.$('[data-beside]')).toBeNull();
    await page.click('[data-action="year-over-year"]');
    const beside = await page.waitForSelector('[data-beside="t3.granted.naturalPerson"]');
    expect(await beside.textContent()).toBe('上年1 +1');
    await shoot('year-over-year');
  });

  it('the comparison page exports as a Word table', async () => {
    await page.click('[data-action="comparison"]');
    await page.waitForSelector('.ant-modal .ant-table-row');
    await shoot('comparison');
    const path = join(dir, '对比.docx');
    harness.dialogs.answerSave(path);
    await page.click('[data-action="export-comparison"]');
    await page.waitForSelector('.ant-message-success');
    expect(existsSync(path)).toBe(true);
    const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
    for (const words of ['湖滨区人民政府办公室', '2026年与2025年政府信息公开工作数据对比', '增减幅度', '（一）予以公开（自然人）（件）', '+100.0%']) expect(xml).toContain(words);
  });

  it('local requirements: exported by one agency, imported by another', async () => {
    await open('agency');
    await page.fill('[data-field="requirements.issuer"] input, input[data-field="requirements.issuer"]', '区政务公开办');
    await page.fill('[data-field="requirements.overviewMaxChars"] input, input[data-field="requirements.overviewMaxChars"]', '1000');
    await page.click('[data-field="requirements.problemsItemised"]');
    await shoot('requirements');
    const path = join(dir, '要求.json');
    harness.dialogs.answerSave(path);
    await page.click('[data-action="export-requirements"]');
    await page.waitForSelector('.ant-message-success');
    const written = parseRequirements(readFileSync(path, 'utf8'));
    expect(written).toEqual({ ok: true, value: { issuer: '区政务公开办', overviewMaxChars: 1000, overviewSubheadings: [], problemsItemised: true } });

    const other = ipcValue<AgencyRecord>(await harness.call('nianbao:agencies:create', { agency: blankAgency('湖滨区财政局') }));
    await page.goto(APP_URL);
    await page.click(`[data-agency="湖滨区财政局"]`);
    await page.getByRole('button', { name: '机关信息' }).click();
    harness.dialogs.answerOpen(path);
    await page.click('.ant-modal [data-action="import-requirements"]');
    await page.waitForFunction(() => (document.querySelector('.ant-modal input[data-field="requirements.issuer"]') as HTMLInputElement | null)?.value === '区政务公开办');
    await shoot('requirements-imported');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForSelector('.ant-modal', { state: 'detached' });
    const agencies = ipcValue<AgencyRecord[]>(await harness.call('nianbao:agencies:list', {}));
    expect(agencies.find((a) => a.id === other.id)!.agency.localRequirements).toEqual(written.ok && written.value);
  });
});
