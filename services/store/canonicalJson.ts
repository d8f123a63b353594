import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so the same content always gives the
 * same text (and hash) whatever order its keys were built in. Written out directly rather
 * than through a JSON.stringify replacer that rebuilds every object: this runs on every
 * autosave, so it appends to one string instead of building arrays to join. Plain data
 * only (what JSON.stringify would write for it): undefined members are left out of
 * objects and written as null in arrays.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      text += (i === 0 ? '' : ',') + (item === undefined ? 'null' : canonicalJson(item));
    }
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  const { keys, prefixes } = keyOrder(Object.keys(record));
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const member = record[keys[i]!];
    if (member !== undefined) text += (text.length === 1 ? '' : ',') + prefixes[i]! + canonicalJson(member);
  }
  return text + '}';
}

/** An object's keys in the order they are written, and each key written as `"key":`. */
interface KeyOrder {
  /** The keys as Object.keys listed them: a later object listing the same ones in this order is written in this order. */
  readonly listed: readonly string[];
  readonly keys: readonly string[];
  readonly prefixes: readonly string[];
}

/**
 * Autosave writes the same large records (a report's ~150 figures) with the same keys in the
 * same order again and again: their order and quoted keys are remembered, and sorting and
 * quoting them each time was most of the time spent here. Small objects are cheaper to sort.
 */
const REMEMBER_FROM_KEYS = 16;
const REMEMBERED_AT_MOST = 64;
const remembered = new Map<string, KeyOrder>();

function keyOrder(listed: readonly string[]): KeyOrder {
  if (listed.length < REMEMBER_FROM_KEYS) return orderOf(listed);
  const id = `${listed.length}\u0000${listed[0]}\u0000${listed[listed.length - 1]}`;
  const known = remembered.get(id);
  if (known && sameList(known.listed, listed)) return known;
  const order = orderOf(listed);
  if (remembered.size >= REMEMBERED_AT_MOST) remembered.clear();
  remembered.set(id, order);
  return order;
}

function orderOf(listed: readonly string[]): KeyOrder {
  const keys = sortedKeys(listed);
  return { listed, keys, prefixes: keys.map((key) => `${quoted(key)}:`) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What JSON.stringify would escape: a quote, a backslash, a control character, a (lone) surrogate. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Longer texts (section texts) almost always hold a line break: JSON.stringify them without a first scan. */
const SHORT = 64;

/** A string as JSON.stringify writes it; cell keys and figures are short and need no escaping, and quoting them by hand is cheaper. */
function quoted(text: string): string {
  return text.length > SHORT || ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
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
function sortedKeys(keys: readonly string[]): string[] {
  let indices = 0;
  while (indices < keys.length && isArrayIndex(keys[indices]!)) indices++;
  return [...keys.slice(0, indices), ...keys.slice(indices).sort()];
}

/** The hex SHA-256 of the bytes, or of the text's UTF-8 bytes. The one-shot crypto.hash: a Hash object cost an autosave 3–4× as much. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}
