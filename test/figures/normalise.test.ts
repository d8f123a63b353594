import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import { cellIndex, currentFormat } from '../../shared/format/index.ts';
import { normaliseFigure } from '../../shared/figures/normalise.ts';
import type { FigureKind } from '../../shared/figures/normalise.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import { reportSchema } from '../../shared/model/schemas.ts';
import type { Report } from '../../shared/model/report.ts';

const accept = (input: string, kind: FigureKind = 'count') => {
  const result = normaliseFigure(input, kind);
  if (!result.ok) throw new Error(`rejected ${input}: ${result.message}`);
  return result.value;
};
const rejection = (input: string, kind: FigureKind = 'count') => {
  const result = normaliseFigure(input, kind);
  if (result.ok) throw new Error(`accepted ${input} as ${result.value}`);
  return result;
};

describe('normaliseFigure', () => {
  it('accepts counts as people type them', () => {
    expect(accept('12')).toBe('12');
    expect(accept('１２')).toBe('12');
    expect(accept(' 12 ')).toBe('12');
    expect(accept('１２\u3000')).toBe('12');
    expect(accept('1,234')).toBe('1234');
    expect(accept('1，234，567')).toBe('1234567');
    expect(accept('12件')).toBe('12');
    expect(accept('３ 条')).toBe('3');
    expect(accept('007')).toBe('7');
    expect(accept('0')).toBe('0');
    expect(accept('+5')).toBe('5');
  });

  it('treats empty input as blank, never as 0', () => {
    expect(accept('')).toBeNull();
    expect(accept('  \u3000 ')).toBeNull();
  });

  it('keeps money decimals exactly as typed, in 万元', () => {
    expect(accept('1.2345', 'money')).toBe('1.2345');
    expect(accept('1.50', 'money')).toBe('1.50');
    expect(accept('１．５万元', 'money')).toBe('1.5');
    expect(accept('.5', 'money')).toBe('0.5');
    expect(accept('1,000.25', 'money')).toBe('1000.25');
    expect(accept('35.50元', 'yuan')).toBe('35.50');
  });

  it('accepts 万 alone as the unit of a 万元 amount, as 万元 is', () => {
    expect(accept('1.5万', 'money')).toBe('1.5');
    expect(accept('0.5万元', 'money')).toBe('0.5');
    expect(accept('１２ 万', 'money')).toBe('12');
    expect(rejection('12万', 'count').message).toContain('单位“万”不适用于此格');
  });

  it('says a dash is not a figure, not that it is negative', () => {
    for (const dash of ['—', '-', '－', '——', '–']) {
      const result = rejection(dash);
      expect(result.message).toContain('横线不是数字，没有的请填0');
      expect(result.message).not.toContain('负数');
    }
  });

  it('rejects what is not a count, saying what was typed and what is expected', () => {
    const cases: [string, FigureKind, string][] = [
      ['-1', 'count', '不能为负数'],
      ['－３', 'count', '不能为负数'],
      ['1.5', 'count', '件数不能有小数'],
      ['abc', 'count', '含有数字以外的字符'],
      ['三', 'count', '含有数字以外的字符'],
      ['无', 'count', '含有数字以外的字符'],
      ['12万元', 'count', '单位“万元”不适用于此格'],
      ['1,23', 'count', '千位分隔符的位置不对'],
      ['件', 'count', '只有单位，没有数字'],
      ['1.23456', 'money', '小数超过4位'],
      ['12件', 'money', '单位“件”不适用于此格'],
      ['1.234', 'yuan', '小数超过2位'],
      ['99999999999999999', 'count', '数字过大'],
    ];
    for (const [input, kind, reason] of cases) {
      const result = rejection(input, kind);
      expect(result.typed).toBe(input.trim());
      expect(result.message).toContain(`“${input.trim()}”`);
      expect(result.message).toContain(reason);
      expect(result.message).toMatch(/请填写/);
    }
  });
});

describe('properties', () => {
  const kinds = fc.constantFrom<FigureKind>('count', 'money', 'yuan');

  it('the normaliser never throws; every rejection has a message quoting the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), kinds, (input, kind) => {
        const result = normaliseFigure(input, kind);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(10);
          expect(result.message).toContain(input.trim());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('accepted figures are canonical and stable', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '０', '５', ' ', ','), maxLength: 12 });
    fc.assert(
      fc.property(digits, kinds, (input, kind) => {
        const result = normaliseFigure(input, kind);
        if (result.ok && result.value !== null) {
          expect(result.value).toMatch(/^(0|[1-9]\d*)(\.\d+)?$/);
          expect(normaliseFigure(result.value, kind)).toEqual(result);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const keys = cellIndex(currentFormat).all.map((c) => c.key);
  const inputKeys = cellIndex(currentFormat).inputs.map((c) => c.key);
  const totalKeys = cellIndex(currentFormat).totals.map((c) => c.key);
  const value = fc.oneof(fc.string({ maxLength: 8 }), fc.nat({ max: 50 }).map(String), fc.constantFrom('１２', '-1', '1.5', ''));
  const randomReport: fc.Arbitrary<Report> = fc
    .record({
      values: fc.dictionary(fc.constantFrom(...inputKeys), value),
      statedTotals: fc.dictionary(fc.constantFrom(...totalKeys), fc.option(value)),
      sections: fc.dictionary(fc.constantFrom(...currentFormat.sections.map((s) => s.key)), fc.string({ unit: 'grapheme', maxLength: 80 })),
      fee: fc.option(value),
      name: fc.string({ maxLength: 10 }),
    })
    .map(({ values, statedTotals, sections, fee, name }) => ({
      ...blankReport(blankAgency(name), 2024),
      values,
      statedTotals,
      sections,
      infoFee: { noticesIssued: fee, noticeAmountYuan: fee, collectedYuan: null },
    }));

  it('the checks never throw on random reports, and every finding is readable and located', () => {
    fc.assert(
      fc.property(randomReport, fc.option(randomReport), (report, previous) => {
        expect(reportSchema.safeParse(report).success).toBe(true);
        const { findings } = checkReport(report, previous ? { previous: { ...previous, year: 2023 } } : {});
        for (const finding of findings) {
          expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
          expect(['error', 'warning', 'hint']).toContain(finding.severity);
          for (const cell of finding.location.cells) {
            expect(keys.includes(cell) || cell.startsWith('infoFee.')).toBe(true);
          }
        }
        expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
      }),
      { numRuns: 400 },
    );
  });
});
