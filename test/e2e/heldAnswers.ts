import type { Page } from 'playwright-core';

/**
 * Runs `use` while the page's answers on `channel` to calls whose arguments include `args`
 * arrive `delayMs` late: an answer overtaken by a later one, as a slow read would be. The
 * harness preload looks its bridge up at each call, so wrapping it here takes effect at once.
 */
export async function withHeldAnswers(page: Page, channel: string, args: Record<string, unknown>, delayMs: number, use: () => Promise<void>): Promise<void> {
  await page.evaluate(
    ({ channel, args, delayMs }) => {
      type Invoke = (channel: string, args: unknown) => Promise<unknown>;
      const bridge = window as unknown as { __nianbaoInvoke: Invoke; unheldInvoke?: Invoke };
      const invoke = bridge.__nianbaoInvoke.bind(window);
      bridge.unheldInvoke = invoke;
      const held: Invoke = async (called, given) => {
        const answer = invoke(called, given);
        const matches = Object.entries(args).every(([key, value]) => (given as Record<string, unknown>)[key] === value);
        if (called === channel && matches) await new Promise((resolve) => setTimeout(resolve, delayMs));
        return answer;
      };
      // Playwright's binding is not writable: redefined.
      Object.defineProperty(window, '__nianbaoInvoke', { value: held, configurable: true, writable: true });
    },
    { channel, args, delayMs },
  );
  try {
    await use();
  } finally {
    await page.evaluate(() => {
      const bridge = window as unknown as { unheldInvoke: unknown };
      Object.defineProperty(window, '__nianbaoInvoke', { value: bridge.unheldInvoke, configurable: true, writable: true });
    });
  }
}
