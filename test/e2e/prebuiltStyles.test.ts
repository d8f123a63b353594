import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { storeReport } from './storedReport.ts';

/**
 * antd's component styles come from the built stylesheet (scripts/antdStyles.ts): on the
 * home screen and a report's table step antd computes and inserts none in the page. Only
 * its CSS variables (the theme's tokens, marked data-token-hash) are written at runtime.
 * A theme that differs from the built one, or a component missing from the build, would
 * put the start-up work back without any other sign.
 */

/** The antd component styles the page inserted itself, each by its first characters (a readable failure). */
async function runtimeComponentStyles(harness: Harness): Promise<string[]> {
  return harness.page.evaluate(() =>
    [...document.querySelectorAll('style[data-css-hash]:not([data-token-hash])')].map((s) => s.textContent!.slice(0, 80)),
  );
}

describe.runIf(toolsAvailable('chromium'))('antd styles built ahead of time', { timeout: 120_000 }, () => {
  let harness: Harness;
  let reportId: number;

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    reportId = await storeReport(harness, consistentReport(2024));
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  it('the home screen, with its report table, inserts no component style', async () => {
    await harness.page.goto(APP_URL);
    await harness.page.waitForSelector('[data-action="open-report"]');
    expect(await runtimeComponentStyles(harness)).toEqual([]);
  });

  it("a report's table step inserts no component style", async () => {
    await harness.page.goto(`${APP_URL}#/report/${reportId}/section%3Arequests`);
    await harness.page.reload();
    await harness.page.waitForSelector('[data-cell="t3.newReceived.naturalPerson"]');
    expect(await runtimeComponentStyles(harness)).toEqual([]);
  });
});
