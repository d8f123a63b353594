import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiledSchema } from '../../services/compiledSchema.ts';
import { saveReportInput } from '../../services/store/inputs.ts';
import { ipcContract } from '../../shared/ipc/contract.ts';
import { cellIndex } from '../../shared/format/index.ts';
import { reportFormat } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { validate } from '../../shared/model/validation.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

/** Valid and invalid autosaves: each kind of mistake the report schema names. */
function autosaves(report: Report): unknown[] {
  const cells = cellIndex(reportFormat(report));
  const input = cells.inputs[0]!.key;
  const total = cells.totals[0]!.key;
  const edit = (change: Record<string, unknown>) => ({ reportId: 1, report: { ...report, ...change } });
  return [
    { reportId: 1, report },
    edit({ values: { ...report.values, [input]: '12' } }),
    edit({ values: { ...report.values, [input]: 12 } }),
    edit({ values: { ...report.values, [input]: '9'.repeat(65) } }),
    edit({ values: { ...report.values, 不存在的单元格: '1' } }),
    edit({ values: { ...report.values, [total]: '3' } }),
    edit({ values: [] }),
    edit({ statedTotals: { [input]: '1', [total]: null } }),
    edit({ sections: { ...report.sections, 不存在的章节: '' } }),
    edit({ formatId: '未知格式' }),
    edit({ year: 1999 }),
    edit({ year: 2024.5 }),
    edit({ agency: { ...report.agency, name: '机'.repeat(101), extra: 1 } }),
    edit({ infoFee: { ...report.infoFee, collectedYuan: 5 } }),
    edit({ unknownField: true }),
    { reportId: 0, report },
    { reportId: 1 },
    null,
  ];
}

describe('compiled boundary schemas', () => {
  const seeds = loadSeeds().map((seed) => seed.report);

  it('compile the report (z.compile would otherwise fall back to the schema silently)', () => {
    expect(() => z.compile(saveReportInput, { strict: true })).not.toThrow();
    expect(compiledSchema(saveReportInput)).not.toBe(saveReportInput);
    expect(compiledSchema(saveReportInput)).toBe(compiledSchema(saveReportInput));
  });

  it('give what the store input schema gives: the same values, the same Chinese messages', () => {
    for (const report of seeds) {
      const inputs = autosaves(report);
      const results = inputs.map((input) => validate(compiledSchema(saveReportInput), input, '输入有误：'));
      expect(results).toEqual(inputs.map((input) => validate(saveReportInput, input, '输入有误：')));
      // The first two are valid; every other one is refused with its own message.
      expect(results.map((result) => result.ok)).toEqual(inputs.map((_, i) => i < 2));
    }
  });

  it('give what the IPC save channel gives', () => {
    const args = ipcContract['nianbao:reports:save'].args;
    for (const { reportId, ...rest } of seeds.flatMap(autosaves).filter((input) => input !== null) as Record<string, unknown>[]) {
      const input = { id: reportId, ...rest };
      expect(validate(compiledSchema(args), input)).toEqual(validate(args, input));
    }
  });
});
