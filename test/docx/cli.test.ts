import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeReport } from '../../shared/model/serialize.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { commands } from '../../services/cli/commands/index.ts';
import { nianbao } from '../support/cli.ts';
import { readTables, unzipDocx } from './ooxml.ts';

function reportDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
  writeFileSync(join(dir, 'report.json'), serializeReport(consistentReport()));
  return dir;
}

// Each case starts the real bin; on a busy machine that takes seconds.
describe('nianbao export-docx', { timeout: 120_000 }, () => {
  it('writes the report as a DOCX with the three tables', () => {
    const dir = reportDir();
    const { code, out } = nianbao(['export-docx', 'report.json', '-o', 'out.docx'], dir);
    expect(code).toBe(0);
    expect(out).toContain('已导出 out.docx');
    const parts = unzipDocx(readFileSync(join(dir, 'out.docx')));
    expect(readTables(parts.get('word/document.xml')!).map((t) => t.rows.length)).toEqual([14, 28, 4]);
    expect(commands.map((c) => c.name)).toContain('export-docx');
  });

  it('names the output after the input, refuses to overwrite without --force', () => {
    const dir = reportDir();
    expect(nianbao(['export-docx', 'report.json'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'report.docx')).subarray(0, 2).toString()).toBe('PK');
    const again = nianbao(['export-docx', 'report.json'], dir);
    expect([again.code, again.err]).toEqual([2, expect.stringContaining('“report.docx”已存在；如要覆盖请加 --force')]);
    expect(nianbao(['export-docx', 'report.json', '--force'], dir).code).toBe(0);
  });

  it('exports a report with errors but says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
    const report = consistentReport();
    writeFileSync(join(dir, 'bad.json'), serializeReport({ ...report, values: { ...report.values, 't3.newReceived.research': '99' } }));
    const { code, out } = nianbao(['export-docx', 'bad.json'], dir);
    expect(code).toBe(0);
    expect(out).toMatch(/注意：报告还有 \d+ 个错误，请用 nianbao validate bad\.json 查看/);
  });

  it('explains wrong arguments and unreadable files in Chinese', () => {
    const dir = reportDir();
    const cases: [string[], string][] = [
      [['export-docx'], '请给出一个报告文件'],
      [['export-docx', 'report.json', '-o', 'out.pdf'], '应以 .docx 结尾'],
    ];
    for (const [args, message] of cases) {
      const { code, err } = nianbao(args, dir);
      expect([code, err], args.join(' ')).toEqual([2, expect.stringContaining(message)]);
      expect(err).not.toContain('    at ');
    }
  });
});
