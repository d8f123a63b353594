import { hash } from 'node:crypto';
import { Utf8Writer } from './utf8Writer.ts';

/**
 * JSON with object keys sorted at every level, so the same content always gives the
 * same text (and hash) whatever order its keys were built in. Written out directly as
 * UTF-8 rather than through a JSON.stringify replacer that rebuilds every object: this runs
 * on every autosave. Plain data only (what JSON.stringify would write for it): undefined
 * members are left out of objects and written as null in arrays.
 */
export function canonicalJson(value: unknown): string {
  textWriter.reset();
  writeCanonicalJson(textWriter, value);
  return decoder.decode(textWriter.view());
}

const textWriter = new Utf8Writer();
const decoder = new TextDecoder();

/** The canonical JSON of `value`, as UTF-8, appended to what `out` holds. */
export function writeCanonicalJson(out: Utf8Writer, value: unknown): void {
  if (typeof value === 'string') return writeString(out, value);
  if (value === null || typeof value !== 'object') return out.text(JSON.stringify(value) ?? 'null');
  if (Array.isArray(value)) {
    out.byte(OPEN_ARRAY);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out.byte(COMMA);
      writeCanonicalJson(out, item === undefined ? null : item);
    }
    return out.byte(CLOSE_ARRAY);
  }
  const order = keyOrder(Object.keys(value));
  // Object.values lists the members in the keys' order: read by position, not looked up by key.
  const members = Object.values(value);
  if (members.every(isPrimitive)) writeRecord(out, members, order);
  else writeObject(out, members, order);
}

const code = (character: string): number => character.charCodeAt(0);
const OPEN_ARRAY = code('[');
const CLOSE_ARRAY = code(']');
const OPEN_OBJECT = code('{');
const CLOSE_OBJECT = code('}');
const COMMA = code(',');
const QUOTE = code('"');
const COLON = code(':');

/** An object's members, listed in its keys' order, written in `order`. */
function writeObject(out: Utf8Writer, members: readonly unknown[], { positions, prefixes }: KeyOrder): void {
  out.byte(OPEN_OBJECT);
  let first = true;
  for (let i = 0; i < positions.length; i++) {
    const member = members[positions[i]!];
    if (member === undefined) continue;
    writeMember(out, first, prefixes[i]!, member);
    first = false;
  }
  out.byte(CLOSE_OBJECT);
}

function writeMember(out: Utf8Writer, first: boolean, prefix: Uint8Array, member: unknown): void {
  if (!first) out.byte(COMMA);
  out.bytes(prefix);
  writeCanonicalJson(out, member);
}

/** An object's keys in the order they are written, and each key written as `"key":`. */
interface KeyOrder {
  /** The keys as Object.keys listed them: a later object listing the same ones in this order is written in this order. */
  readonly listed: readonly string[];
  /** Where each key, in written (sorted) order, is in `listed`. */
  readonly positions: readonly number[];
  /** Where each of `listed` is in written order. */
  readonly writtenAt: readonly number[];
  /** `"key":` in UTF-8, in written order. */
  readonly prefixes: readonly Uint8Array[];
  /** The last record of primitives written with these keys. */
  written?: WrittenRecord;
}

/** A record's bytes, its members as listed, and where each member's part of the bytes ends (in written order). */
interface WrittenRecord {
  members: readonly unknown[];
  /** Reused from one write to the next while the record fits, as the stored JSON's buffer is (snapshot.ts). */
  bytes: Uint8Array;
  length: number;
  readonly ends: number[];
}

/** Text, numbers, booleans and null: equal members are written the same (undefined is left out, so not one of them). */
function isPrimitive(member: unknown): boolean {
  return member === null || (typeof member !== 'object' && member !== undefined);
}

/**
 * Autosave writes the same records again (a report's ~165 figures, its stated totals, its
 * section texts, parts of its agency), mostly with one member changed: a record's bytes are
 * the last ones with that member's part replaced. Writing the ~165 parts of the figures again
 * was most of the time an autosave spent on its JSON, and unchanged section texts are not
 * quoted and encoded again; unchanged records are the last bytes themselves. Two or more
 * changed members and the record is written in full.
 */
