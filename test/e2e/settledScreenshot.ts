import type { Page } from 'playwright-core';

/** Longest wait for the page to stop moving: a screen that keeps changing is taken as it is then. */
const SETTLE_AT_MOST_MS = 2000;

/**
 * A screenshot once what was moving has stopped: antd opens and closes dialogs, drawers and
 * messages with CSS animations (a zoom of 0.3 s), and a picture taken as soon as the dialog's
 * field is in the page showed it transparent or not at all. Only the animations running when
 * it is called are waited for, not endless ones (a spinner) nor those a screen that keeps
 * changing starts meanwhile (a progress bar moving on); two frames let React apply what the
 * end of an animation changed.
 */
export async function settledScreenshot(page: Page, path: string): Promise<void> {
  await page.evaluate(async (atMost) => {
    const running = document.getAnimations().filter((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity);
    const ended = Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, atMost))]);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, SETTLE_AT_MOST_MS);
  await page.screenshot({ path });
}
