import { expect } from 'vitest';
import { main } from '../../services/cli/main.ts';
import type { Report } from '../../shared/model/report.ts';
import type { Seed, SeedFixture } from '../fixtures/seedReports.ts';

/** Helpers for the seeds written in other forms (HTML, XLSX) by Nianbao's own layout. */

/** Text written by other extractors (mutool, pdfminer's pdf2txt) in test/fixtures/text-forms; see converterForms.test.ts. */
export const CONVERTER_FORM = /\.(lo-)?(mutool|pdfminer[-\w]*)\.txt$/;

/** `nianbao figures FILE`, parsed. */
export async function figuresOf(path: string): Promise<Record<string, unknown>> {
  let out = '';
  let err = '';
  const code = await main(['figures', path], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

/** The seed's report with the fee column worded as the seed prints it (with or without 保留4位小数). */
export function withPrintedFeeWording(seed: Seed): Report {
  const fourDecimals = seed.fixture.table2.feesUnitNote?.includes('4位小数') ?? false;
  const exportOptions = { ...seed.report.agency.exportOptions, feeWording: fourDecimals ? ('fourDecimals' as const) : ('official' as const) };
  return { ...seed.report, agency: { ...seed.report.agency, exportOptions } };
}

/**
 * The fixture as `figures` prints it for a file in Nianbao's layout: that prints the fee
 * unit in full-width punctuation whatever the seed printed (`单位:万元,保留4位小数`).
 */
export function expectedFigures(fixture: SeedFixture, source: string): Record<string, unknown> {
  const { knownProblems: _problems, ...figures } = fixture;
  const note = fixture.table2.feesUnitNote;
  const printed = note === undefined || note === null ? note : note.replace(/:/g, '：').replace(/,/g, '，');
  return { ...figures, source, table2: { ...figures.table2, feesUnitNote: printed } };
}
