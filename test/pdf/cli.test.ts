import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeReport } from '../../shared/model/serialize.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { nianbao } from '../support/cli.ts';
import { toolsAvailable } from '../support/tools.ts';
import { pageSizes, pageTexts } from './poppler.ts';

function reportDir(): string {
  const { cwd } = nianbao(['help']);
  writeFileSync(join(cwd, 'r.json'), serializeReport(consistentReport()));
  return cwd;
}

// Each case starts the CLI several times (and Chromium once): slow on a busy machine.
describe('nianbao export-pdf', { timeout: 180_000 }, () => {
  afterEach(() => {
    delete process.env.NIANBAO_CHROMIUM;
  });

  it.skipIf(!toolsAvailable('chromium', 'pdfinfo', 'pdftotext'))('writes an A4 PDF of the report', () => {
    const cwd = reportDir();
    const result = nianbao(['export-pdf', 'r.json', '-o', '年度报告.pdf'], cwd);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('已导出 年度报告.pdf');
    const file = join(cwd, '年度报告.pdf');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageSizes(file).every((size) => size.endsWith('(A4)'))).toBe(true);
    expect(pageTexts(file, 'raw').join('')).toContain('湖滨区政府办');
    expect(nianbao(['export-pdf', 'r.json', '-o', '年度报告.pdf'], cwd).err).toContain('已存在；如要覆盖请加 --force');
  });

  it('explains wrong arguments and a missing browser in Chinese', () => {
    const cwd = reportDir();
    expect(nianbao(['export-pdf'], cwd)).toMatchObject({ code: 2, err: expect.stringContaining('请给出一个报告文件') });
    expect(nianbao(['export-pdf', 'r.json', '-o', 'r.docx'], cwd).err).toContain('应以 .pdf 结尾');
    expect(nianbao(['export-pdf', 'missing.json', '-o', 'x.pdf'], cwd).err).toContain('文件不存在');
    // Without -o the PDF is named after the report file.
    writeFileSync(join(cwd, 'r.pdf'), '');
    expect(nianbao(['export-pdf', 'r.json'], cwd).err).toContain('“r.pdf”已存在');
    process.env.NIANBAO_CHROMIUM = join(cwd, 'no-such-chromium');
    const noBrowser = nianbao(['export-pdf', 'r.json', '-o', 'x.pdf'], cwd);
    expect(noBrowser.code).toBe(1);
    expect(noBrowser.err).toContain('不存在');
    expect(noBrowser.err).toContain('NIANBAO_CHROMIUM');
  });
});
