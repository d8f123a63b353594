import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../services/store/canonicalJson.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

/** The first implementation: stored content hashes and exchange-file checksums were made with it. */
function sortThenStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

describe('canonicalJson', () => {
  it('writes exactly what sort-then-stringify wrote, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === sortThenStringify(value)), { numRuns: 2000 });
  });

  it('escapes strings as JSON.stringify does: quotes, backslashes, control characters, lone surrogates, long texts', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 80 });
    fc.assert(fc.property(fc.dictionary(anyText, fc.oneof(anyText, fc.array(anyText))), (value) => canonicalJson(value) === sortThenStringify(value)), {
      numRuns: 2000,
    });
    const tricky = { 'a"b': 'c\\d', '\u0001': '\n', '\ud800': 'x\udc00', '\u2028': '\u007f', long: `第一段。\n${'字'.repeat(100)}"` };
    expect(canonicalJson(tricky)).toBe(sortThenStringify(tricky));
  });

  it('writes the same for numeric-looking keys, which JavaScript orders first', () => {
    const value = { b: 1, '10': 2, '2': 3, a: { '01': 4, '1': 5, z: [undefined, { y: 1, x: 2 }] }, u: undefined };
    expect(canonicalJson(value)).toBe(sortThenStringify(value));
  });

  it('writes the same for large records listed again in the same or another order (their key order is remembered)', () => {
    const key = fc.oneof(fc.string({ maxLength: 12 }), fc.nat({ max: 40 }).map(String), fc.constantFrom('t3.granted.naturalPerson', 't3.granted.total', '__proto__'));
    const record = fc.uniqueArray(key, { minLength: 16, maxLength: 60 }).chain((keys) =>
      fc.array(fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }), { minLength: 1, maxLength: 4 }).map((orders) => ({ keys, orders })),
    );
    fc.assert(
      fc.property(record, fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant(undefined)), { minLength: 60, maxLength: 60 }), ({ keys, orders }, members) => {
        for (const order of [keys, ...orders, keys]) {
          const value: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
          order.forEach((k, i) => (value[k] = members[(i + order.length) % members.length]));
          if (canonicalJson(value) !== sortThenStringify(value)) return false;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it('writes the same for a large record written again and again with members changed (its last text is reused)', () => {
    const key = fc.oneof(fc.string({ maxLength: 12 }), fc.nat({ max: 40 }).map(String), fc.constantFrom('t3.granted.naturalPerson', '__proto__'));
    // Mostly text, as figures are: a record with two objects in it is written in full every time.
    const primitive = fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('', '1', '01', 1, 0, -0, 1.5, true, false, null, Number.NaN));
    const member = fc.oneof(
      { arbitrary: primitive, weight: 12 },
      { arbitrary: fc.constant(undefined), weight: 1 },
      { arbitrary: fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 3 }), weight: 1 },
      { arbitrary: fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), weight: 1 },
    );
    const edits = fc.array(fc.array(fc.tuple(fc.nat(), member), { maxLength: 2 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 16, maxLength: 40 }), fc.array(primitive, { minLength: 40, maxLength: 40 }), edits, fc.boolean(), (keys, first, steps, reversed) => {
        const members: unknown[] = keys.map((_, i) => first[i]);
        for (const [step, changes] of steps.entries()) {
          for (const [at, changed] of changes) members[at % members.length] = changed;
          const listed = reversed && step % 2 === 1 ? [...keys].reverse() : keys;
          const value: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
          for (const k of listed) value[k] = members[keys.indexOf(k)];
          if (canonicalJson(value) !== sortThenStringify(value)) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same for the seed reports, whatever order their keys were built in', () => {
    for (const { report } of loadSeeds()) {
      const reversed = Object.fromEntries(Object.entries(report).reverse());
      expect(canonicalJson(reversed)).toBe(sortThenStringify(report));
      const values = Object.fromEntries(Object.entries(report.values).reverse());
      for (const figure of ['1', '22', '']) {
        const edited = { ...report, values: { ...values, [Object.keys(values)[0] ?? 'x']: figure } };
        expect(canonicalJson(edited)).toBe(sortThenStringify(edited));
      }
    }
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 of the UTF-8 bytes, as stored hashes were made', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === createHash('sha256').update(text, 'utf8').digest('hex')),
      { numRuns: 500 },
    );
    for (const { report } of loadSeeds()) {
      const text = canonicalJson(report);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    }
  });
});
