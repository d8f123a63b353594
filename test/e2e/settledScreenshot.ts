import type { Page } from 'playwright-core';

/**
 * A screenshot once the page has stopped moving: antd opens and closes dialogs, drawers and
 * messages with CSS animations (a zoom of 0.3 s), and a picture taken as soon as the dialog's
 * field is in the page showed it transparent or not at all. Endless animations (a spinner,
 * a processing dot) are not waited for; two frames let React apply what the end of an
 * animation changed.
 */
export async function settledScreenshot(page: Page, path: string): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path });
}
