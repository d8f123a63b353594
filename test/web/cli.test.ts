import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { currentFormat } from '../../shared/format/index.ts';
import { serializeReport } from '../../shared/model/serialize.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { nianbao } from '../support/cli.ts';
import { elements, parseHtml } from './htmlDocument.ts';

function reportDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
  writeFileSync(join(dir, 'report.json'), serializeReport(consistentReport()));
  return dir;
}

const tableTitles = Object.values(currentFormat.tables).map((t) => t.title);

// Each case starts the real bin; on a busy machine that takes seconds.
describe('nianbao export-html and export-xlsx', { timeout: 120_000 }, () => {
  it('export-html writes the web page, named after the input', () => {
    const dir = reportDir();
    const { code, out } = nianbao(['export-html', 'report.json'], dir);
    expect([code, out]).toEqual([0, expect.stringContaining('已导出 report.html')]);
    const { document, errors } = parseHtml(readFileSync(join(dir, 'report.html'), 'utf8'));
    expect(errors).toEqual([]);
    expect(elements(document).filter((e) => e.tagName === 'table')).toHaveLength(3);
  });

  it('export-xlsx writes the workbook, one sheet per table', async () => {
    const dir = reportDir();
    const { code, out } = nianbao(['export-xlsx', 'report.json', '-o', '表格.xlsx'], dir);
    expect([code, out]).toEqual([0, expect.stringContaining('已导出 表格.xlsx')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, '表格.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(tableTitles);
  });

  it('refuses a wrong output name, in Chinese', () => {
    const dir = reportDir();
    const cases: [string[], string][] = [
      [['export-html', 'report.json', '-o', 'out.htm'], '应以 .html 结尾'],
      [['export-xlsx', 'report.json', '-o', 'out.xls'], '应以 .xlsx 结尾'],
      [['export-xlsx'], '请给出一个报告文件：nianbao export-xlsx'],
    ];
    for (const [args, message] of cases) expect(nianbao(args, dir), args.join(' ')).toMatchObject({ code: 2, err: expect.stringContaining(message) });
  });

  it('refuses to overwrite without --force', () => {
    const dir = reportDir();
    expect(nianbao(['export-html', 'report.json'], dir).code).toBe(0);
    expect(nianbao(['export-html', 'report.json'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('已存在') });
  });
});
