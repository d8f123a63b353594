import type { Page } from 'playwright-core';

/**
 * Antd's modals, popovers, drawers and menus open with a motion: for a frame they are laid
 * out at full size but transparent, then they grow from a point. A click pressed in that frame
 * lands on a button and is released beside it once the growing starts, and the browser then
 * clicks nothing — while Playwright reports the click as done. (Seen in CI: a confirmation left
 * open, its 仍然打印 never taken.) A clerk clicks only what is shown, so every action on the
 * page waits until nothing is opening: the motion's `-appear` / `-enter` classes are gone.
 * The buttons' click ripple (`wave-motion`) is not something one clicks into.
 */
const OPENING = ':is([class*="-appear"], [class*="-enter"]):not([class*="wave-motion"])';

export async function actAfterOverlaysOpened(page: Page): Promise<void> {
  // The handler itself does nothing: Playwright then waits until the match is hidden.
  await page.addLocatorHandler(page.locator(OPENING).filter({ visible: true }).first(), async () => {});
}
