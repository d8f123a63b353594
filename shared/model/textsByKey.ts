import { z } from 'zod';
import { util } from 'zod/v4/core';

/**
 * Texts by key, each at most `max` characters: a report's figures by cell key, its stated
 * totals, its sections. Checked in one loop instead of z.record's parse of every entry,
 * which was most of each autosave's contract check (~165 figures; 5× slower); the issues
 * are those z.record would give (wrong type, too long: the same Chinese messages), and the
 * output is a copy, as a parse's is. A key `__proto__` stays a key (z.record drops it).
 */
function checkedTexts<T extends string | null>(max: number, accepts: (value: unknown) => value is T) {
  return z.custom<Record<string, T>>().transform((record, ctx) => {
    // zod's own test of a record (z.record's), so the same objects are taken, from any realm.
    if (!util.isPlainObject(record)) {
      ctx.issues.push({ code: 'invalid_type', expected: 'record', input: record });
      return z.NEVER;
    }
    const copy = copyOf(record);
    // By value, in one pass: the keys (Object.keys lists them in the same order) only for an issue's path.
    const texts = Object.values(copy);
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      if (accepts(text) && (text === null || text.length <= max)) continue;
      const path = [Object.keys(copy)[i]!];
      if (!accepts(text)) ctx.issues.push({ code: 'invalid_type', expected: 'string', input: text, path });
      else ctx.issues.push({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: text, path, message: `不能超过${max}个字符` });
    }
    return copy;
  });
}

/**
 * A copy of `record`, checked and handed on instead of it. A spread, not key by key: V8 copies
 * a large record's properties at once (165 figures: ~0.3 µs, against ~10 µs assigning them one
 * by one), and a spread defines a key `__proto__` as an own key, as z.record's output has its
 * keys. (It would also copy symbol keys, which neither JSON nor the IPC's structured clone can
 * carry.) The copy is read, not the record: the IPC's structured clone of a report holds its
 * figures as a dictionary, whose keys and values cost ~10× as much to list (~3–5 µs each time).
 */
function copyOf<T>(record: Record<string, T>): Record<string, T> {
  return { ...record };
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrBlank = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** Texts by key, each at most `max` characters. */
export const textsByKey = (max: number) => checkedTexts(max, isText);
/** Texts by key, each at most `max` characters or null (printed blank). */
export const textsOrBlankByKey = (max: number) => checkedTexts(max, isTextOrBlank);
