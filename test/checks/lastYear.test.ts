import { describe, expect, it } from 'vitest';
import { checkReport, repetitionBySection } from '../../shared/checks/index.ts';
import type { Finding } from '../../shared/checks/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { continuedReport, seedAsYear } from '../fixtures/lastYearReports.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

const seeds = loadSeeds();

function findingsOf(report: Report, previous?: Report, rule?: string): Finding[] {
  return checkReport(report, previous ? { previous } : {}).findings.filter((f) => !rule || f.rule === rule);
}

/** The words a finding points at, checked against the section's text. */
function wordsOf(report: Report, finding: Finding): string {
  const { section, words } = finding.location;
  expect(words, finding.id).toBeDefined();
  expect(report.sections[section!]!.slice(words!.start, words!.start + words!.text.length)).toBe(words!.text);
  return report.sections[section!]!.slice(Math.max(0, words!.start - 6), words!.start + words!.text.length + 6);
}

describe('a 2026 report started from a 2025 one (each seed)', () => {
  for (const seed of seeds) {
    const lastYear = seedAsYear(seed, 2025);
    const report = continuedReport(lastYear);

    it(`${seed.id}: every carried section is 100 % last year's, a warning`, () => {
      const shares = repetitionBySection(report, lastYear);
      const written = Object.entries(lastYear.sections).filter(([, text]) => text.trim() !== '');
      expect([...shares.keys()].sort()).toEqual(written.map(([key]) => key).sort());
      for (const overlap of shares.values()) expect(overlap.share).toBe(1);
      const repeats = findingsOf(report, lastYear, 'X-REPEAT');
      expect(repeats.map((f) => f.location.section).sort()).toEqual([...shares.keys()].sort());
      for (const f of repeats) {
        expect(f.severity).toBe('warning');
        expect(f.message).toContain('与2025年度报告重复100%');
      }
    });

    it(`${seed.id}: stale-year warnings at the words, none for phrases that name last year on purpose`, () => {
      const stale = findingsOf(report, lastYear, 'X-STALE-YEAR');
      expect(stale.map((f) => `${f.location.section}: ${wordsOf(report, f)}`)).toMatchSnapshot();
      for (const f of stale) expect(f.location.words!.text).toBe('2025年');
    });

    it(`${seed.id}: nothing carried is left after the clerk rewrites`, () => {
      // The clerk updates the year where it is stale and rewrites each section in new words.
      const rewritten: Report = {
        ...report,
        sections: Object.fromEntries(
          Object.keys(report.sections).map((key) => [key, `2026年，本单位围绕${key === 'problems' ? '存在的不足逐项整改' : '年度重点任务推进公开'}，情况见下表。与2025年相比有所改进。`]),
        ),
      };
      const left = findingsOf(rewritten, lastYear).filter((f) => ['X-REPEAT', 'X-STALE-YEAR', 'X-STALE-FIGURE', 'X-STALE-AGENCY'].includes(f.rule));
      expect(left).toEqual([]);
    });
  }

  it('a share between 30 % and 50 % is a hint, above 50 % a warning', () => {
    const lastYear = { ...consistentReport(2025), sections: { ...consistentReport(2025).sections, problems: '一是公开内容不够全面，部分栏目更新不及时；二是政策解读形式单一，图解视频较少。' } };
    const repeats = (report: Report) => findingsOf(report, lastYear, 'X-REPEAT').filter((f) => f.location.section === 'problems');
    const half = (share: number) => {
      const old = lastYear.sections.problems;
      const kept = old.slice(0, Math.round(old.length * share));
      return { ...continuedReport(lastYear), sections: { ...lastYear.sections, problems: `${kept}${'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'.slice(0, old.length - kept.length)}` } };
    };
    expect(repeats(half(0.4)).map((f) => f.severity)).toEqual(['hint']);
    expect(repeats(half(0.7)).map((f) => f.severity)).toEqual(['warning']);
    expect(repeats(half(0.2))).toEqual([]);
  });

  it('figures count as repeated wording even when updated', () => {
    const overlap = repetitionBySection(
      { ...consistentReport(2026), sections: { other: '本年度共办理人大代表建议12件、政协提案8件，办理结果均已公开。' } },
      { ...consistentReport(2025), sections: { other: '本年度共办理人大代表建议10件、政协提案7件，办理结果均已公开。' } },
    ).get('other')!;
    expect(overlap.share).toBe(1);
  });
});

describe('stale years', () => {
  const report = consistentReport(2026);
  const stale = (text: string) => findingsOf({ ...report, sections: { ...report.sections, overview: text } }, undefined, 'X-STALE-YEAR').map((f) => f.location.words!.text);

  it('flags last year and older where this year is expected', () => {
    expect(stale('2025年，我局认真贯彻《条例》。2024年以来持续推进。')).toEqual(['2025年', '2024年']);
    expect(stale('本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。')).toEqual(['2025年', '2025年']);
  });

  it('leaves phrases that name a past year on purpose', () => {
    for (const text of [
      '与2025年相比，申请数量有所增加。',
      '较2025年增加12件。',
      '2025年度结转的3件申请均已办结。',
      '对照2025年度报告所列问题逐项整改。',
      '落实《2025年政务公开工作要点》。',
      '公开“2025年部门决算”2条。',
      '《条例》自2008年5月1日起施行，2019年修订。',
      '“十四五”（2021—2025年）规划。',
      '十四五时期（2021年至2025年）。',
      '2026年，我局共收到申请。',
    ]) {
      expect(stale(text), text).toEqual([]);
    }
  });
});

describe('stale agency name and figures', () => {
  it('X-STALE-AGENCY at last year\'s name after a rename, not inside the new name', () => {
    const lastYear = { ...consistentReport(2025), agency: { ...consistentReport(2025).agency, name: '湖滨区政府办' } };
    const renamed = { ...continuedReport(lastYear), agency: { ...lastYear.agency, name: '湖滨区人民政府办公室' } };
    const text = '本年度湖滨区政府办认真落实。湖滨区人民政府办公室负责本报告。';
    const findings = findingsOf({ ...renamed, sections: { ...renamed.sections, overview: text } }, lastYear, 'X-STALE-AGENCY');
    expect(findings.map((f) => [f.location.words!.start, f.location.words!.text])).toEqual([[3, '湖滨区政府办']]);
    const prefixed = { ...renamed, agency: { ...lastYear.agency, name: '杭州市湖滨区政府办' } };
    expect(findingsOf({ ...prefixed, sections: { ...prefixed.sections, overview: '杭州市湖滨区政府办负责本报告。' } }, lastYear, 'X-STALE-AGENCY')).toEqual([]);
  });
});
