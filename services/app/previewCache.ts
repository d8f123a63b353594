import { createHash } from 'node:crypto';

/**
 * The last preview PDFs by the hash of what they show: a report viewed again unchanged
 * (back on the preview step, after a reload) is answered at once instead of printing the
 * same pages again. A few entries cover the reports open in one session.
 */
const KEEP = 8;

export interface PreviewCache {
  /** The PDF for `content` (the print page's HTML), printing it only when it is not kept. */
  get(content: string, print: () => Promise<Uint8Array>): Promise<Uint8Array>;
}

export function createPreviewCache(keep = KEEP): PreviewCache {
  const entries = new Map<string, Promise<Uint8Array>>();
  return {
    get(content, print) {
      const key = createHash('sha256').update(content).digest('hex');
      const kept = entries.get(key);
      if (kept) {
        // Most recently used last, so the oldest goes first.
        entries.delete(key);
        entries.set(key, kept);
        return kept;
      }
      const printing = print();
      entries.set(key, printing);
      // A failed print is not kept: the next preview tries again.
      printing.catch(() => entries.delete(key));
      while (entries.size > keep) entries.delete(entries.keys().next().value!);
      return printing;
    },
  };
}
