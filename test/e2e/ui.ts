import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { testOutputDir } from '../support/tools.ts';
import { settledScreenshot } from './settledScreenshot.ts';

/**
 * What the UI tests do again and again on the app's page: numbered screenshots into
 * test-output/ui/, waiting for the autosave, going to a step of the guided flow, answering
 * a confirmation, and reading what a grid cell shows.
 */
export function appPage(page: Page, screenshotPrefix = '') {
  let shot = 0;
  return {
    async screenshot(name: string): Promise<void> {
      shot++;
      await settledScreenshot(page, join(testOutputDir('ui'), `${screenshotPrefix}${String(shot).padStart(2, '0')}-${name}.png`));
    },
    /** Resolves once the header says 已保存. */
    saved: () => page.waitForSelector('[data-testid="save-state"][data-status="saved"]'),
    async step(id: string): Promise<void> {
      await page.click(`[data-step="${id}"]`);
      await page.waitForSelector(`[data-step="${id}"][aria-current="step"]`);
    },
    /**
     * Clicks `action` and answers the confirmation it opens with `answer`. Waits first until
     * no earlier confirmation is left on the page: antd keeps a closed one there while it
     * fades out, and its button would take the click meant for the new one.
     */
    async confirmAfter(action: string, answer: string): Promise<void> {
      await page.waitForSelector('.ant-modal-confirm', { state: 'detached' });
      await page.click(action);
      await page.click(`.ant-modal-confirm .ant-btn:has-text("${answer}")`);
    },
    /** The figure a cell shows (typed cells are inputs, totals are text). */
    cellText: (key: string) =>
      page.$eval(`[data-cell="${key}"]`, (el) => (el instanceof HTMLInputElement ? el.value : (el.textContent ?? ''))),
  };
}
