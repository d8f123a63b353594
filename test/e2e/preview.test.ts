import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossCellKey, currentFormat } from '../../shared/format/index.ts';
import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { ipcValue } from './ipcValue.ts';

/**
 * The preview step kept up to date: a report changed on another step has its pages made
 * after a pause in the typing, so that coming back shows them without asking again; a
 * report changed just before coming back is never shown as up to date with its old
 * pages (the 正在更新 mark is on from the first frame until the new page 1 is drawn); the
 * pages a change leaves as they were are shown again without being drawn, exactly as a
 * fresh drawing shows them.
 */

const DONE = '[data-testid="preview"][data-updating="false"] .nb-page[data-page="1"][data-rendered="true"]';
/** PreviewPages' pause before it makes the pages of a changed report, with room to spare. */
const AFTER_PAUSE_MS = 2500;
/**
 * Two drawings of one page by pdf.js in Chromium can differ at anti-aliased edges (seen: 3
 * to 272 pixels), by a few levels: a pixel counts as different when a channel moves by more
 * than CLEARLY_DIFFERENT, and two pictures are the same with at most SAME_PICTURE_PIXELS
 * such pixels (seen: 0).
 */
const CLEARLY_DIFFERENT = 96;
const SAME_PICTURE_PIXELS = 12;
const CELL = crossCellKey(currentFormat.tables.table3, 'newReceived', 'naturalPerson');

interface PreviewCall {
  /** `printAhead`: main asked to print the pages before they are asked for (useBackgroundPreview). */
  readonly ask: 'preview' | 'printAhead';
  readonly figure: string | undefined;
}

