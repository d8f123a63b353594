import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../shared/figures/figures.ts';
import { toFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { checkCells } from './cellCheck.ts';
import { CONVERTER_FORM } from './seedForms.ts';
import { importBytes } from './support.ts';

/**
 * The five seeds as the text forms reports are published in (see
 * test/fixtures/text-forms/README.md): layout text from pdftotext and from a
 * LibreOffice PDF, raw text, and Markdown from pandoc (pipe tables; simple and
 * multiline tables). Each imports to exactly the seed's figures, except where the form
 * lost a figure's column: those figures are unplaced, none is ever wrong.
 */
const FORMS_DIR = join(import.meta.dirname, '..', 'fixtures', 'text-forms');
const seeds = new Map(loadSeeds().map((s) => [s.id, s]));
const files = readdirSync(FORMS_DIR).filter((f) => /^\d{3}_.*\.(txt|md)$/.test(f) && !CONVERTER_FORM.test(f)).sort();

/**
 * Files whose form does not say where some figures are: `-raw` text drops blank cells
 * (a row of 5 figures under 7 columns, `规章 0 0` under 3), and pdftotext's layout of
 * seed 004's table 4 prints the figures of the last five columns between two headers.
 */
const LOST_COLUMNS = new Set([
  '000_0d2bbb24978e26fe.raw.txt',
  '001_20272e85d49a1cc6.raw.txt',
  '003_5735e3b36cf6f9b6.raw.txt',
  '004_796925a18fab7523.raw.txt',
  '004_796925a18fab7523.layout.txt',
]);

describe.each(files)('%s', (file) => {
  const seed = seeds.get(file.slice(0, 20))!;

  it(LOST_COLUMNS.has(file) ? 'places no figure wrongly; figures whose column is lost are unplaced' : 'imports to exactly the seed figures', async () => {
    const result = await importBytes(new Uint8Array(readFileSync(join(FORMS_DIR, file))), file);
    const { wrong, notRead } = checkCells(result, seed.report);
    expect(wrong).toEqual([]);
    if (LOST_COLUMNS.has(file)) {
      expect(notRead.length).toBeGreaterThan(0);
      expect(notRead.filter((c) => c.status !== 'unplaced').map((c) => c.key)).toEqual([]);
      return;
    }
    expect(notRead.map((c) => `${c.key} ${c.status} ${c.note ?? ''}`)).toEqual([]);
    const figures = toFixtureFigures(computeFigures(result.report), result.feesUnitNote ?? undefined);
    expect(figures.table3).toEqual(seed.fixture.table3);
    expect(figures.table4).toEqual(seed.fixture.table4);
    const { feesUnitNote: _read, ...table2 } = figures.table2;
    const { feesUnitNote: _printed, ...expectedTable2 } = seed.fixture.table2;
    expect(table2).toEqual(expectedTable2);
  });

  it('finds the six sections, the agency and the year', async () => {
    const result = await importBytes(new Uint8Array(readFileSync(join(FORMS_DIR, file))), file);
    expect(result.sections.every((s) => s.heading !== null)).toBe(true);
    expect(result.year).toBe(seed.fixture.year);
    // pandoc leaves out a title printed in Word's title style: then the agency is not in the text.
    expect(result.agency).toBe(result.title === null ? null : seed.fixture.agency);
  });
});
