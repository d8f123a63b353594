import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { checkCells } from './cellCheck.ts';
import { CONVERTER_FORM } from './seedForms.ts';
import { importBytes } from './support.ts';

/**
 * The five seeds as other extractors write the text of their PDFs (how they were made:
 * test/fixtures/text-forms/README.md): `mutool draw -F txt` (a cell per line, row by
 * row), pdfminer's `pdf2txt.py` by default, with `-M 20` and with `-L 2` (tables column
 * by column, in blocks whose order does not say the row), and with `-n` (no layout
 * analysis: row by row). No figure may be wrong; a cell not read is `unplaced` or
 * `missing` (shown as 未能读出), never claimed blank; exact cells may not fall below
 * what the importer reaches today.
 */
const FORMS_DIR = join(import.meta.dirname, '..', 'fixtures', 'text-forms');
const seeds = new Map(loadSeeds().map((s) => [s.id, s]));

/** Cells read exactly today, by form and seed (000…004, in seed order). */
const EXACT_FLOOR: Record<string, readonly number[]> = {
  mutool: [190, 194, 200, 10, 171],
  'lo-mutool': [190, 194, 200, 10, 171],
  'pdfminer-n': [190, 172, 197, 10, 168],
  // Column by column: the rows' order is lost in every table read from such text.
  'pdfminer-M20': [15, 15, 15, 0, 0],
  pdfminer: [0, 0, 0, 0, 0],
  'lo-pdfminer-L2': [0, 0, 0, 0, 0],
};

const files = readdirSync(FORMS_DIR).filter((f) => CONVERTER_FORM.test(f)).sort();

function floorOf(file: string): number {
  const form = file.slice(21, -'.txt'.length);
  const seedIndex = Number(file.slice(0, 3));
  return EXACT_FLOOR[form]![seedIndex]!;
}

describe.each(files)('%s', (file) => {
  const seed = seeds.get(file.slice(0, 20))!;

  it('places no figure wrongly, claims no cell blank that holds a figure, and reads at least as many cells exactly as before', async () => {
    const result = await importBytes(new Uint8Array(readFileSync(join(FORMS_DIR, file))), file);
    const { wrong, notRead } = checkCells(result, seed.report);
    expect(wrong).toEqual([]);
    expect(notRead.filter((c) => c.status !== 'unplaced' && c.status !== 'missing').map((c) => `${c.key} ${c.status}`)).toEqual([]);
    const exact = result.cells.filter((c) => c.value !== null).length;
    expect(exact).toBeGreaterThanOrEqual(floorOf(file));
  });

  it('finds the six sections and the year', async () => {
    const result = await importBytes(new Uint8Array(readFileSync(join(FORMS_DIR, file))), file);
    expect(result.sections.every((s) => s.heading !== null)).toBe(true);
    expect(result.year).toBe(seed.fixture.year);
  });
});

it('every converter form has a floor for every seed', () => {
  expect(new Set(files.map((f) => f.slice(21, -'.txt'.length)))).toEqual(new Set(Object.keys(EXACT_FLOOR)));
  expect(files).toHaveLength(Object.keys(EXACT_FLOOR).length * seeds.size);
});
