import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import type { AgencyRecord } from '../../shared/ipc/contract.ts';
import { blankAgency } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { inProcessHeavyWork } from '../../services/worker/heavyWork.ts';
import type { HeavyWork } from '../../services/worker/heavyWork.ts';
import { readExchangeFile, writeExchangeFile } from '../../services/exchange/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { withHeldAnswers } from './heldAnswers.ts';
import { ipcValue } from './ipcValue.ts';

/**
 * The superior office's 汇总 in the app: a folder of unit reports made from the fixtures
 * (exchange files, a DOCX and a published text through the project's own exports; one
 * with a 勾稽 error, one unreadable, one of an agency not on the list) is received, the
 * review filtered to 有错误, a unit opened and annotated, the review exported and read
 * back, and the sum checked against a sum computed here. Screenshots at 1366×768 and
 * 1024×768 in test-output/e2e/summary-*.png.
 */

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];
const SUPERIOR = '湖滨区人民政府办公室';
const SUM_CELL = 't2.regulations.inForce';

function unitReport(agency: string): Report {
  const report = consistentReport(YEAR);
  return { ...report, agency: { ...report.agency, name: agency } };
}

/** 一+二 ≠ 三（七）+四 for natural persons: the 结转下年度 is off by 5. */
function withBalanceError(report: Report): Report {
  const key = 't3.carriedForward.naturalPerson';
  return { ...report, values: { ...report.values, [key]: String(Number(report.values[key]) + 5) } };
}

const seeds = loadSeeds();
const textSeed = seeds.find((s) => s.fixture.agency === '川汇区信访局')!;
const strangerSeed = seeds.find((s) => s.fixture.agency === '党群工作部')!;
/** The published report's year: a report of another year than the workspace's is left out of the sum. */
const YEAR = textSeed.fixture.year;

