import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so the same content always gives the
 * same text (and hash) whatever order its keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Hash of a value's content, independent of key order. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
