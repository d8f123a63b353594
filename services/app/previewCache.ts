import { createHash } from 'node:crypto';
import { keptPromises } from './keptPromises.ts';

/**
 * The last preview PDFs by the hash of what they show: a report viewed again unchanged
 * (back on the preview step, after a reload) is answered at once instead of printing the
 * same pages again. A few entries cover the reports open in one session.
 */
const KEEP = 8;

export interface PreviewCache {
  /** The PDF for `content` (the print page's HTML), printing it only when it is not kept. */
  get(content: string, print: () => Promise<Uint8Array>): Promise<Uint8Array>;
  /**
   * Prints `content` before it is asked for, so that `get` finds it kept or on its way.
   * One print ahead at a time, and only the newest waits for it: typing with short pauses
   * keeps the printer at most one print behind, never a queue of outdated ones.
   */
  printAhead(content: string, print: () => Promise<Uint8Array>): void;
}

export function createPreviewCache(keep = KEEP): PreviewCache {
  const kept = keptPromises<Uint8Array>(keep);
  const get = (content: string, print: () => Promise<Uint8Array>) => kept.get(createHash('sha256').update(content).digest('hex'), print);
  let printing = false;
  let waiting: { content: string; print: () => Promise<Uint8Array> } | undefined;
  const printNext = (): void => {
    const next = waiting;
    waiting = undefined;
    printing = next !== undefined;
    // A failed print ahead is not kept (keptPromises): asked for, it is printed again and its error shown.
    if (next) void get(next.content, next.print).then(printNext, printNext);
  };
  return {
    get,
    printAhead(content, print) {
      waiting = { content, print };
      if (!printing) printNext();
    },
  };
}
