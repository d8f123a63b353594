import { cellIndex, currentFormat } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { plainLine } from '../../services/import/text/sections.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

/** Reports for export tests. */

function withInputs(figure: (i: number, kind: 'count' | 'money') => string): Report {
  const values = Object.fromEntries(cellIndex(currentFormat).inputs.map((cell, i) => [cell.key, figure(i, cell.kind)]));
  return { ...consistentReport(), values };
}

/** Every typed cell holds a different figure, so a value in the wrong cell shows. */
export function numberedReport(): Report {
  return withInputs((i, kind) => (kind === 'money' ? '12.3456' : String(101 + i)));
}

/** Every typed cell holds 0. */
export function zeroReport(): Report {
  return withInputs(() => '0');
}

/**
 * The five seed reports as an importer would leave them: Markdown marks of the seed
 * texts removed, the fee header in the wording the seed printed.
 */
export function seedReports(): { id: string; report: Report }[] {
  return loadSeeds().map(({ id, fixture, report }) => {
    const sections = Object.fromEntries(
      Object.entries(report.sections).map(([key, text]) => [key, text.split('\n').map(plainLine).join('\n')]),
    );
    const fourDecimals = fixture.table2.feesUnitNote?.includes('保留4位小数') ?? false;
    const exportOptions = { ...report.agency.exportOptions, feeWording: fourDecimals ? 'fourDecimals' : 'official' } as const;
    return { id, report: { ...report, sections, agency: { ...report.agency, exportOptions } } };
  });
}

/**
 * The widest figures a report may print: every typed count 1234567 (the totals run to
 * nine digits), every amount 96171.6000 (the fee header with four decimals).
 */
export function sevenDigitReport(): Report {
  const report = withInputs((_, kind) => (kind === 'money' ? '96171.6' : '1234567'));
  return { ...report, agency: { ...report.agency, exportOptions: { ...report.agency.exportOptions, feeWording: 'fourDecimals' } } };
}

/**
 * The numbered report with 0, 1, … `count - 1` one-line paragraphs opening section 一:
 * every later heading, lead and table title row moves down a line at a time, so over a
 * page's 22 lines each comes to the foot of a page once.
 */
export function reportsShiftedLineByLine(count = 22): Report[] {
  const report = numberedReport();
  return Array.from({ length: count }, (_, lines) => {
    const added = Array.from({ length: lines }, (_, i) => `本年度第${i + 1}项工作按计划完成。`);
    return { ...report, sections: { ...report.sections, overview: [...added, report.sections.overview].join('\n') } };
  });
}
