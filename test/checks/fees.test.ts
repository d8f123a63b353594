import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import type { InfoFee, Report } from '../../shared/model/report.ts';
import { continuedReport, seedAsYear } from '../fixtures/lastYearReports.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

/**
 * 信息处理费 (section 六, 《政府信息公开信息处理费管理办法》) is not table 2's 行政事业性收费
 * (第二十条第（八）项): a report may say "未收取信息处理费" beside 1.5 万元 of 行政事业性收费,
 * as 淮安市's 2024 report does. The fee warning is for a real contradiction only.
 */
const NONE: InfoFee = { noticesIssued: '0', noticeAmountYuan: '0', collectedYuan: '0' };
const COLLECTED: InfoFee = { noticesIssued: '1', noticeAmountYuan: '50', collectedYuan: '50' };

function feeFindings(report: Report, infoFee: InfoFee) {
  const withFees = { ...report, infoFee, values: { ...report.values, 't2.fees': '1.5' } };
  return checkReport(withFees).findings.filter((f) => f.rule === 'P-NO-FEES');
}

describe('the 信息处理费 warning over the seeds and the reports continued from them', () => {
  for (const seed of loadSeeds()) {
    const says = /未收取信息处理费/.test(seed.text);
    for (const [what, report] of [
      ['seed', seed.report],
      ['continued', continuedReport(seedAsYear(seed, 2025))],
    ] as const) {
      it(`${seed.id} ${what}: 行政事业性收费 in table 2 never raises it`, () => {
        expect(feeFindings(report, NONE)).toEqual([]);
      });
      it(`${seed.id} ${what}: raised ${says ? 'at “未收取信息处理费”' : 'never (the text says nothing about it)'} when section 六 reports a fee`, () => {
        const findings = feeFindings(report, COLLECTED);
        expect(findings.map((f) => f.location.section)).toEqual(says ? ['other'] : []);
        if (says) expect(findings[0]!.message).toContain('实际收取的信息处理费50元');
      });
    }
  }
});
