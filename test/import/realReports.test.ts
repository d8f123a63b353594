import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import type { FixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { importFile } from '../../services/import/index.ts';
import type { CellReading } from '../../services/import/index.ts';

/**
 * Real published reports as found in public repositories (test/fixtures/real, sources in
 * its SOURCES.md), each against its hand-read figures. A cell the reader could not be sure
 * of is `"?"` in the fixture and is not checked. No figure the importer reads may differ
 * from the hand-read one; the count of exact cells may not fall below what the importer
 * reaches today.
 */
const REAL_DIR = join(import.meta.dirname, '..', 'fixtures', 'real');

/** Cells read exactly today, by file: a regression below these fails. */
const EXACT_FLOOR: Record<string, number> = {
  'pingtan-2021.crawl.txt': 146,
  'pingtan-2022.crawl.txt': 169,
  'pingtan-2022.page.html': 200,
  'pingtan-2023.crawl.txt': 161,
  'pingtan-2023.page.html': 199,
  'pingtan-2024.crawl.txt': 140,
  'pingtan-2024.page.html': 200,
  'pingtan-2025.crawl.txt': 146,
  'pingtan-2025.page.html': 199,
};

/** Marks an unknown cell in the fixture; stands in for `"?"` where the report model wants a number. */
const UNKNOWN = -1;

function withUnknownMarked(value: unknown): unknown {
  if (value === '?') return UNKNOWN;
  if (Array.isArray(value)) return value.map(withUnknownMarked);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUnknownMarked(v)]));
  return value;
}

type RealFixture = FixtureFigures & { agency: string; year: number; sections: string[] };

function fixtureOf(file: string): RealFixture {
  return JSON.parse(readFileSync(join(REAL_DIR, file.replace(/\.[^.]+$/, '.expected.json')), 'utf8')) as RealFixture;
}

function expectedReport(file: string): Report {
  const fixture = fixtureOf(file);
  return applyFixtureFigures(blankReport(blankAgency(fixture.agency), fixture.year), withUnknownMarked(fixture) as FixtureFigures);
}

async function imported(file: string) {
  return importFile({ bytes: new Uint8Array(readFileSync(join(REAL_DIR, file))), name: file });
}

function expectedValue(report: Report, cell: CellReading): number | null {
  const text = cell.isTotal ? report.statedTotals[cell.key] : report.values[cell.key];
  return text === undefined || text === null ? null : Number(text);
}

interface Tally {
  exact: number;
  read: number;
  wrong: string[];
}

async function tally(file: string): Promise<Tally> {
  const result = await imported(file);
  if (!result.ok) return { exact: 0, read: 0, wrong: [] };
  const report = expectedReport(file);
  const read = result.value.cells.filter((c) => c.value !== null);
  const checked = read.filter((c) => expectedValue(report, c) !== UNKNOWN);
  const wrong = checked.filter((c) => Number(c.value) !== expectedValue(report, c)).map((c) => `${c.key}: ${c.value}, not ${expectedValue(report, c)}`);
  return { exact: checked.length - wrong.length, read: read.length, wrong };
}

const files = readdirSync(REAL_DIR).filter((f) => !f.endsWith('.json') && !f.endsWith('.md')).sort();

describe.each(files)('real report %s', (file) => {
  it('places no figure wrongly and reads at least as many cells exactly as before', async () => {
    const { exact, wrong } = await tally(file);
    expect(wrong).toEqual([]);
    expect(exact).toBeGreaterThanOrEqual(EXACT_FLOOR[file]!);
  });

  it('finds the agency, the year and the six section headings as printed', async () => {
    const fixture = fixtureOf(file);
    const result = await imported(file);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.agency).toBe(fixture.agency);
    expect(result.value.year).toBe(fixture.year);
    expect(result.value.sections.map((s) => s.heading)).toEqual(fixture.sections);
  });
});

it('every real report has a floor', () => {
  expect(Object.keys(EXACT_FLOOR).sort()).toEqual(files);
});
