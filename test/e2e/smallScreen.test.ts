import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellIndex, crossCellKey, currentFormat } from '../../shared/format/index.ts';
import { blankAgency } from '../../shared/model/report.ts';
import type { ReportSummary } from '../../shared/ipc/contract.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { appPage } from './ui.ts';

/**
 * The report on a 1024×768 office PC: every column of tables 2, 3 and 4 reached by the
 * keyboard with its row label and column header on screen; a block pasted with its labels;
 * text typed just before a reload kept; undo across steps; the statuses of a blank report
 * and of one with an empty section.
 */

const SMALL = { width: 1024, height: 768 };
const cells = cellIndex(currentFormat);
const table3 = currentFormat.tables.table3;
const t3 = (row: string, column: string) => crossCellKey(table3, row, column);
const cell = (key: string) => `[data-cell="${key}"]`;

/**
 * For the focused cell: whether its row label and its column header are on screen, i.e.
 * inside the viewport and not covered (the element at their centre is the label itself).
 */
async function labelsOnScreen(page: Page): Promise<{ key: string; row: string | null; column: string | null; problems: string[] }> {
  return page.evaluate(() => {
    const input = document.activeElement as HTMLElement;
    const td = input.closest('td')!;
    const table = td.closest('table')!;
    const row = Number(td.dataset.row);
    const col = Number(td.dataset.col);
    const labels = [...table.querySelectorAll<HTMLTableCellElement>('th')];
    const covers = (th: HTMLTableCellElement) => Number(th.dataset.col) <= col && col < Number(th.dataset.col) + th.colSpan;
    const rowLabel = labels
      .filter((th) => th.classList.contains('nb-label-rowLabel') && Number(th.dataset.row) === row)
      .sort((a, b) => Number(b.dataset.col) - Number(a.dataset.col))[0];
    const header = labels
      .filter((th) => th.classList.contains('nb-label-header') && Number(th.dataset.row) < row && covers(th))
      .sort((a, b) => Number(b.dataset.row) - Number(a.dataset.row))[0];
    const problems: string[] = [];
    const check = (name: string, element: HTMLElement | undefined) => {
      if (!element) return;
      const box = element.getBoundingClientRect();
      if (box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight) {
        problems.push(`${name}“${element.textContent}”不在屏幕内：${JSON.stringify(box)}`);
        return;
      }
      const x = box.left + box.width / 2;
      const y = box.top + Math.min(box.height / 2, 10);
      const top = document.elementFromPoint(x, y);
      if (!top || !element.contains(top)) problems.push(`${name}“${element.textContent}”被${top?.className ?? '空白'}遮住`);
    };
    check('行名', rowLabel);
    check('列名', header);
    check('格子', td);
    return { key: input.dataset.cell!, row: rowLabel?.textContent ?? null, column: header?.textContent ?? null, problems };
  });
}