describe.runIf(toolsAvailable('chromium'))('汇总: receiving, reviewing and summing the units’ reports', { timeout: 300_000 }, () => {
  let harness: Harness;
  let page: Page;
  let agency: AgencyRecord;
  /** While set, main's reading of each received file waits for it: a receiving job stays under way. */
  let readingHeld: Promise<void> | undefined;
  const heldReading: HeavyWork = {
    ...inProcessHeavyWork,
    readImportFile: async (path) => {
      await readingHeld;
      return inProcessHeavyWork.readImportFile(path);
    },
  };
  /** Runs `work` while main's reading of received files waits, and lets it go on after. */
  const withReadingHeld = async (work: () => Promise<void>): Promise<void> => {
    let release = () => {};
    readingHeld = new Promise((resolve) => (release = resolve));
    try {
      await work();
    } finally {
      release();
      readingHeld = undefined;
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-e2e-'));
  const inbox = join(dir, '收到的报告');
  /** The reports the sum must add up (the readable ones of listed units), by unit. */
  const summed: Report[] = [];

  const shoot = async (name: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      await harness.screenshot(`summary-${name}-${size.width}`);
    }
    await page.setViewportSize(SIZES[0]!);
  };
  /** The toolbar `selector` is one line at every size (no button wrapped under the others). */
  const expectOneLine = async (selector: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const toolbar = await page.$eval(selector, (bar) => ({
        height: bar.getBoundingClientRect().height,
        tallest: Math.max(...[...bar.children].map((item) => item.getBoundingClientRect().height)),
      }));
      expect(toolbar.height, `${selector} at ${size.width}×${size.height}`).toBeLessThanOrEqual(toolbar.tallest + 1);
    }
    await page.setViewportSize(SIZES[0]!);
  };
  const tab = async (view: string) => {
    await page.click(`[data-tab="${view}"]`);
    await page.waitForSelector(`[data-tab="${view}"][aria-current="page"]`);
  };

  beforeAll(async () => {
    mkdirSync(inbox);
    const education = unitReport('湖滨区教育局');
    const finance = withBalanceError(unitReport('湖滨区财政局'));
    const health = unitReport('湖滨区卫生健康委员会');
    writeFileSync(join(inbox, '湖滨区教育局.nianbao'), writeExchangeFile(education, new Date()));
    // Sent again with another figure: the reviewer keeps the first one, so the sum must not see 20.
    const resent = { ...education, values: { ...education.values, [SUM_CELL]: '20' } };
    writeFileSync(join(inbox, '湖滨区教育局（重报）.nianbao'), writeExchangeFile(resent, new Date()));
    writeFileSync(join(inbox, '湖滨区财政局年报.nianbao'), writeExchangeFile(finance, new Date()));
    writeFileSync(join(inbox, '卫健委年报.docx'), await renderDocx(buildDocument(health)));
    writeFileSync(join(inbox, '川汇区信访局政府信息公开工作年度报告.txt'), textSeed.text);
    writeFileSync(join(inbox, '湖滨区民政局.pdf'), 'not a pdf at all');
    writeFileSync(join(inbox, '党群工作部报告.txt'), strangerSeed.text);
    summed.push(education, finance, health, textSeed.report);

    harness = await startHarness({ open: false, heavy: heldReading });
    page = harness.page;
    agency = ipcValue(await harness.call('nianbao:agencies:create', { agency: { ...blankAgency(SUPERIOR), kind: 'government' } }));
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('opens from the home screen beside the agency’s own reports', async () => {
    await page.goto(APP_URL);
    await page.waitForSelector('[data-action="open-summary"]');
    await shoot('home');
    await page.click('[data-action="open-summary"]');
    await page.waitForSelector('[data-tab="units"][aria-current="page"]');
    expect(await page.textContent('.nb-header-title')).toContain(SUPERIOR);
    await page.goto(`${APP_URL}#/summary/${agency.id}/${YEAR}/units`);
    await page.waitForSelector('[data-action="type-units"]');
  });

  it('lists the expected units by pasting a column', async () => {
    await page.click('[data-action="type-units"]');
    await page.fill(
      '[data-testid="units-text"]',
      ['湖滨区教育局', '湖滨区财政局', '川汇区信访局', '湖滨区卫生健康委员会\t卫健委', '湖滨区民政局', '湖滨区城关镇人民政府'].join('\n'),
    );
    await page.click('.ant-modal-footer .ant-btn-primary');
    await page.waitForSelector('.nb-units [data-unit="湖滨区城关镇人民政府"]');
    expect(await page.textContent('.nb-units h3')).toBe('应报单位（6）');
  });

  it('receives a folder, lists the unreadable file, asks about the unknown agency and which of two reports counts', async () => {
    harness.dialogs.answerFolder(inbox);
    await page.click('[data-action="receive-folder"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="receive-status"]')?.textContent?.startsWith('收到'), undefined, { timeout: 120_000 });
    expect(await page.textContent('[data-testid="receive-status"]')).toBe('收到 7 个文件，其中 1 个无法读取。');
    expect(harness.dialogs.shown.at(-1)).toMatchObject({ kind: 'folder' });
    // The stranger's report fits no unit: the reviewer is asked, nothing is guessed.
    await page.waitForSelector('[data-testid="unassigned"] [data-file="党群工作部报告.txt"]');
    await page.click('[data-testid="duplicates"] [data-unit="湖滨区教育局"] label:has-text("：湖滨区教育局.nianbao")');
    await page.waitForTimeout(400); // the dialog's opening animation
    await harness.screenshot('summary-resolve-1366');
    await page.click('[data-action="resolve-ok"]');
    await page.waitForSelector('[data-testid="unassigned"]', { state: 'detached' });
    expect(await page.textContent('.nb-attention')).toContain('1 个文件没能对应到单位');
    expect(await page.textContent('.nb-attention')).not.toContain('收到了不止一份报告');
    const unreadable = await page.textContent('[data-testid="unreadable-files"]');
    expect(unreadable).toContain('湖滨区民政局.pdf');
    await expectOneLine('.nb-units > .nb-summary-toolbar');
    await shoot('workspace');
  });

  it('the review table has one row per unit; 只看有错误 keeps the units with errors', async () => {
    await tab('review');
    const states = await page.$$eval('[role="row"][data-unit]', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-unit'), r.getAttribute('data-state')])));
    expect(Object.keys(states).sort()).toEqual(['川汇区信访局', '湖滨区城关镇人民政府', '湖滨区卫生健康委员会', '湖滨区教育局', '湖滨区民政局', '湖滨区财政局'].sort());
    expect(states['湖滨区城关镇人民政府']).toBe('missing');
    expect(states['湖滨区财政局']).toBe('errors');
    expect(states['湖滨区教育局']).toBe('passed');
    await page.click('[data-filter="errors"]');
    const withErrors = await page.$$eval('[role="row"][data-unit]', (rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(withErrors.length).toBeGreaterThan(0);
    expect(new Set(withErrors)).toEqual(new Set(['errors']));
    expect(await page.$$eval('[role="row"][data-unit]', (rows) => rows.map((r) => r.getAttribute('data-unit')))).toContain('湖滨区财政局');
    await shoot('review');
  });

  it('opens a unit read-only with its findings and the source file, and keeps a note on a finding', async () => {
    await page.click('[role="row"][data-unit="湖滨区财政局"] [data-action="open-unit"]');
    await page.waitForSelector('[data-testid="unit-title"]');
    expect(await page.textContent('[data-testid="unit-title"]')).toBe('湖滨区财政局');
    expect(await page.textContent('[data-testid="source-file"]')).toContain('湖滨区财政局年报.nianbao');
    const finding = page.locator('[data-finding^="T3-BAL"]').first();
    await finding.locator('[data-testid="finding-note"]').fill('请核对自然人一栏的结转下年度');
    await page.click('[data-testid="unit-title"]');
    await page.waitForSelector('.ant-message-notice:has-text("备注已保存")');
    await shoot('unit');
    // The note is kept: it is there again after a reload.
    await harness.reload();
    await page.waitForSelector('[data-testid="unit-title"]');
    expect(await page.locator('[data-finding^="T3-BAL"]').first().locator('[data-testid="finding-note"]').inputValue()).toBe('请核对自然人一栏的结转下年度');
  });

  it('exports the unit’s 审核意见 as a Word document carrying the note', async () => {
    const path = join(dir, '审核意见.docx');
    harness.dialogs.answerSave(path);
    await page.click('[data-action="export-opinion"]');
    await page.waitForSelector('.ant-message-notice:has-text("已导出审核意见")');
    const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('湖滨区财政局');
    expect(text).toContain('请核对自然人一栏的结转下年度');
  });

  it('shows what the importer read beside a published report’s figures', async () => {
    await page.click('[data-action="back-to-review"]');
    await page.click('[data-filter="errors"]');
    await page.click('[role="row"][data-unit="川汇区信访局"] [data-action="open-unit"]');
    await page.waitForSelector('[data-testid="unit-title"]:has-text("川汇区信访局")');
    expect(await page.textContent('[data-testid="source-file"]')).toContain('川汇区信访局政府信息公开工作年度报告.txt');
    await page.click('[data-cell="t2.regulations.issued"]');
    expect(await page.textContent('[data-testid="cell-detail"]')).toMatch(/识别：.*原文：/);
    await shoot('unit-imported');
  });

  it('never shows a unit’s late answer under the unit the reviewer moved on to', async () => {
    const opened = ipcValue<{ workspace: { id: number }; rows: { unitId: number; unitName: string }[] }>(
      await harness.call('nianbao:summary:open', { agencyId: agency.id, year: YEAR }),
    );
    const unitOf = (name: string) => opened.rows.find((row) => row.unitName === name)!.unitId;
    const slow = unitOf('湖滨区财政局');
    // 财政局's answer is held back 1.5 s while the reviewer moves on to 川汇区信访局.
    await withHeldAnswers(page, 'nianbao:summary:unit', { unitId: slow }, 1500, async () => {
      await page.goto(`${APP_URL}#/summary/${agency.id}/${YEAR}/unit/${slow}`);
      await page.waitForTimeout(100);
      await page.goto(`${APP_URL}#/summary/${agency.id}/${YEAR}/unit/${unitOf('川汇区信访局')}`);
      await page.waitForSelector('[data-testid="unit-title"]:has-text("川汇区信访局")');
      await page.waitForTimeout(2000);
      expect(await page.textContent('[data-testid="unit-title"]')).toBe('川汇区信访局');
    });
  });

  it('exports the review list as a workbook with a row per unit', async () => {
    await page.click('[data-action="back-to-review"]');
    const path = join(dir, '审核表.xlsx');
    harness.dialogs.answerSave(path);
    await page.click('[data-action="export-review"]');
    await page.waitForSelector('.ant-message-notice:has-text("已导出审核表")');
    expect(existsSync(path)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const text = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((c) => String(c ?? '')) : []))).join('\n');
    for (const unit of ['湖滨区教育局', '湖滨区财政局', '湖滨区城关镇人民政府']) expect(text).toContain(unit);
  });

  it('the 汇总 view shows a cell’s sum and each unit’s contribution', async () => {
    await tab('sum');
    const expected = summed.reduce((total, report) => total + (computeFigures(report).value(SUM_CELL) ?? 0), 0);
    await page.click(`[data-cell="${SUM_CELL}"]`);
    await page.waitForSelector('[data-testid="contributions"]');
    expect(await page.textContent('[data-testid="cell-total"]')).toBe(String(expected));
    expect(await page.$$eval('[data-testid="contributions"] li[data-unit]', (items) => items.map((i) => i.getAttribute('data-unit')).sort())).toEqual(
      ['川汇区信访局', '湖滨区卫生健康委员会', '湖滨区教育局', '湖滨区财政局'].sort(),
    );
    // A unit blank in the cell is named, never counted as 0.
    const blankUnits = summed.filter((r) => computeFigures(r).value(SUM_CELL) === null).map((r) => r.agency.name);
    expect(blankUnits).toEqual(['川汇区信访局']); // the published report leaves the cell blank
    for (const unit of blankUnits) expect(await page.textContent(`[data-testid="contributions"] li[data-unit="${unit}"]`)).toContain('空白');
    await shoot('sum');
  });

  it('draws only the rows in view of a review table of 1,000 units, and scrolls to the last', async () => {
    const opened = ipcValue<{ workspace: { id: number } }>(await harness.call('nianbao:summary:open', { agencyId: agency.id, year: YEAR }));
    const many = Array.from({ length: 1000 }, (_, i) => `湖滨区第${String(i + 1).padStart(4, '0')}社区`);
    ipcValue(await harness.call('nianbao:summary:addUnits', { workspaceId: opened.workspace.id, text: many.join('\n') }));
    await page.goto(`${APP_URL}#/summary/${agency.id}/${YEAR}/review`);
    await harness.reload();
    await page.waitForSelector('[role="row"][data-unit]');
    expect(await page.textContent('[data-testid="shown-count"]')).toBe('1006 / 1006 个单位');
    // The toolbar (filters with four-digit counts, search, count, export) stays on one line down to 1024 px.
    await expectOneLine('.nb-review-toolbar');
    await shoot('review-1000');
    await page.click('[data-filter="missing"]');
    const drawn = await page.$$eval('[role="row"][data-unit]', (rows) => rows.length);
    expect(drawn).toBeLessThan(60);
    await page.$eval('[data-testid="vrows-scroll"]', (el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForSelector('[role="row"][data-unit="湖滨区第1000社区"]');
    expect(await page.$$eval('[role="row"][data-unit]', (rows) => rows.length)).toBeLessThan(60);
  });

  it('exports the sum as an exchange file of the superior agency', async () => {
    await tab('sum');
    const path = join(dir, '汇总.nianbao');
    harness.dialogs.answerSave(path);
    await page.click('[data-action="export-sum-report"]');
    await page.waitForSelector('.ant-message-notice:has-text("已导出汇总的交换文件")');
    const contents = readExchangeFile(readFileSync(path, 'utf8'));
    if (!contents.ok) throw new Error(contents.error);
    expect(contents.value.report.agency.name).toBe(SUPERIOR);
    expect(contents.value.report.year).toBe(YEAR);
  });

  it('shows the file being read with a progress bar, and 取消 stops the receiving', async () => {
    const many = join(dir, '很多报告');
    mkdirSync(many);
    const docx = await renderDocx(buildDocument(unitReport('湖滨区教育局')));
    for (let i = 1; i <= 200; i++) writeFileSync(join(many, `湖滨区教育局-${String(i).padStart(3, '0')}.docx`), docx);
    await page.goto(`${APP_URL}#/summary/${agency.id}/${YEAR + 1}/units`);
    await page.waitForSelector('.nb-summary-tab-current[data-tab="units"]');
    await page.waitForSelector(`.nb-header-title:has-text("${YEAR + 1}年度")`);
    // Main's reading waits while the screen is shot and 取消 clicked: on a quick machine 200 files take 2 s.
    await withReadingHeld(async () => {
      harness.dialogs.answerFolder(many);
      await page.click('[data-action="receive-folder"]');
      await page.waitForFunction(() => /^正在读取：湖滨区教育局-\d{3}\.docx$/.test(document.querySelector('[data-testid="receive-status"]')?.textContent ?? ''));
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await harness.screenshot(`summary-receiving-${size.width}`);
      }
      await page.setViewportSize(SIZES[0]!);
      await page.click('[data-action="cancel-receive"]');
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="receive-status"]')?.textContent?.startsWith('已取消'));
    const status = await page.textContent('[data-testid="receive-status"]');
    const received = Number(/收到 (\d+) 个文件/.exec(status ?? '')?.[1]);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(200);
    await page.getByRole('button', { name: '稍后处理' }).click();
  });

  it('says so when a unit’s file is another year’s report, and leaves it out of the sum', async () => {
    const year = YEAR + 2;
    const opened = ipcValue<{ workspace: { id: number } }>(await harness.call('nianbao:summary:open', { agencyId: agency.id, year }));
    ipcValue(await harness.call('nianbao:summary:addUnits', { workspaceId: opened.workspace.id, text: '湖滨区教育局\n湖滨区河口镇人民政府' }));
    const folder = join(dir, '另一年度');
    mkdirSync(folder);
    const thisYear = consistentReport(year);
    const lastYear = consistentReport(year - 1);
    writeFileSync(join(folder, '湖滨区教育局.nianbao'), writeExchangeFile({ ...thisYear, agency: { ...thisYear.agency, name: '湖滨区教育局' } }, new Date()));
    writeFileSync(join(folder, '河口镇年报.nianbao'), writeExchangeFile({ ...lastYear, agency: { ...lastYear.agency, name: '湖滨区河口镇人民政府' } }, new Date()));
    await page.goto(`${APP_URL}#/summary/${agency.id}/${year}/units`);
    await page.waitForSelector(`.nb-header-title:has-text("${year}年度")`);
    harness.dialogs.answerFolder(folder);
    await page.click('[data-action="receive-folder"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="receive-status"]')?.textContent?.startsWith('收到'));
    await tab('review');
    const row = page.locator('[role="row"][data-unit="湖滨区河口镇人民政府"]');
    expect(await row.getAttribute('data-state')).toBe('errors');
    expect(await row.textContent()).toContain(`报告为${year - 1}年度`);
    expect(await row.textContent()).toContain(`${year - 1}年度的报告：河口镇年报.nianbao`);
    expect(await page.getAttribute('[role="row"][data-unit="湖滨区教育局"]', 'data-state')).toBe('passed');
    await shoot('other-year');
    await row.locator('[data-action="open-unit"]').click();
    expect(await page.textContent('[data-testid="other-year"]')).toContain(`收到的是${year - 1}年度的报告，不是本次汇总的年度：未计入汇总`);
    const summed = ipcValue<{ sum: { units: { unitName: string }[] } }>(await harness.call('nianbao:summary:sum', { workspaceId: opened.workspace.id }));
    expect(summed.sum.units.map((u) => u.unitName)).toEqual(['湖滨区教育局']);
  });

  it('keeps the reviewer’s choices in 处理收到的报告 when receiving ends while it is open, and shows what came in', async () => {
    const year = YEAR + 3;
    const opened = ipcValue<{ workspace: { id: number } }>(await harness.call('nianbao:summary:open', { agencyId: agency.id, year }));
    ipcValue(await harness.call('nianbao:summary:addUnits', { workspaceId: opened.workspace.id, text: '湖滨区教育局\n湖滨区财政局' }));
    const sent = (unit: string, figure: string): string => {
      const report = consistentReport(year);
      return writeExchangeFile({ ...report, agency: { ...report.agency, name: unit }, values: { ...report.values, [SUM_CELL]: figure } }, new Date());
    };
    const first = join(dir, '第一批');
    const second = join(dir, '第二批');
    mkdirSync(first);
    mkdirSync(second);
    writeFileSync(join(first, '教育局-初报.nianbao'), sent('湖滨区教育局', '11'));
    writeFileSync(join(first, '教育局-重报.nianbao'), sent('湖滨区教育局', '22'));
    writeFileSync(join(second, '财政局-初报.nianbao'), sent('湖滨区财政局', '33'));
    writeFileSync(join(second, '财政局-重报.nianbao'), sent('湖滨区财政局', '44'));
    await page.goto(`${APP_URL}#/summary/${agency.id}/${year}/units`);
    await page.waitForSelector(`.nb-header-title:has-text("${year}年度")`);
    harness.dialogs.answerFolder(first);
    await page.click('[data-action="receive-folder"]');
    await page.waitForSelector('[data-testid="duplicates"] [data-unit="湖滨区教育局"]');
    await page.getByRole('button', { name: '稍后处理' }).click();
    await page.waitForSelector('[data-testid="duplicates"]', { state: 'detached' });

    // The second folder's progress reaches the page late: the reviewer opens the dialog and
    // picks 教育局's first report meanwhile; then receiving ends and the workspace is read again.
    const picked = '[data-testid="duplicates"] [data-unit="湖滨区教育局"] label:has-text("教育局-初报.nianbao")';
    await withHeldAnswers(page, 'nianbao:summary:receiveProgress', {}, 3000, async () => {
      harness.dialogs.answerFolder(second);
      await page.click('[data-action="receive-folder"]');
      await page.click('[data-action="resolve"]');
      await page.click(picked);
      expect(await page.isVisible('[data-testid="duplicates"] [data-unit="湖滨区财政局"]')).toBe(false);
      await page.waitForSelector('[data-testid="duplicates"] [data-unit="湖滨区财政局"]', { timeout: 30_000 });
    });
    expect(await page.textContent('[data-testid="receive-status"]')).toMatch(/^收到 2 个文件/);
    expect(await page.isChecked(`${picked} input`)).toBe(true);
    await page.click('[data-testid="duplicates"] [data-unit="湖滨区财政局"] label:has-text("财政局-重报.nianbao")');
    await page.click('[data-action="resolve-ok"]');
    await page.waitForSelector('[data-testid="duplicates"]', { state: 'detached' });
    const summed = ipcValue<{ sum: { cells: { key: string; total: number | null }[] } }>(await harness.call('nianbao:summary:sum', { workspaceId: opened.workspace.id }));
    // 11 (教育局's first report, picked before the reload) + 44 (财政局's second).
    expect(summed.sum.cells.find((cell) => cell.key === SUM_CELL)?.total).toBe(55);
  });

  it('ends receiving with what came in when main answers slowly, its answers arriving together', async () => {
    const year = YEAR + 4;
    const opened = ipcValue<{ workspace: { id: number } }>(await harness.call('nianbao:summary:open', { agencyId: agency.id, year }));
    const units = ['湖滨区教育局', '湖滨区财政局', '湖滨区民政局'];
    ipcValue(await harness.call('nianbao:summary:addUnits', { workspaceId: opened.workspace.id, text: units.join('\n') }));
    const folder = join(dir, '慢速');
    mkdirSync(folder);
    for (const unit of units) {
      const report = consistentReport(year);
      writeFileSync(join(folder, `${unit}.nianbao`), writeExchangeFile({ ...report, agency: { ...report.agency, name: unit } }, new Date()));
    }
    await page.goto(`${APP_URL}#/summary/${agency.id}/${year}/units`);
    await page.waitForSelector(`.nb-header-title:has-text("${year}年度")`);
    // As on a busy PC: every answer about the job waits for the next whole second, so the
    // answers to questions asked meanwhile arrive together, in one task.
    await page.evaluate(() => {
      type Invoke = (channel: string, args: unknown) => Promise<unknown>;
      const bridge = window as unknown as { __nianbaoInvoke: Invoke; unheldInvoke?: Invoke };
      const invoke = bridge.__nianbaoInvoke.bind(window);
      bridge.unheldInvoke = invoke;
      let gate: Promise<void> | undefined;
      const nextSecond = () => (gate ??= new Promise<void>((resolve) => setTimeout(() => ((gate = undefined), resolve()), 1000 - (Date.now() % 1000))));
      const held: Invoke = async (channel, args) => {
        const answer = invoke(channel, args);
        if (channel === 'nianbao:summary:receiveProgress') await nextSecond();
        return answer;
      };
      Object.defineProperty(window, '__nianbaoInvoke', { value: held, configurable: true, writable: true });
    });
    try {
      harness.dialogs.answerFolder(folder);
      await page.click('[data-action="receive-folder"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="receive-status"]')?.textContent?.startsWith('收到'), undefined, { timeout: 30_000 });
      await page.waitForTimeout(2500);
      expect(await page.textContent('[data-testid="receive-status"]')).toMatch(/^收到 3 个文件/);
      expect(await page.isVisible('.ant-message-notice:has-text("没有找到这次接收")')).toBe(false);
    } finally {
      await page.evaluate(() => {
        const bridge = window as unknown as { unheldInvoke: unknown };
        Object.defineProperty(window, '__nianbaoInvoke', { value: bridge.unheldInvoke, configurable: true, writable: true });
      });
    }
  });
  it('follows a receiving job again after the window reloaded mid-way, and ends it with what came in', async () => {
    const year = YEAR + 5;
    const opened = ipcValue<{ workspace: { id: number } }>(await harness.call('nianbao:summary:open', { agencyId: agency.id, year }));
    const units = ['湖滨区教育局', '湖滨区财政局'];
    ipcValue(await harness.call('nianbao:summary:addUnits', { workspaceId: opened.workspace.id, text: units.join('\n') }));
    const folder = join(dir, '重新载入');
    mkdirSync(folder);
    // Word files: read by the heavy work (an exchange file is not), which waits below.
    for (const unit of units) {
      const report = consistentReport(year);
      writeFileSync(join(folder, `${unit}.docx`), await renderDocx(buildDocument({ ...report, agency: { ...report.agency, name: unit } })));
    }
    const url = `${APP_URL}#/summary/${agency.id}/${year}/units`;
    await page.goto(url);
    await page.waitForSelector(`.nb-header-title:has-text("${year}年度")`);
    await withReadingHeld(async () => {
      harness.dialogs.answerFolder(folder);
      await page.click('[data-action="receive-folder"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="receive-status"]')?.textContent?.startsWith('正在读取'));
      await harness.reload();
      await page.waitForSelector(`.nb-header-title:has-text("${year}年度")`);
      // The job under way is shown again, and no second one can be started meanwhile.
      await page.waitForFunction(() => document.querySelector('[data-testid="receive-status"]')?.textContent?.startsWith('正在读取'));
      expect(await page.isDisabled('[data-action="receive-folder"]')).toBe(true);
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="receive-status"]')?.textContent?.startsWith('收到'), undefined, { timeout: 30_000 });
    expect(await page.textContent('[data-testid="receive-status"]')).toMatch(/^收到 2 个文件/);
    await tab('review');
    // Each unit's file came in and was matched to it (its checks are not what this is about).
    for (const unit of units) expect(await page.getAttribute(`[role="row"][data-unit="${unit}"]`, 'data-state')).not.toBe('missing');
  });
});
