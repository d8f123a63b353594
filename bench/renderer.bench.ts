import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../services/chromium/findChromium.ts';
import { APP_URL, startHarness } from '../test/e2e/harness.ts';
import type { Harness } from '../test/e2e/harness.ts';
import { consistentReport } from '../test/fixtures/consistentReport.ts';
import { BLANK_READY, serveBlankReactPage } from './engines/blankReactPage.ts';
import type { BenchResult } from './run.ts';
import { storeReport } from '../test/e2e/storedReport.ts';
import { compareWithEngine, comparisonFigures, machineLoad, ms, summary } from './timing.ts';
import { keystrokeLatencies } from './keystrokeLatencies.ts';

/**
 * The built renderer in Chromium (the e2e harness: real services, temporary database):
 * time to interactive of the home screen and of a report's table step, and the latency
 * from a keystroke in a table-3 cell to the updated total on screen. Totals and all
 * checks are computed in the same render, so the total's update marks both.
 */

/** Enough loads for a steady p50 on a shared machine (with 8, runs at load 7–11 ranged 1.63–2.14×). */
const LOADS = 20;
const KEYSTROKES = 200;

/** ms since navigation start until `selector` is on screen and the main thread is idle. */
async function timeToInteractive(harness: Pick<Harness, 'page'>, selector: string): Promise<number> {
  await harness.page.waitForSelector(selector);
  return harness.page.evaluate(() => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now()))));
}

/** Goes to `url`, then loads it afresh `LOADS` times. */
async function loadTimes(harness: Harness, url: string, selector: string): Promise<number[]> {
  await harness.page.goto(url);
  await harness.page.waitForSelector(selector);
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await harness.page.reload({ waitUntil: 'commit' });
    times.push(await timeToInteractive(harness, selector));
  }
  return times.sort((a, b) => a - b);
}

/**
 * Loads of our home screen and of the blank React + antd page (its own context in the same
 * Chromium: the harness refuses any request outside the app), alternating, so both see
 * the same load.
 */
async function homeAgainstBlank(harness: Harness): Promise<{ ours: number[]; engine: number[] }> {
  const context = await harness.context.browser()!.newContext({ viewport: harness.page.viewportSize() ?? undefined });
  try {
    const blank = { page: await context.newPage() };
    const blankUrl = await serveBlankReactPage(context);
    const times = { ours: [] as number[], engine: [] as number[] };
    for (let i = 0; i <= LOADS; i++) {
      for (const [which, on, url, selector] of [['ours', harness, APP_URL, '[data-action="new-report"]'], ['engine', blank, blankUrl, BLANK_READY]] as const) {
        await on.page.goto(url, { waitUntil: 'commit' });
        const time = await timeToInteractive(on, selector);
        if (i > 0) times[which].push(time); // the first round warms the caches
      }
    }
    return { ours: times.ours.sort((a, b) => a - b), engine: times.engine.sort((a, b) => a - b) };
  } finally {
    await context.close();
  }
}

export default async function bench(): Promise<BenchResult[]> {
  const name = 'renderer (built, Chromium)';
  if (!findChromium().ok) return [{ name, figures: { skipped: 'Chromium not found' } }];
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html'))) {
    return [{ name, figures: { skipped: 'dist/renderer missing: run npm run build first' } }];
  }
  const harness = await startHarness({ open: false });
  try {
    const reportId = await storeReport(harness, consistentReport(2024));

    const home = await homeAgainstBlank(harness);
    const homeComparison = compareWithEngine('blank React + antd page, same Chromium', home.ours, home.engine, 2);
    const tableStep = `${APP_URL}#/report/${reportId}/section%3Arequests`;
    const editor = await loadTimes(harness, tableStep, '[data-cell="t3.newReceived.naturalPerson"]');
    const keys = await keystrokeLatencies(harness, { keys: KEYSTROKES });
    const overFrame = keys.dom.filter((t) => t > 1000 / 60).length;
    return [
      { name: `${name}: time to interactive, home screen (${LOADS} loads)`, figures: comparisonFigures(homeComparison, home.ours, home.engine), comparison: homeComparison },
      { name: `${name}: time to interactive, table 3 of a full report (${LOADS} loads)`, figures: { ...summary(editor), 'load average': machineLoad() } },
      {
        name: `${name}: keystroke in a table-3 cell → total and checks in the DOM (${KEYSTROKES} keys)`,
        figures: { ...summary(keys.dom), min: ms(keys.dom[0]!), 'over one frame (16.7 ms)': `${overFrame} of ${KEYSTROKES}`, 'load average': machineLoad() },
      },
      { name: `${name}: keystroke in a table-3 cell → next frame on screen (${KEYSTROKES} keys)`, figures: { ...summary(keys.frame), min: ms(keys.frame[0]!) } },
    ];
  } finally {
    await harness.close();
  }
}
