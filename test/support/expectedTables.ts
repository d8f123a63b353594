import { computeFigures } from '../../shared/figures/figures.ts';
import { tableLayouts } from '../../shared/format/index.ts';
import type { Format2021TableId as TableId } from '../../shared/format/index.ts';
import { applyFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { reportFormat } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { numberedReport, seedReports } from '../docx/reports.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

/**
 * What an exported table must hold, from the format's grids and figures known apart
 * from the exporter: the seeds' hand-read fixtures, and a report whose every cell holds
 * a different figure (so a figure in the wrong cell shows).
 */

export interface ExpectedCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** A label's official text. */
  readonly label?: string;
  /** A figure cell's key and its figure (null: blank). */
  readonly key?: string;
  readonly figure?: number | null;
}

export interface ExpectedTable {
  readonly id: TableId;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly cells: readonly ExpectedCell[];
}

export interface ExportCase {
  readonly name: string;
  readonly report: Report;
  readonly tables: readonly ExpectedTable[];
}

function expectedTables(report: Report, figure: (key: string) => number | null): ExpectedTable[] {
  const format = reportFormat(report);
  const layouts = tableLayouts(format, { feeWording: report.agency.exportOptions.feeWording });
  return (['table2', 'table3', 'table4'] as const).map((id) => {
    const { rowCount, columnCount, cells } = layouts[id]!;
    return {
      id,
      title: format.tables[id]!.title,
      rowCount,
      columnCount,
      cells: cells.map(({ row, col, rowSpan, colSpan, content }) =>
        content.type === 'label'
          ? { row, col, rowSpan, colSpan, label: content.text }
          : { row, col, rowSpan, colSpan, key: content.key, figure: figure(content.key) },
      ),
    };
  });
}

/** The five seed reports (figures as hand-read) and the numbered report. */
export function exportCases(): ExportCase[] {
  const fixtures = new Map(loadSeeds().map((seed) => [seed.id, seed.fixture]));
  const seeds = seedReports().map(({ id, report }) => {
    const { values, statedTotals } = applyFixtureFigures(report, fixtures.get(id)!);
    const figure = (key: string) => {
      const text = values[key] ?? statedTotals[key] ?? null;
      return text === null ? null : Number(text);
    };
    return { name: `seed-${id}`, report, tables: expectedTables(report, figure) };
  });
  const numbered = numberedReport();
  const figures = computeFigures(numbered);
  return [...seeds, { name: 'numbered', report: numbered, tables: expectedTables(numbered, (key) => figures.value(key)) }];
}
