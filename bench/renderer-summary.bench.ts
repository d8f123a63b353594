import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { blankAgency } from '../shared/model/report.ts';
import { findChromium } from '../services/chromium/findChromium.ts';
import { APP_URL, startHarness } from '../test/e2e/harness.ts';
import type { BenchResult } from './run.ts';
import { ms, summary } from './timing.ts';

/**
 * The 汇总 review table of 1,000 units in the built renderer (Chromium, the e2e harness):
 * time to interactive of the review view, and scrolling it from top to bottom one step a
 * frame — the time between frames while it scrolls (60 fps is 16.7 ms) and how many rows
 * are in the page (the table is virtualised).
 */

const UNITS = 1000;
const LOADS = 5;
/** Pixels scrolled per frame: about three rows, a brisk wheel. */
const STEP_PX = 120;

function load(): string {
  return `${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
}

interface ScrollRun {
  readonly intervals: number[];
  readonly maxRows: number;
}

export default async function bench(): Promise<BenchResult[]> {
  const name = 'renderer (built, Chromium): 汇总 review table';
  if (!findChromium().ok) return [{ name, figures: { skipped: 'Chromium not found' } }];
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html'))) {
    return [{ name, figures: { skipped: 'dist/renderer missing: run npm run build first' } }];
  }
  const harness = await startHarness({ open: false });
  try {
    const value = <T>(response: { ok: true; value: unknown } | { ok: false; error: string }): T => {
      if (!response.ok) throw new Error(response.error);
      return response.value as T;
    };
    const agency = value<{ id: number }>(await harness.call('nianbao:agencies:create', { agency: blankAgency('湖滨区人民政府办公室') }));
    const opened = value<{ workspace: { id: number } }>(await harness.call('nianbao:summary:open', { agencyId: agency.id, year: 2025 }));
    const names = Array.from({ length: UNITS }, (_, i) => `湖滨区第${String(i + 1).padStart(4, '0')}社区居民委员会`);
    value(await harness.call('nianbao:summary:addUnits', { workspaceId: opened.workspace.id, text: names.join('\n') }));

    const { page } = harness;
    const url = `${APP_URL}#/summary/${agency.id}/2025/review`;
    await page.goto(url);
    await page.waitForSelector('[role="row"][data-unit]');
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.reload({ waitUntil: 'commit' });
      await page.waitForSelector('[role="row"][data-unit]');
      loads.push(await page.evaluate(() => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now())))));
    }

    const scroll = await page.evaluate(
      (step) =>
        new Promise<ScrollRun>((resolve) => {
          const scroller = document.querySelector<HTMLElement>('[data-testid="vrows-scroll"]')!;
          const intervals: number[] = [];
          let maxRows = 0;
          let last = performance.now();
          const frame = (now: number) => {
            intervals.push(now - last);
            last = now;
            maxRows = Math.max(maxRows, document.querySelectorAll('[role="row"][data-unit]').length);
            if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return resolve({ intervals: intervals.slice(1), maxRows });
            scroller.scrollTop += step;
            requestAnimationFrame(frame);
          };
          requestAnimationFrame((now) => {
            last = now;
            requestAnimationFrame(frame);
          });
        }),
      STEP_PX,
    );
    const intervals = scroll.intervals.sort((a, b) => a - b);
    const slow = intervals.filter((t) => t > 1000 / 60 + 1).length;
    return [
      { name: `${name}: time to interactive, ${UNITS} units (${LOADS} loads)`, figures: { ...summary(loads.sort((a, b) => a - b)), 'load average': load() } },
      {
        name: `${name}: scrolling ${UNITS} units top to bottom, ${STEP_PX} px a frame (time between frames)`,
        figures: {
          ...summary(intervals),
          max: ms(intervals[intervals.length - 1]!),
          'frames over 17.7 ms': `${slow} of ${intervals.length}`,
          'rows in the page (at most)': String(scroll.maxRows),
          'load average': load(),
        },
      },
    ];
  } finally {
    await harness.close();
  }
}
