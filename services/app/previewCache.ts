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
}

export function createPreviewCache(keep = KEEP): PreviewCache {
  const kept = keptPromises<Uint8Array>(keep);
  return { get: (content, print) => kept.get(createHash('sha256').update(content).digest('hex'), print) };
}
