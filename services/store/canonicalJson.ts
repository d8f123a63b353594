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
  const order = keyOrder(Object.keys(value));
  // Object.values lists the members in the keys' order: read by position, not looked up by key.
  const listed = Object.values(value);
  const members = order.positions.map((at) => listed[at]);
  return order.keys.length < REMEMBER_FROM_KEYS || members.includes(undefined) ? objectJson(members, order) : largeRecordJson(members, order);
}

function objectJson(members: readonly unknown[], { prefixes }: KeyOrder): string {
  let text = '{';
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    if (member !== undefined) text += (text.length === 1 ? '' : ',') + prefixes[i]! + canonicalJson(member);
  }
  return text + '}';
}

/** An object's keys in the order they are written, and each key written as `"key":`. */
interface KeyOrder {
  /** The keys as Object.keys listed them: a later object listing the same ones in this order is written in this order. */
  readonly listed: readonly string[];
  readonly keys: readonly string[];
  /** Where each of `keys` is in `listed`. */
  readonly positions: readonly number[];
  readonly prefixes: readonly string[];
  /** The last large record written with these keys (none undefined). */
  written?: WrittenRecord;
}

/** A large record's text, its members in written order, and where each member's part of the text ends. */
interface WrittenRecord {
  readonly members: readonly unknown[];
  readonly text: string;
  readonly ends: readonly number[];
}

/** Text, numbers, booleans and null: equal members are written the same. */
function isPrimitive(member: unknown): boolean {
  return member === null || typeof member !== 'object';
}

/**
 * Autosave writes the same large record (a report's ~165 figures) again with one member
 * changed: its text is the last one's with that member's part replaced. Writing its ~165
 * parts and joining them again was most of the time an autosave spent on its JSON; unchanged
 * records (the stated totals) are the last text itself. Two or more changed members, or any
 * member that is an object, and the record is written in full.
 */
function largeRecordJson(members: readonly unknown[], order: KeyOrder): string {
  const last = order.written;
  let changed = -1;
  if (last) {
    for (let i = 0; i < members.length; i++) {
      if (members[i] === last.members[i] && isPrimitive(members[i])) continue;
      changed = changed === -1 ? i : -2;
      if (changed === -2) break;
    }
    if (changed === -1) return last.text;
  }
  const written = last && changed >= 0 ? replacedMember(last, members, changed, order.prefixes) : writtenInFull(members, order.prefixes);
  order.written = written;
  return written.text;
}

function writtenInFull(members: readonly unknown[], prefixes: readonly string[]): WrittenRecord {
  let text = '{';
  const ends: number[] = [];
  for (let i = 0; i < members.length; i++) {
    text += (i === 0 ? '' : ',') + prefixes[i]! + canonicalJson(members[i]);
    ends.push(text.length);
  }
  return { members, text: text + '}', ends };
}

function replacedMember(last: WrittenRecord, members: readonly unknown[], changed: number, prefixes: readonly string[]): WrittenRecord {
  const start = changed === 0 ? 1 : last.ends[changed - 1]!;
  const end = last.ends[changed]!;
  const part = (changed === 0 ? '' : ',') + prefixes[changed]! + canonicalJson(members[changed]);
  const shift = start + part.length - end;
  return {
    members,
    text: last.text.slice(0, start) + part + last.text.slice(end),
    ends: last.ends.map((at, i) => (i < changed ? at : at + shift)),
  };
}

/**
 * Autosave writes the same objects (a report's ~165 figures, its agency, …) with the same keys
 * in the same order again and again: their order and quoted keys are remembered, and sorting
 * and quoting them each time was most of the time spent here. Large records (from this many
 * keys) also keep their last text.
 */
const REMEMBER_FROM_KEYS = 16;
const REMEMBERED_AT_MOST = 64;
const remembered = new Map<string, KeyOrder>();

function keyOrder(listed: readonly string[]): KeyOrder {
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
  const position = new Map(listed.map((key, at) => [key, at]));
  return { listed, keys, positions: keys.map((key) => position.get(key)!), prefixes: keys.map((key) => `${quoted(key)}:`) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Longer texts (section texts) almost always hold a line break: JSON.stringify them without a first scan. */
const SHORT = 64;

/**
 * A string as JSON.stringify writes it; cell keys and figures are short and need no escaping,
 * and quoting them by hand is cheaper. What JSON.stringify would escape: a control character,
 * a quote, a backslash, a (lone) surrogate. A loop over a few characters costs less than a
 * regular expression's call.
 */
function quoted(text: string): string {
  if (text.length > SHORT) return JSON.stringify(text);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
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