describe.runIf(toolsAvailable('chromium'))('the report at 1024×768', { timeout: 240_000 }, () => {
  let harness: Harness;
  let page: Page;
  let ui: ReturnType<typeof appPage>;
  let agencyId: number;

  const newReport = async (year: number): Promise<number> => {
    const created = await harness.call('nianbao:reports:create', { agencyId, year, from: 'blank' });
    if (!created.ok) throw new Error(created.error);
    return (created.value as ReportSummary).id;
  };
  const open = async (reportId: number, step: string) => {
    await page.goto(`${APP_URL}#/report/${reportId}/${encodeURIComponent(step)}`);
    await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
  };
  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.cell);
  const expectLabelsOnScreen = async () => {
    const seen = await labelsOnScreen(page);
    expect(seen.problems, seen.key).toEqual([]);
    return seen;
  };

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    page = harness.page;
    await page.setViewportSize(SMALL);
    ui = appPage(page, 'small-');
    const agency = await harness.call('nianbao:agencies:create', { agency: blankAgency('湖滨区人民政府办公室') });
    if (!agency.ok) throw new Error(agency.error);
    agencyId = (agency.value as { id: number }).id;
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  it('reaches every column of table 3 by keyboard with its row label and column header on screen', async () => {
    const id = await newReport(2021);
    await open(id, 'section:requests');
    // The steps are a narrow rail and the requirements a closed drawer: the grid has the width.
    expect(await page.$('.nb-steps-rail')).not.toBeNull();
    expect(await page.$('.nb-guidance')).toBeNull();
    for (const wide of [false, true]) {
      if (wide) {
        // With the step list open the table no longer fits: it scrolls, its labels frozen.
        await page.click('[data-action="toggle-steps"]');
        await page.waitForSelector('.nb-steps:not(.nb-steps-rail)');
      }
      await page.click(cell(t3('newReceived', 'naturalPerson')));
      const typed = table3.columns.filter((c) => !c.isTotal).length;
      for (let i = 1; i < typed; i++) {
        await page.keyboard.press('Tab');
        expect((await expectLabelsOnScreen()).column).not.toBeNull();
      }
      expect(await focused()).toBe(t3('newReceived', 'otherOrg'));
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe(t3('newReceived', 'total'));
      expect(await expectLabelsOnScreen()).toMatchObject({ row: table3.rows[0]!.path[0], column: '总计' });
      for (let i = 1; i < table3.rows.length; i++) {
        await page.keyboard.press('ArrowDown');
        await expectLabelsOnScreen();
      }
      expect(await focused()).toBe(t3('carriedForward', 'total'));
      await ui.screenshot(wide ? 'table3-last-row-steps-open' : 'table3-last-row');
      for (let i = 1; i < table3.columns.length; i++) {
        await page.keyboard.press('ArrowLeft');
        await expectLabelsOnScreen();
      }
      expect(await focused()).toBe(t3('carriedForward', 'naturalPerson'));
      await ui.screenshot(wide ? 'table3-last-row-first-column-steps-open' : 'table3-last-row-first-column');
    }
    await page.click('[data-action="toggle-steps"]');
    await page.waitForSelector('.nb-steps-rail');
  });

  it('reaches every column of tables 2 and 4, each table opening at its start', async () => {
    const id = await newReport(2022);
    await open(id, 'section:reviewLitigation');
    await page.click('[data-action="toggle-steps"]');
    await page.click(cell('t4.review.upheld'));
    for (let i = 1; i < currentFormat.tables.table4.columns.length; i++) {
      await page.keyboard.press('ArrowRight');
      expect((await expectLabelsOnScreen()).column).not.toBeNull();
    }
    expect(await focused()).toBe('t4.litigationAfterReview.total');
    await ui.screenshot('table4-last-column');
    await page.click('[data-step="section:proactive"]');
    await page.waitForSelector(cell('t2.regulations.issued'));
    expect(await page.$eval('[data-testid="grid-scroll"]', (el) => [el.scrollLeft, el.scrollTop])).toEqual([0, 0]);
    await page.click(cell('t2.regulations.issued'));
    const table2 = cells.inputs.filter((c) => c.table === 'table2');
    for (let i = 1; i < table2.length; i++) {
      await page.keyboard.press('Tab');
      expect((await expectLabelsOnScreen()).row).not.toBeNull();
    }
    expect(await focused()).toBe('t2.fees');
    await page.click('[data-action="toggle-steps"]');
    await page.waitForSelector('.nb-steps-rail');
  });

  it('pastes a block copied with its row labels and header into the cells its labels name', async () => {
    const id = await newReport(2023);
    await open(id, 'section:requests');
    const figures = consistentReport(2023).values;
    const rows = table3.rows.filter((r) => !r.sumOfRows);
    const header = ['', '', '', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const lines = rows.map((row) => {
      // Excel puts a merged label in its first cell only; the figures here are separated by spaces, as copied from a PDF.
      const path = [...row.path];
      const labels = [path.length === 3 ? path[1]! : '', path[path.length - 1]!];
      const values = table3.columns.filter((c) => !c.isTotal).map((c) => figures[t3(row.key, c.key)]!);
      return [...labels, `${values.join(' ')} 99`].join('\t');
    });
    const block = [['', ...header.slice(2)].join('\t'), ...lines].join('\r\n');
    // The clerk has the last cell selected: labels, not the selection, decide where figures go.
    await page.click(cell(t3('carriedForward', 'otherOrg')));
    await page.evaluate(
      ({ text, selector }) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.querySelector(selector)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { text: block, selector: cell(t3('carriedForward', 'otherOrg')) },
    );
    const notice = await page.waitForSelector('.ant-message-notice');
    const message = (await notice.textContent()) ?? '';
    expect(message).toContain(`已按行名和列名粘贴 ${rows.length * 6} 格`);
    expect(message).toContain(`${rows.length} 个合计由软件计算，已跳过`);
    for (const row of rows) {
      for (const column of table3.columns.filter((c) => !c.isTotal)) {
        expect(await ui.cellText(t3(row.key, column.key)), t3(row.key, column.key)).toBe(figures[t3(row.key, column.key)]);
      }
    }
    await ui.screenshot('table3-pasted-by-labels');
    // One Ctrl+Z takes the whole block back.
    await page.keyboard.press('Control+Z');
    expect(await ui.cellText(t3('newReceived', 'naturalPerson'))).toBe('');
    expect(await ui.cellText(t3('carriedForward', 'commercial'))).toBe('');
  });

  it('keeps text typed 50 ms before a reload', async () => {
    const id = await newReport(2024);
    await open(id, 'section:overview');
    await page.click('[data-section-editor="overview"]');
    await page.keyboard.type('本年度主动公开政府信息。');
    await page.waitForTimeout(50);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('[data-section-editor="overview"]');
    expect(await page.inputValue('[data-section-editor="overview"]')).toBe('本年度主动公开政府信息。');
  });

  it('saves what is pending when main asks the page to flush before closing', async () => {
    const id = await newReport(2025);
    await open(id, 'section:problems');
    await page.click('[data-section-editor="problems"]');
    await page.keyboard.type('存在的主要问题');
    await harness.flush();
    const stored = await harness.call('nianbao:reports:open', { id });
    expect(stored.ok && (stored.value as { report: { sections: Record<string, string> } }).report.sections.problems).toBe('存在的主要问题');
  });

  it('undoes per step: an undo that would change another step shows that step first and says so', async () => {
    const id = await newReport(2026);
    await open(id, 'section:other');
    await page.click('[data-section-editor="other"]');
    await page.keyboard.type('无');
    await page.click('[data-step="section:overview"]');
    await page.waitForSelector('[data-step="section:overview"][aria-current="step"]');
    await page.click('.nb-step-title');
    await page.keyboard.press('Control+Z');
    await page.waitForSelector('[data-step="section:other"][aria-current="step"]');
    const notice = await page.waitForSelector('.ant-message-notice:has-text("要撤销的是")');
    expect(await notice.textContent()).toContain('「六、其他需要报告的事项」中的正文文字');
    // Nothing changed yet: the text is still there until the clerk presses again, here.
    expect(await page.inputValue('[data-section-editor="other"]')).toBe('无');
    await ui.screenshot('undo-shows-other-step');
    await page.click('.nb-step-title');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.inputValue('[data-section-editor="other"]')).toBe('');
  });

  it('shows a blank report and one with an empty section as not ready, the same on the home screen and in the checks', async () => {
    const blankId = await newReport(2027);
    const fullId = await newReport(2028);
    const full = { ...consistentReport(2028), agency: blankAgency('湖滨区人民政府办公室') };
    const withoutProblems = { ...full, sections: { ...full.sections, problems: '' } };
    const saved = await harness.call('nianbao:reports:save', { id: fullId, report: withoutProblems });
    if (!saved.ok) throw new Error(saved.error);

    await open(fullId, 'checks');
    // The rail shows each step's note as its tooltip.
    expect(await page.getAttribute('[data-step="checks"]', 'title')).toContain('1 项未完成');
    expect(await page.textContent('.nb-checks [data-severity="unfinished"]')).toContain('五、存在的主要问题及改进情况');
    await open(fullId, 'export');
    expect(await page.getAttribute('[data-testid="export-status"]', 'data-status')).toBe('draft');
    expect(await page.textContent('[data-testid="export-status"]')).toContain('还有 1 项未完成，暂不可导出');
    await ui.screenshot('export-empty-section');

    await open(blankId, 'checks');
    const blankNote = (await page.getAttribute('[data-step="checks"]', 'title')) ?? '';
    const unfinished = Number(/(\d+) 项未完成/.exec(blankNote)?.[1]);
    expect(unfinished).toBeGreaterThan(0);
    expect(blankNote).not.toContain('个错误');
    expect(await page.textContent('.nb-checks [data-severity="unfinished"] .nb-checks-count')).toBe(String(unfinished));
    await ui.screenshot('checks-blank-report');

    await page.goto(`${APP_URL}#/agency/${agencyId}`);
    await page.waitForSelector(`[data-report-year="2027"] [data-testid="report-status"]`);
    expect(await page.textContent('[data-report-year="2027"] [data-testid="report-status"]')).toBe(`草稿${unfinished} 项未完成`);
    expect(await page.textContent('[data-report-year="2028"] [data-testid="report-status"]')).toBe('草稿1 项未完成');
    await ui.screenshot('home-statuses');
  });
});
