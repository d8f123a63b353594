import type { Harness } from '../test/e2e/harness.ts';

export interface Latencies {
  /** keydown → the new total in the DOM (the work of one keystroke: state, totals, checks, render). */
  readonly dom: number[];
  /** keydown → the next frame after it (what the user sees). */
  readonly frame: number[];
}

interface Measuring {
  readonly latencies: Latencies;
  readonly stop: () => void;
}

/**
 * Latencies of typing into a table-3 cell of the step on screen, each key replacing the
 * cell's figure; `pauseMs` between keys (a clerk who stops to read lets the autosave and
 * what follows it run between keys).
 */
export async function keystrokeLatencies(harness: Pick<Harness, 'page'>, { keys, pauseMs = 0 }: { keys: number; pauseMs?: number }): Promise<Latencies> {
  const { page } = harness;
  await page.evaluate(() => {
    const latencies: Latencies = { dom: [], frame: [] };
    let start = 0;
    const onKey = (event: KeyboardEvent) => void (/^[0-9]$/.test(event.key) && (start = event.timeStamp));
    document.addEventListener('keydown', onKey, true);
    const total = document.querySelector('[data-cell="t3.newReceived.total"]')!;
    const observer = new MutationObserver(() => {
      if (!start) return;
      const from = start;
      start = 0;
      latencies.dom.push(performance.now() - from);
      requestAnimationFrame(() => latencies.frame.push(performance.now() - from));
    });
    observer.observe(total, { characterData: true, childList: true, subtree: true });
    const stop = () => {
      observer.disconnect();
      document.removeEventListener('keydown', onKey, true);
    };
    (window as unknown as { __measuring: Measuring }).__measuring = { latencies, stop };
  });
  const cell = '[data-cell="t3.newReceived.naturalPerson"]';
  await page.click(cell);
  // The figures 1 to 9 in turn from the one after what the cell holds: every key changes the
  // figure (and so the total), and the report's content comes back only after more changes
  // than main keeps previews of (8), so each pause is followed by a new print.
  const held = Number(await page.inputValue(cell));
  for (let i = 0; i < keys; i++) {
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
    await page.keyboard.press('Control+A');
    await page.keyboard.press(String(((held + i) % 9) + 1));
  }
  await page.waitForFunction((n) => (window as unknown as { __measuring: Measuring }).__measuring.latencies.frame.length >= n, keys);
  const { dom, frame } = await page.evaluate(() => {
    const { latencies, stop } = (window as unknown as { __measuring: Measuring }).__measuring;
    stop();
    return latencies;
  });
  return { dom: dom.sort((a, b) => a - b), frame: frame.sort((a, b) => a - b) };
}
