import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeReport } from '../../shared/model/serialize.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { nianbao } from '../support/cli.ts';

describe('nianbao CLI', () => {
  it('prints help listing the commands', () => {
    const { code, out } = nianbao(['help']);
    expect(code).toBe(0);
    expect(out).toContain('validate FILE.json');
    expect(out).toContain('new --agency');
  });

  it('new writes a blank report that validate then checks (errors → exit 1)', () => {
    const made = nianbao(['new', '--agency', '湖滨区政府办', '--year', '2025', '-o', 'r.json']);
    expect(made.code).toBe(0);
    const file = JSON.parse(readFileSync(join(made.cwd, 'r.json'), 'utf8'));
    expect(file.report.agency.name).toBe('湖滨区政府办');
    expect(file.report.year).toBe(2025);
    const checked = nianbao(['validate', 'r.json'], made.cwd);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('[错误] V-BLANK.table3.newReceived');
    expect(checked.out).toMatch(/错误 \d+ 个，警告 \d+ 个/);
    expect(nianbao(['new', '--agency', '湖滨区政府办', '--year', '2025', '-o', 'r.json'], made.cwd).err).toContain('已存在');
  });

  it('validate passes a consistent report (exit 0) and reports a broken one with numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    const report = consistentReport();
    writeFileSync(join(dir, 'good.json'), serializeReport(report));
    const good = nianbao(['validate', 'good.json'], dir);
    expect(good.code).toBe(0);
    expect(good.out).toContain('错误 0 个，警告 0 个，提示 0 个');
    const broken = { ...report, values: { ...report.values, 't3.newReceived.research': '99' } };
    writeFileSync(join(dir, 'bad.json'), serializeReport(broken));
    const bad = nianbao(['validate', 'bad.json', '--json'], dir);
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.out);
    expect(json.findings.map((f: { id: string }) => f.id)).toContain('T3-BAL.research');
  });

  it('validate --previous runs the cross-year rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    writeFileSync(join(dir, 'this.json'), serializeReport(consistentReport(2024)));
    writeFileSync(join(dir, 'last.json'), serializeReport(consistentReport(2023)));
    const { out } = nianbao(['validate', 'this.json', '--previous', 'last.json'], dir);
    expect(out).toContain('X-CARRY');
  });

  it('gives clear messages, not stack traces, for wrong arguments and unreadable files', () => {
    const cases: [string[], string][] = [
      [['validate'], '请给出一个报告文件'],
      [['validate', 'missing.json'], '文件不存在'],
      [['validate', '.'], '这是一个文件夹'],
      [['new', '--year', '2025'], '缺少 --agency'],
      [['new', '--agency', 'X', '--year', '25'], '年度“25”不对'],
      [['new', '--agency'], '需要一个值'],
      [['validate', 'x.json', '--bogus'], '不认识的选项 --bogus'],
      [['frobnicate'], '不认识的命令'],
    ];
    for (const [args, message] of cases) {
      const { code, err } = nianbao(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain(message);
      expect(err).not.toMatch(/at .*\.ts:\d+/);
    }
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    writeFileSync(join(dir, 'junk.json'), '{"kind":"something"}');
    const junk = nianbao(['validate', 'junk.json'], dir);
    expect(junk.code).toBe(2);
    expect(junk.err).toContain('不是年报软件的报告文件');
  });
});
