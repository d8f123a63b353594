import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import { reportStatus } from '../../shared/ipc/reportStatus.ts';
import { currentFormat } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';

function kindsOf(report: Report): Record<string, string> {
  return Object.fromEntries(checkReport(report).findings.map((f) => [f.rule, f.kind]));
}

describe('the kind of a finding, decided once by the checks', () => {
  it('is unfinished for blanks and template text, a mistake for wrong figures, advice for the rest', () => {
    const full = consistentReport();
    const values = { ...full.values, 't3.granted.naturalPerson': '十二个' } as Record<string, string>;
    delete values['t2.licensing'];
    const starter = currentFormat.sections[0]!.starters[0]!;
    const kinds = kindsOf({ ...full, values, sections: { ...full.sections, overview: starter } });
    expect(kinds).toMatchObject({ 'V-BLANK': 'unfinished', 'V-COUNT': 'mistake', 'S-STARTER': 'unfinished', 'S-PLACEHOLDER': 'unfinished' });
    expect(kindsOf({ ...full, sections: { ...full.sections, problems: '本年度未收到政府信息公开申请。' } })).toMatchObject({ 'P-NO-APPLICATIONS': 'advice' });
  });

  it('gives the status in lists: template text left in a section keeps a report a draft', () => {
    const full = consistentReport();
    expect(reportStatus(checkReport(full))).toBe('ready');
    const starter = currentFormat.sections[0]!.starters[0]!;
    expect(reportStatus(checkReport({ ...full, sections: { ...full.sections, overview: starter } }))).toBe('draft');
  });

  it('puts the words a placeholder finding is about in its location, not only in its message', () => {
    const full = consistentReport();
    const finding = checkReport({ ...full, sections: { ...full.sections, problems: '  一是【】；二是【】。' } }).findings.find((f) => f.id === 'S-PLACEHOLDER.problems')!;
    expect(finding.location.words).toEqual({ start: 4, text: '【】' });
  });
});
