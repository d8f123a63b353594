import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { textsByKey, textsOrBlankByKey } from '../../shared/model/textsByKey.ts';
import { validate } from '../../shared/model/validation.ts';

/**
 * The report's texts by key are checked in one loop (shared/model/textsByKey.ts) instead of
 * z.record's parse of every entry: what it accepts, what it gives and what it says must be
 * what z.record says, in the same Chinese.
 */

const MAX = 8;
const recordOf = (element: z.ZodType) => z.strictObject({ values: z.record(z.string(), element) });
const cases = [
  { name: 'texts', ours: z.strictObject({ values: textsByKey(MAX) }), zods: recordOf(z.string().max(MAX, { error: `不能超过${MAX}个字符` })) },
  { name: 'texts or blank', ours: z.strictObject({ values: textsOrBlankByKey(MAX) }), zods: recordOf(z.string().max(MAX, { error: `不能超过${MAX}个字符` }).nullable()) },
];

const entryValue = fc.oneof(
  fc.string({ maxLength: MAX + 3 }),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const entryKey = fc.string({ maxLength: 6 }).filter((key) => key !== '__proto__');

describe.each(cases)('$name by key', ({ ours, zods }) => {
  it('accepts, gives and refuses with the messages z.record does', () => {
    fc.assert(
      fc.property(fc.dictionary(entryKey, entryValue, { maxKeys: 12 }), (values) => {
        expect(validate(ours, { values })).toEqual(validate(zods, { values }));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what is not a record of texts, saying so', () => {
    for (const values of [null, [], '1', 3, new Date(0)]) {
      const result = validate(ours, { values });
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^表格数据：无效输入：期望 record，实际接收/) });
    }
  });

  it('takes a record made in another realm, as z.record does', () => {
    const values = runInNewContext('({ a: "1", b: "2" })') as Record<string, string>;
    expect(validate(ours, { values })).toEqual(validate(zods, { values }));
    expect(validate(ours, { values })).toMatchObject({ ok: true, value: { values: { a: '1', b: '2' } } });
  });

  it('gives a copy, never the object it was given', () => {
    const values = { a: '1' };
    const parsed = ours.parse({ values });
    expect(parsed.values).toEqual(values);
    expect(parsed.values).not.toBe(values);
  });

  it('keeps a key named __proto__ as a key, so the report schema can refuse it as an unknown cell', () => {
    const values = JSON.parse('{"__proto__":"5"}') as Record<string, string>;
    const parsed = ours.parse({ values });
    expect(Object.keys(parsed.values)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(parsed.values)).toBe(Object.prototype);
  });
});
