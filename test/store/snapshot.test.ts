import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../../services/store/canonicalJson.ts';
import { openReadWrite } from '../../services/store/database.ts';
import { storePaths } from '../../services/store/paths.ts';
import { encodeReport, reportJson, storedBytes } from '../../services/store/snapshot.ts';
import { blankAgency } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { reportFileJson } from '../../shared/model/serialize.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { openTestStore, tempDir, unwrap } from './support.ts';

/** The value with the keys of every object in another order (`seed` picks which). */
function shuffled(value: unknown, seed: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => shuffled(item, seed));
  const entries = Object.entries(value);
  const order = entries.map((_, i) => (i * 7919 + seed) % (entries.length + 13));
  return Object.fromEntries(entries.map((entry, i) => ({ entry, rank: order[i]! })).sort((a, b) => a.rank - b.rank).map(({ entry: [k, v] }) => [k, shuffled(v, seed)]));
}

const anyText = fc.string({ unit: 'binary', maxLength: 120 });

/** Seed reports with figures and texts changed to anything (quotes, control characters, lone surrogates, CJK), keys in any order. */
const reports = fc
  .record({
    seed: fc.constantFrom(...loadSeeds().map((s) => s.report)),
    figures: fc.array(fc.tuple(fc.nat(), anyText), { maxLength: 6 }),
    section: anyText,
    order: fc.nat(),
  })
  .map(({ seed, figures, section, order }): Report => {
    const values = { ...seed.values };
    const keys = Object.keys(values);
    for (const [at, text] of figures) values[keys[at % keys.length] ?? 'x'] = text;
    const sections = { ...seed.sections, [Object.keys(seed.sections)[0] ?? 'overview']: section };
    return shuffled({ ...seed, values, sections }, order) as Report;
  });

describe('encodeReport', () => {
  test('gives the UTF-8 of the stored JSON and the hash of the key-sorted report, whatever the key order', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(reports, (report) => {
        const canonical = canonicalJson(report);
        const encoded = encodeReport(report);
        const { hash } = encoded;
        return (
          decoder.decode(storedBytes(encoded)) === reportFileJson(canonical) &&
          reportJson(report) === reportFileJson(canonical) &&
          hash === createHash('sha256').update(canonical, 'utf8').digest('hex')
        );
      }),
      { numRuns: 300 },
    );
  });

  test('encodes reports larger than its first buffer, and smaller ones after them', () => {
    const report = consistentReport(2024);
    const long = { ...report, sections: { ...report.sections, overview: '公开'.repeat(60_000) } };
    for (const each of [long, report, long]) {
      const canonical = canonicalJson(each);
      const encoded = encodeReport(each);
      expect(Buffer.from(storedBytes(encoded)).toString('utf8')).toBe(reportFileJson(canonical));
      expect(encoded.hash).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    }
  });

  test('gives each encoded report its own bytes, whichever was encoded last (the buffer is shared)', () => {
    const report = consistentReport(2024);
    const other = { ...report, sections: { ...report.sections, overview: '另一份报告的总体情况。' } };
    const first = encodeReport(report);
    const second = encodeReport(other);
    for (const encoded of [first, second, first, first, second]) {
      expect(Buffer.from(storedBytes(encoded)).toString('utf8')).toBe(reportJson(encoded.report));
    }
  });

  test('the store keeps the content as text, the stored JSON itself, and its hash', () => {
    const dataDir = tempDir();
    const store = openTestStore(dataDir);
    const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const reportId = unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.id;
    const report = { ...consistentReport(2024), agency: { ...blankAgency('湖滨区政府办'), contact: '电话：0571-“1234”\n地址：湖滨路1号' } };
    unwrap(store.saveReport({ reportId, report }));
    const db = openReadWrite(storePaths(dataDir).database);
    try {
      const row = db.prepare('SELECT typeof(content) AS type, content, content_hash AS hash FROM reports WHERE id = ?').get(reportId);
      expect(row).toEqual({ type: 'text', content: reportJson(report), hash: createHash('sha256').update(canonicalJson(report), 'utf8').digest('hex') });
    } finally {
      db.close();
    }
  });
});
