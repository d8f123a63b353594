import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so the same content always gives the
 * same text (and hash) whatever order its keys were built in. Written out directly rather
 * than through a JSON.stringify replacer that rebuilds every object: this runs on every
 * autosave. Plain data only (what JSON.stringify would write for it): undefined members
 * are left out of objects and written as null in arrays.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of sortedKeys(record)) {
    if (record[key] !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  }
  return `{${members.join(',')}}`;
}

/** An object property name that is an array index: JavaScript lists those first, in numeric order. */
function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/**
 * The keys in the order the earlier sort-then-stringify wrote them, which stored hashes and
 * exchange-file checksums depend on: array indices first in numeric order (any object
 * lists them so), then the other keys sorted.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let indices = 0;
  while (indices < keys.length && isArrayIndex(keys[indices]!)) indices++;
  return [...keys.slice(0, indices), ...keys.slice(indices).sort()];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