describe.runIf(toolsAvailable('chromium'))('the preview step', { timeout: 240_000 }, () => {
  let harness: Harness;
  let page: Page;

  /** Every preview the page asks for (or asks main to print ahead) since the last call, with the figure of CELL it shows. */
  async function previewCalls(): Promise<PreviewCall[]> {
    return page.evaluate(() => {
      const log = window as unknown as { previewCalls: PreviewCall[] };
      return log.previewCalls.splice(0);
    });
  }

  async function showStep(step: string): Promise<void> {
    await page.click(`[data-step="${step}"]`);
    await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
  }

  async function changeCell(figure: string): Promise<void> {
    await showStep('section:requests');
    await page.click(`[data-cell="${CELL}"]`);
    await page.keyboard.type(figure);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="save-state"][data-status="saved"]');
  }

  /** Waits until the preview is up to date with every page drawn; keeps its pictures in the page under `name`. */
  async function allPagesDrawn(name: string): Promise<void> {
    await page.waitForFunction(
      () => {
        const preview = document.querySelector('[data-testid="preview"]');
        const pages = [...document.querySelectorAll('[data-testid="preview"] .nb-page')];
        return preview?.getAttribute('data-updating') === 'false' && pages.length > 0 && pages.every((p) => p.getAttribute('data-rendered') === 'true');
      },
      undefined,
      { timeout: 120_000 },
    );
    await page.evaluate((name) => {
      const kept = window as unknown as { pictures?: Record<string, Uint8ClampedArray[]> };
      kept.pictures ??= {};
      kept.pictures[name] = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="preview"] .nb-page canvas')].map(
        (canvas) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data,
      );
    }, name);
  }

  /** Per page, how many pixels of picture set `a` differ clearly from set `b` (-1: not the same size). */
  async function differingPixels(a: string, b: string): Promise<number[]> {
    return page.evaluate(
      ({ a, b, CLEARLY_DIFFERENT }) => {
        const { pictures } = window as unknown as { pictures: Record<string, Uint8ClampedArray[]> };
        return pictures[a]!.map((one, index) => {
          const other = pictures[b]![index];
          if (!other || other.length !== one.length) return -1;
          let differing = 0;
          for (let i = 0; i < one.length; i += 4) {
            const change = Math.max(Math.abs(one[i]! - other[i]!), Math.abs(one[i + 1]! - other[i + 1]!), Math.abs(one[i + 2]! - other[i + 2]!));
            if (change > CLEARLY_DIFFERENT) differing++;
          }
          return differing;
        });
      },
      { a, b, CLEARLY_DIFFERENT },
    );
  }

  /** Glyphs pdf.js drew since the last call (it draws text with fillText). */
  async function glyphsDrawn(): Promise<number> {
    return page.evaluate(() => {
      const counter = window as unknown as { glyphs?: number };
      if (counter.glyphs === undefined) {
        // pdf.js draws the preview's glyphs as paths (its fonts are embedded), other text with fillText.
        const { fill, fillText } = CanvasRenderingContext2D.prototype;
        CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof fillText>) {
          counter.glyphs = (counter.glyphs ?? 0) + 1;
          return fillText.apply(this, args);
        };
        CanvasRenderingContext2D.prototype.fill = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
          if (args[0] instanceof Path2D) counter.glyphs = (counter.glyphs ?? 0) + 1;
          return (fill as (...a: unknown[]) => void).apply(this, args);
        };
      }
      const drawn = counter.glyphs ?? 0;
      counter.glyphs = 0;
      return drawn;
    });
  }

  /** The harness preload looks the bridge up at each call: wrapped in the page, it logs the previews asked for. */
  async function logPreviewCalls(): Promise<void> {
    await page.evaluate((cell) => {
      const bridge = window as unknown as { __nianbaoInvoke(channel: string, args: unknown): Promise<unknown>; previewCalls: PreviewCall[] };
      const invoke = bridge.__nianbaoInvoke.bind(window);
      bridge.previewCalls = [];
      const logged = (channel: string, args: unknown) => {
        const ask = channel === 'nianbao:export:preview' ? 'preview' : channel === 'nianbao:export:printAhead' ? 'printAhead' : undefined;
        if (ask) bridge.previewCalls.push({ ask, figure: (args as { report: { values: Record<string, string> } }).report.values[cell] });
        return invoke(channel, args);
      };
      // Playwright's binding is not writable: redefined.
      Object.defineProperty(window, '__nianbaoInvoke', { value: logged, configurable: true, writable: true });
      if (bridge.__nianbaoInvoke !== logged) throw new Error(JSON.stringify(Object.getOwnPropertyDescriptor(window, '__nianbaoInvoke')));
    }, CELL);
  }

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    page = harness.page;
    const agency = ipcValue<AgencyRecord>(await harness.call('nianbao:agencies:create', { agency: { ...consistentReport().agency, name: '湖滨区人民政府办公室' } }));
    const report = ipcValue<ReportSummary>(await harness.call('nianbao:reports:create', { agencyId: agency.id, year: 2024, from: 'blank' }));
    ipcValue(await harness.call('nianbao:reports:save', { id: report.id, report: { ...consistentReport(2024), agency: agency.agency } }));
    await page.goto(`${APP_URL}#/report/${report.id}/agency`);
    await page.waitForSelector('[data-step="agency"][aria-current="step"]');
    await logPreviewCalls();
    await showStep('export');
    await page.waitForSelector(DONE, { timeout: 120_000 });
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  it('makes a changed report’s pages while another step is on screen, and shows them on return without asking again', async () => {
    await previewCalls();
    await changeCell('7');
    await page.waitForTimeout(AFTER_PAUSE_MS);
    // Printed ahead after the autosave's pause, then asked for once after the longer one, with the changed figure.
    expect(await previewCalls()).toEqual([
      { ask: 'printAhead', figure: '7' },
      { ask: 'preview', figure: '7' },
    ]);
    await showStep('export');
    await page.waitForSelector(DONE, { timeout: 120_000 });
    expect(await previewCalls()).toEqual([]);
  });

  it('marks the old pages 正在更新 from the first frame after a change until the new page 1 is drawn', async () => {
    await changeCell('8');
    // Every state of the preview while the export step is on screen, from the click on.
    await page.evaluate(() => {
      const states: string[] = [];
      (window as unknown as { previewStates: string[] }).previewStates = states;
      const note = () => {
        if (!document.querySelector('[data-step="export"][aria-current="step"]')) return;
        const preview = document.querySelector('[data-testid="preview"]');
        const page1 = preview?.querySelector('.nb-page[data-page="1"]');
        states.push(`${preview?.getAttribute('data-updating')}/${page1?.getAttribute('data-rendered')}`);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await showStep('export');
    await page.waitForSelector(DONE, { timeout: 120_000 });
    const states = await page.evaluate(() => (window as unknown as { previewStates: string[] }).previewStates);
    // `updating/page 1 drawn`: the old pages marked (true/true), the new document set but
    // its page 1 not drawn yet (false/false), then drawn (false/true); never the old page
    // shown as up to date (false/true before the new document).
    expect(states[0], states.join(' ')).toBe('true/true');
    const newDocument = states.indexOf('false/false');
    expect(newDocument, states.join(' ')).toBeGreaterThan(0);
    expect(states.slice(0, newDocument).every((state) => state === 'true/true'), states.join(' ')).toBe(true);
    expect(states.at(-1)).toBe('false/true');
    // Asked for once, when heading for the step (the step itself takes the same answer);
    // main may have been asked to print it ahead during the autosave's pause.
    expect((await previewCalls()).filter(({ ask }) => ask === 'preview')).toEqual([{ ask: 'preview', figure: '8' }]);
  });

  it('shows the pages a change left as they were without drawing them, each as drawn anew', async () => {
    await allPagesDrawn('before');
    await changeCell('987654');
    await glyphsDrawn();
    await showStep('export');
    await allPagesDrawn('taken');
    const drawnAfterChange = await glyphsDrawn();
    // 刷新 makes the preview again and draws every page.
    await page.click('[data-testid="preview"] button:has-text("刷新")');
    await allPagesDrawn('fresh');
    const drawnAfresh = await glyphsDrawn();
    const againstFresh = await differingPixels('taken', 'fresh');
    const changedBy = await differingPixels('before', 'fresh');
    expect(againstFresh.length).toBeGreaterThan(1);
    // Taken-over pages are as a fresh drawing shows them; the changed figure (6 digits, with
    // the totals it changes) clearly shows on its page (seen: 159 clearly different pixels).
    for (const [index, differing] of againstFresh.entries()) expect(differing, `page ${index + 1}`).toBeLessThanOrEqual(SAME_PICTURE_PIXELS);
    expect(Math.max(...changedBy), changedBy.join(' ')).toBeGreaterThan(5 * SAME_PICTURE_PIXELS);
    // The changed page was drawn; the others (most of the glyphs) were not.
    expect(drawnAfterChange).toBeGreaterThan(0);
    expect(drawnAfterChange).toBeLessThan(drawnAfresh / 2);
  });

  it('makes nothing ahead of a text an input method is still composing, and makes the words chosen', async () => {
    await showStep('section:overview');
    const editor = page.locator('[data-section-editor="overview"]');
    await editor.click();
    await page.keyboard.press('Control+End');
    await previewCalls();
    const ime = await page.context().newCDPSession(page);
    try {
      await ime.send('Input.imeSetComposition', { text: 'zheng', selectionStart: 5, selectionEnd: 5 });
      expect(await editor.inputValue()).toMatch(/zheng$/);
      // The clerk looks for the character longer than both pauses, and the pointer rests on 预览与导出.
      await page.waitForTimeout(AFTER_PAUSE_MS);
      await page.hover('[data-step="export"]');
      expect(await previewCalls()).toEqual([]);
      await ime.send('Input.insertText', { text: '政' });
    } finally {
      await ime.detach();
    }
    expect(await editor.inputValue()).toMatch(/[^a-z]政$/);
    await page.waitForTimeout(AFTER_PAUSE_MS);
    expect((await previewCalls()).map(({ ask }) => ask)).toEqual(['printAhead', 'preview']);
  });

  it('asks for the pages as soon as the focus reaches the step’s button or the pointer rests on it (or on 预览), and the click takes that answer', async () => {
    // A new page on another step: the preview step not shown yet, so nothing is made (or printed ahead) in the background.
    await showStep('section:requests');
    await page.reload();
    await page.waitForSelector('[data-step="section:requests"][aria-current="step"]');
    await logPreviewCalls();
    await changeCell('5');
    await page.focus('[data-step="export"]');
    expect(await previewCalls()).toEqual([{ ask: 'preview', figure: '5' }]);
    await changeCell('6');
    expect(await previewCalls()).toEqual([]);
    await page.hover('.nb-header button:has-text("预览")');
    expect(await previewCalls()).toEqual([{ ask: 'preview', figure: '6' }]);
    await changeCell('7');
    await page.hover('[data-step="export"]');
    expect(await previewCalls()).toEqual([{ ask: 'preview', figure: '7' }]);
    await page.click('[data-step="export"]');
    await page.waitForSelector(DONE, { timeout: 120_000 });
    expect(await previewCalls()).toEqual([]);
  });
});
