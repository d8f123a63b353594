import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { storeReport } from './storedReport.ts';

/**
 * The other screens are scripts of their own (renderer/screens.tsx): the home screen starts
 * without them, and they are loaded once it is up, before the clerk goes to one, so that
 * going there does not wait for its script; then pdf.js and its worker, which the first
 * preview waited for. They load under the app's CSP (the harness fails on a violation).
 */

const LATER_SCRIPTS = ['ReportScreen', 'ExportStep', 'SummaryScreen', 'ImportReviewScreen', 'AboutDialog'];

describe.runIf(toolsAvailable('chromium'))("the other screens' scripts", { timeout: 120_000 }, () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    await storeReport(harness);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  it('are loaded once the home screen is up, before the clerk goes to one of them, and pdf.js’s worker started', async () => {
    const { page } = harness;
    await page.goto(APP_URL);
    await page.waitForSelector('[data-action="open-report"]');
    await page.waitForFunction(
      (names) => names.every((name) => performance.getEntriesByType('resource').some((r) => new RegExp(`/${name}-[^/]+\\.js$`).test(r.name))),
      LATER_SCRIPTS,
    );
    const worker = page.workers().find((w) => /pdf\.worker/.test(w.url())) ?? (await page.waitForEvent('worker', { predicate: (w) => /pdf\.worker/.test(w.url()), timeout: 30_000 }));
    expect(worker.url()).toMatch(/pdf\.worker/);
  });
});
