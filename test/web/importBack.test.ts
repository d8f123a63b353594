import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { toFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { renderWebHtml } from '../../shared/web/renderWebHtml.ts';
import { numberedReport } from '../docx/reports.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { importBytes, printable } from '../import/support.ts';

/** The web page Nianbao exports, read by Nianbao's own importer: the same report, the same figures. */

const pageOf = (report: Parameters<typeof buildDocument>[0]) => new TextEncoder().encode(renderWebHtml(buildDocument(report)));

describe('the web page exported by Nianbao imports back', () => {
  it.each(loadSeeds().map((s) => [s.id, s] as const))('seed %s: the identical report and the fixture figures', async (id, seed) => {
    const result = await importBytes(pageOf(seed.report), `${id}.html`);
    expect(result.sourceFormat).toBe('html');
    expect(result.report).toEqual(printable(seed.report));
    const { table2: { feesUnitNote: _note, ...table2 }, table3, table4 } = toFixtureFigures(computeFigures(result.report));
    const { feesUnitNote: _seedNote, ...seedTable2 } = seed.fixture.table2;
    expect({ table2, table3: table3.rows, table4 }).toEqual({ table2: seedTable2, table3: seed.fixture.table3.rows, table4: seed.fixture.table4 });
  });

  it('a report whose every cell holds a different figure', async () => {
    const report = numberedReport();
    const result = await importBytes(pageOf(report), 'numbered.html');
    const expected = computeFigures(report);
    const figures = computeFigures(result.report);
    for (const [key, figure] of expected.cells) expect(figures.get(key).text, key).toBe(figure.text);
  });
});
