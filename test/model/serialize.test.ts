import { describe, expect, it } from 'vitest';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import { parseReport, REPORT_SCHEMA_VERSION, serializeReport } from '../../shared/model/serialize.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';

describe('versioned report JSON', () => {
  it('round-trips a report exactly', () => {
    const report = { ...consistentReport(), values: { ...consistentReport().values, 't2.licensing': '１２x' } };
    const parsed = parseReport(serializeReport(report));
    expect(parsed).toEqual({ ok: true, value: report });
  });

  it('writes its kind and schema version', () => {
    const json = JSON.parse(serializeReport(blankReport(blankAgency('某局'), 2025)));
    expect(json.kind).toBe('nianbao-report');
    expect(json.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(json.report.formatId).toBe('2021');
  });

  const refuse = (text: string) => {
    const result = parseReport(text);
    if (result.ok) throw new Error('accepted');
    return result.error;
  };

  it('refuses what is not a report with a readable reason', () => {
    expect(refuse('not json')).toContain('不是有效的JSON');
    expect(refuse('{"hello": 1}')).toContain('不是年报软件的报告文件');
    expect(refuse('{"kind":"nianbao-report"}')).toContain('缺少数据版本');
    expect(refuse(JSON.stringify({ kind: 'nianbao-report', schemaVersion: 99, report: {} }))).toContain('较新版本');
  });

  it('refuses bad content, saying where', () => {
    const good = JSON.parse(serializeReport(consistentReport()));
    const withBad = (mutate: (r: Record<string, unknown>) => void) => {
      const copy = structuredClone(good);
      mutate(copy.report);
      return refuse(JSON.stringify(copy));
    };
    expect(withBad((r) => (r.year = 1999))).toContain('年度');
    expect(withBad((r) => ((r.values as Record<string, string>)['t9.nothing'] = '1'))).toContain('未知的表格单元格');
    expect(withBad((r) => ((r.values as Record<string, string>)['t3.granted.total'] = '1'))).toContain('合计由软件计算');
    expect(withBad((r) => (r.formatId = '1999'))).toContain('未知的报告格式');
    expect(withBad((r) => ((r.agency as Record<string, unknown>).level = 'galaxy'))).toContain('机关 › 层级');
    expect(withBad((r) => (r.extra = true))).toMatch(/extra|未知|Unrecognized/i);
  });
});
