import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { crossCellKey, currentFormat } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { changeWords } from '../../shared/sentences/change.ts';
import { figureSentence, SENTENCE_KINDS } from '../../shared/sentences/figureSentences.ts';
import { filledStarters } from '../../shared/sentences/starters.ts';
import type { SentenceKind } from '../../shared/sentences/figureSentences.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { continuedReport, seedAsYear } from '../fixtures/lastYearReports.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

const KINDS = Object.keys(SENTENCE_KINDS) as SentenceKind[];
const granted = crossCellKey(currentFormat.tables.table3, 'granted', 'naturalPerson');

function sentences(report: Report, previous?: Report): Partial<Record<SentenceKind, string>> {
  const year = (r: Report) => ({ figures: computeFigures(r), infoFee: r.infoFee });
  const written = KINDS.map((kind) => [kind, figureSentence(kind, currentFormat, year(report), previous ? year(previous) : undefined)] as const);
  return Object.fromEntries(written.filter(([, text]) => text !== undefined));
}

/** The report with its prose replaced by the generated sentences (六's in 六, the others in 一). */
function withSentences(report: Report, previous?: Report): Report {
  const { infoFee, ...others } = sentences(report, previous);
  return { ...report, sections: { overview: Object.values(others).join('\n'), ...(infoFee ? { other: infoFee } : {}) } };
}

function proseFindings(report: Report, previous?: Report) {
  return checkReport(report, previous ? { previous } : {}).findings.filter((f) => /^(P-|X-STALE)/.test(f.rule));
}

const cases = loadSeeds().flatMap((seed) => {
  const lastYear = { ...seedAsYear(seed, 2025), infoFee: { noticesIssued: '0', noticeAmountYuan: '0', collectedYuan: '0' } };
  const thisYear = { ...continuedReport(lastYear), infoFee: { noticesIssued: '2', noticeAmountYuan: '120.5', collectedYuan: '80' } };
  return [
    { name: `${seed.id} (2025)`, report: lastYear, previous: undefined },
    { name: `${seed.id} continued (2026)`, report: thisYear, previous: lastYear },
  ];
});

describe('sentences from the figures', () => {
  for (const { name, report, previous } of cases) {
    it(`${name}: the sentences (snapshot), read back by the prose rules without a finding`, () => {
      expect(sentences(report, previous)).toMatchSnapshot();
      expect(proseFindings(withSentences(report, previous), previous)).toEqual([]);
    });

    it(`${name}: a figure changed after insertion is flagged at its words`, () => {
      const written = withSentences(report, previous);
      if (!written.sections.overview!.includes('予以公开')) {
        // Table 3 has blank cells in this seed: no sentence was written, nothing guessed.
        expect(sentences(report, previous).results).toBeUndefined();
        return;
      }
      // Totals stated by the imported seed would hide the change; a report written in the app has none.
      const changed = { ...written, statedTotals: {}, values: { ...written.values, [granted]: String(Number(written.values[granted]) + 5) } };
      const [finding, ...more] = proseFindings(changed, previous);
      expect(more).toEqual([]);
      expect(finding!.rule).toBe('P-FIGURE');
      expect(finding!.location.words!.text).toMatch(/^予以公开\d+件$/);
      expect(finding!.message).toContain('表三（一）予以公开');
    });
  }

  it('last year\'s figure left in carried text is X-STALE-FIGURE', () => {
    const lastYear = withSentences(consistentReport(2025));
    const carried = continuedReport(lastYear);
    const findings = proseFindings(carried, lastYear);
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['X-STALE-FIGURE']));
    expect(findings.find((f) => f.location.words!.text.startsWith('予以公开'))?.message).toContain('这是2025年的数字');
  });

  it('the change since last year in the words reports use', () => {
    expect(changeWords(58, 46, '件')).toBe('较上年增加12件，增长26.1%');
    expect(changeWords(3, 5, '件')).toBe('较上年减少2件，下降40.0%');
    expect(changeWords(4, 4, '件')).toBe('与上年持平');
    expect(changeWords(4, 0, '件')).toBe('较上年增加4件');
  });

  it('starts with the official example\'s wording', () => {
    const text = sentences(consistentReport()).requests!;
    expect(text).toMatch(/^本年度共收到政府信息公开申请75件，其中自然人申请\d+件，法人或其他组织申请\d+件；上年结转\d+件。$/);
    expect(sentences(consistentReport()).results).toMatch(/^办理结果：予以公开\d+件，部分公开\d+件，不予公开\d+件，无法提供\d+件，不予处理\d+件，其他处理\d+件；结转下年度继续办理\d+件。$/);
  });
});

describe('starter paragraphs', () => {
  it('fill in every figure the app knows and keep 【】 where it cannot know', () => {
    const report = consistentReport();
    const overview = currentFormat.sections.find((s) => s.key === 'overview')!;
    const filled = filledStarters(overview.starters, currentFormat, computeFigures(report), report.infoFee);
    expect(filled[1]).toContain('共收到政府信息公开申请75件');
    expect(filled[1]).not.toContain('【】');
    expect(filled[0]).toContain('主动公开政府信息【】条');
  });

  it('a filled starter left as inserted is still template text (S-STARTER)', () => {
    const report = consistentReport();
    const overview = currentFormat.sections.find((s) => s.key === 'overview')!;
    const [, requests] = filledStarters(overview.starters, currentFormat, computeFigures(report), report.infoFee);
    const findings = checkReport({ ...report, sections: { ...report.sections, overview: requests! } }).findings;
    expect(findings.map((f) => f.id)).toContain('S-STARTER.overview');
  });
});
