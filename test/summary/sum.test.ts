import fc from 'fast-check';
import { expect, test } from 'vitest';
import { cellIndex, currentFormat } from '../../shared/format/index.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { checkSum, compareOwnReport, contributions, sumReports, summedReport } from '../../shared/summary/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';

const FEES = 't2.fees';
const GRANTED = 't3.granted.naturalPerson';

function withValues(values: Record<string, string>): Report {
  return { ...blankReport(blankAgency('单位'), 2024), values };
}

test('a cell is the sum of the known figures; the blank units are named, never counted as 0', () => {
  const sum = sumReports([
    { unitId: 1, unitName: '甲局', report: withValues({ [GRANTED]: '3', [FEES]: '0.1' }) },
    { unitId: 2, unitName: '乙镇', report: withValues({ [FEES]: '0.2' }) },
    { unitId: 3, unitName: '丙街道', report: withValues({ [GRANTED]: '4', [FEES]: '1.2345' }) },
  ], currentFormat);
  const cell = (key: string) => sum.cells.find((c) => c.key === key)!;
  expect(cell(GRANTED)).toMatchObject({ total: 7, complete: false, blankUnits: ['乙镇'] });
  expect(contributions(sum, cell(GRANTED))).toEqual([
    { unitId: 1, unitName: '甲局', value: 3 },
    { unitId: 2, unitName: '乙镇', value: null },
    { unitId: 3, unitName: '丙街道', value: 4 },
  ]);
  // Exact in 0.0001 万元: not 1.5345000000000002.
  expect(cell(FEES)).toMatchObject({ total: 1.5345, complete: true, blankUnits: [] });
  // A cell nobody filled has no sum at all.
  expect(cell('t3.granted.research')).toMatchObject({ total: null, complete: false });
  // The summed report keeps only complete sums; the incomplete cell stays blank.
  const report = summedReport(sum, '湖滨县人民政府办公室', 2024);
  expect(report.values[FEES]).toBe('1.5345');
  expect(report.values[GRANTED]).toBeUndefined();
  expect(report.agency.name).toBe('湖滨县人民政府办公室');
});

test('the 勾稽 rules run on the sum, and 本级报告 = Σ 下级 per cell with the difference', () => {
  const a = consistentReport(2024);
  const b = consistentReport(2024);
  const sum = sumReports([
    { unitId: 1, unitName: '甲', report: a },
    { unitId: 2, unitName: '乙', report: b },
  ], currentFormat);
  expect(checkSum(sum, '县', 2024).counts.error).toBe(0);
  const broken = { ...b, values: { ...b.values, [GRANTED]: String(Number(b.values[GRANTED]) + 5) } };
  const brokenSum = sumReports([
    { unitId: 1, unitName: '甲', report: a },
    { unitId: 2, unitName: '乙', report: broken },
  ], currentFormat);
  expect(checkSum(brokenSum, '县', 2024).findings.map((f) => f.id)).toContain('T3-BAL.naturalPerson');

  const own = summedReport(sum, '县', 2024);
  own.values[GRANTED] = String(Number(own.values[GRANTED]) + 2);
  const comparison = compareOwnReport(own, sum);
  const differing = comparison.filter((c) => c.status === 'different');
  // The typed cell and the totals it feeds differ by 2; everything else is equal.
  expect(differing.find((c) => c.key === GRANTED)).toMatchObject({ difference: 2 });
  expect(differing.every((c) => c.status === 'different' && c.difference === 2)).toBe(true);
  expect(comparison.filter((c) => c.status === 'equal').length).toBe(cellIndex(currentFormat).all.length - differing.length);
});

test('property: each cell is the exact sum of the units that have a figure, and names the others', () => {
  const keys = cellIndex(currentFormat).inputs.filter((c) => c.table !== 'table3').slice(0, 12);
  const unitValues = fc.array(
    fc.tuple(...keys.map((c) => (c.kind === 'money' ? fc.option(fc.integer({ min: 0, max: 99_999_999 }), { nil: null }) : fc.option(fc.nat(100_000), { nil: null })))),
    { minLength: 1, maxLength: 12 },
  );
  fc.assert(
    fc.property(unitValues, (units) => {
      const reports = units.map((row, u) => {
        const values: Record<string, string> = {};
        row.forEach((v, i) => {
          if (v === null) return;
          values[keys[i]!.key] = keys[i]!.kind === 'money' ? (BigInt(v) / 10000n).toString() + '.' + String(v % 10000).padStart(4, '0') : String(v);
        });
        return { unitId: u + 1, unitName: `单位${u + 1}`, report: withValues(values) };
      });
      const sum = sumReports(reports, currentFormat);
      keys.forEach((cell, i) => {
        const known = units.map((row) => row[i]).filter((v): v is number => v !== null && v !== undefined);
        const blank = units.flatMap((row, u) => (row[i] === null ? [`单位${u + 1}`] : []));
        const summed = sum.cells.find((c) => c.key === cell.key)!;
        const exact = known.reduce((a, b) => a + b, 0);
        expect(summed.total).toBe(known.length === 0 ? null : cell.kind === 'money' ? exact / 10_000 : exact);
        expect(summed.blankUnits).toEqual(blank);
      });
    }),
    { numRuns: 200 },
  );
});
