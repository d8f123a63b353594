import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import type { LocalRequirements } from '../../shared/model/localRequirements.ts';
import { noLocalRequirements } from '../../shared/model/localRequirements.ts';
import { parseRequirements, serializeRequirements } from '../../shared/model/requirementsFile.ts';
import { daysLeft, publishingDeadline } from '../../shared/model/deadline.ts';
import type { Report } from '../../shared/model/report.ts';
import { reportSchema } from '../../shared/model/schemas.ts';
import { reportFromPreviousYear } from '../../services/store/nextYear.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';

const REQUIRED: LocalRequirements = {
  issuer: '区政务公开办',
  overviewMaxChars: 1000,
  overviewSubheadings: ['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'],
  problemsItemised: true,
};

function withRequirements(report: Report, requirements = REQUIRED): Report {
  return { ...report, agency: { ...report.agency, localRequirements: requirements } };
}

function local(report: Report) {
  return checkReport(report).findings.filter((f) => f.rule.startsWith('L-'));
}

describe('local requirements', () => {
  it('none set, none checked', () => {
    expect(local(consistentReport())).toEqual([]);
  });

  it('warn about length, missing sub-headings and problems not itemised, naming who set them', () => {
    const report = withRequirements({ ...consistentReport(), sections: { ...consistentReport().sections, overview: `（一）主动公开情况\n${'公开'.repeat(600)}`, problems: '公开内容不够全面，下一步加强。' } });
    const findings = local(report);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['L-OVERVIEW-LENGTH', 'warning'],
      ['L-OVERVIEW-HEADINGS', 'warning'],
      ['L-PROBLEMS-ITEMISED', 'warning'],
    ]);
    expect(findings[0]!.message).toContain('区政务公开办要求「一、总体情况」不超过1000字，现有1209字');
    expect(findings[1]!.message).toContain('还缺少“依申请公开”“政府信息管理”“平台建设”“监督保障”');
  });

  it('a report that meets them has no finding', () => {
    const overview = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障'].join('\n情况良好。\n');
    const report = withRequirements({ ...consistentReport(), sections: { ...consistentReport().sections, overview } });
    expect(local(report)).toEqual([]);
  });

  it('are carried to next year\'s report with the agency', () => {
    const report = withRequirements(consistentReport(2025));
    expect(reportFromPreviousYear(report, report.agency, 2026).agency.localRequirements).toEqual(REQUIRED);
  });

  it('travel as one validated file; a wrong one is refused with the reason', () => {
    expect(parseRequirements(serializeRequirements(REQUIRED))).toEqual({ ok: true, value: REQUIRED });
    expect(parseRequirements('{}')).toMatchObject({ ok: false, error: expect.stringContaining('不是年报软件的本地要求文件') });
    const tooShort = serializeRequirements({ ...REQUIRED, overviewMaxChars: 10 });
    expect(parseRequirements(tooShort)).toMatchObject({ ok: false, error: expect.stringContaining('总体情况字数上限：字数上限至少为100') });
  });

  it('an agency saved before they existed reads with none', () => {
    const report = consistentReport();
    const { localRequirements: _l, kind: _k, ...older } = report.agency;
    const parsed = reportSchema.parse({ ...report, agency: older });
    expect(parsed.agency.localRequirements).toEqual(noLocalRequirements);
    expect(parsed.agency.kind).toBeNull();
  });
});

describe('publishing deadline (条例第四十九条)', () => {
  it('departments by 31 January, local governments by 31 March of the next year; days left by calendar day', () => {
    expect(publishingDeadline('department', 2026)).toEqual({ date: '2027-01-31', text: '2027年1月31日' });
    expect(publishingDeadline('government', 2026).text).toBe('2027年3月31日');
    expect(daysLeft(publishingDeadline('department', 2026), new Date(2026, 11, 5, 23, 59))).toBe(57);
    expect(daysLeft(publishingDeadline('department', 2025), new Date(2026, 11, 5))).toBeLessThan(0);
  });
});