function writeRecord(out: Utf8Writer, members: readonly unknown[], order: KeyOrder): void {
  const last = order.written;
  let changed = -1;
  if (last) {
    for (let i = 0; i < members.length; i++) {
      if (members[i] === last.members[i]) continue;
      changed = changed === -1 ? i : -2;
      if (changed === -2) break;
    }
    if (changed === -1) return out.bytes(last.bytes.subarray(0, last.length));
  }
  const start = out.length;
  const ends = last && changed >= 0 ? replaceMember(out, last, members[changed], order.writtenAt[changed]!, order.prefixes) : writeInFull(out, members, order);
  remember(order, members, out.view(start), ends);
}

function writeInFull(out: Utf8Writer, members: readonly unknown[], { positions, prefixes }: KeyOrder): number[] {
  const start = out.length;
  const ends: number[] = [];
  out.byte(OPEN_OBJECT);
  for (let i = 0; i < positions.length; i++) {
    writeMember(out, i === 0, prefixes[i]!, members[positions[i]!]);
    ends.push(out.length - start);
  }
  out.byte(CLOSE_OBJECT);
  return ends;
}

/** The last record's bytes with the member written `changed`-th written anew; the ends shifted to match. */
function replaceMember(out: Utf8Writer, last: WrittenRecord, member: unknown, changed: number, prefixes: readonly Uint8Array[]): number[] {
  const from = changed === 0 ? 1 : last.ends[changed - 1]!;
  const to = last.ends[changed]!;
  const start = out.length;
  out.bytes(last.bytes.subarray(0, from));
  writeMember(out, changed === 0, prefixes[changed]!, member);
  const shift = out.length - start - to;
  out.bytes(last.bytes.subarray(to, last.length));
  const { ends } = last;
  for (let i = changed; i < ends.length; i++) ends[i]! += shift;
  return ends;
}

function remember(order: KeyOrder, members: readonly unknown[], bytes: Uint8Array, ends: number[]): void {
  const kept = order.written?.bytes;
  const into = kept && kept.length >= bytes.length ? kept : new Uint8Array(bytes.length * 2);
  into.set(bytes);
  order.written = { members, bytes: into, length: bytes.length, ends };
}

/**
 * Autosave writes the same objects (a report's ~165 figures, its agency, …) with the same keys
 * in the same order again and again: their order and quoted keys are remembered, and sorting
 * and quoting them each time was most of the time spent here. They are found by their first
 * key: property names are interned strings, so the lookup hashes nothing and comparing two
 * lists of keys compares pointers.
 */
const REMEMBERED_AT_MOST = 64;
const remembered = new Map<string, KeyOrder[]>();
let rememberedCount = 0;

function keyOrder(listed: readonly string[]): KeyOrder {
  const first = listed[0] ?? '';
  const known = remembered.get(first);
  if (known) for (const order of known) if (sameList(order.listed, listed)) return order;
  if (rememberedCount >= REMEMBERED_AT_MOST) {
    remembered.clear();
    rememberedCount = 0;
  }
  const order = orderOf(listed);
  const same = remembered.get(first);
  if (same) same.push(order);
  else remembered.set(first, [order]);
  rememberedCount++;
  return order;
}

function orderOf(listed: readonly string[]): KeyOrder {
  const keys = sortedKeys(listed);
  const position = new Map(listed.map((key, at) => [key, at]));
  const prefix = new Utf8Writer(64);
  const prefixes = keys.map((key) => {
    prefix.reset();
    writeString(prefix, key);
    prefix.byte(COLON);
    return prefix.view().slice();
  });
  const positions = keys.map((key) => position.get(key)!);
  const writtenAt: number[] = [];
  positions.forEach((at, i) => (writtenAt[at] = i));
  return { listed, positions, writtenAt, prefixes };
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
function writeString(out: Utf8Writer, text: string): void {
  if (text.length > SHORT || needsEscape(text)) return out.text(JSON.stringify(text));
  out.byte(QUOTE);
  out.text(text);
  out.byte(QUOTE);
}

function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return true;
  }
  return false;
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
