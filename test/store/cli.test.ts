import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../services/cli/main.ts';
import { readExchangeFile } from '../../services/exchange/index.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { openTestStore, tempDir, unwrap } from './support.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

/** A data folder with one agency and its 2024 report (the store closed again). */
async function dataFolder() {
  const dataDir = tempDir();
  const store = openTestStore(dataDir);
  const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
  const reportId = unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.id;
  unwrap(store.saveReport({ reportId, report: consistentReport(2024) }));
  unwrap(store.createAgency({ agency: blankAgency('西湖区政府办') }));
  await store.close();
  return { dataDir, reportId };
}

describe('CLI over the store', () => {
  test('list: agencies and their reports, as text or JSON; the recycle bin', async () => {
    const { dataDir, reportId } = await dataFolder();
    const text = await run('list', '--data-dir', dataDir);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(new RegExp(`^湖滨区政府办（机关编号1）\\n  #${reportId}  2024年度  更新于.+\\n西湖区政府办（机关编号2）\\n  （还没有报告）\\n$`));
    const json = JSON.parse((await run('list', '--json', '--data-dir', dataDir)).out) as { reports: { year: number }[] };
    expect(json.reports.map((r) => r.year)).toEqual([2024]);
    expect((await run('list', '--deleted', '--data-dir', dataDir)).out).toBe('回收站：\n  （空）\n');
    expect(await run('list', '--data-dir', tempDir())).toMatchObject({ code: 1, err: expect.stringContaining('没有找到年报的数据') });
    expect((await run('list', 'extra')).code).toBe(2);
  });

  test('backup: into the backups folder, or to a named file', async () => {
    const { dataDir } = await dataFolder();
    const auto = await run('backup', '--data-dir', dataDir);
    expect(auto).toMatchObject({ code: 0, out: expect.stringMatching(/^已备份到 .+backups.+nianbao-.+\.db（.+ KB）\n$/) });
    const file = join(tempDir(), 'copy.db');
    expect(await run('backup', '-o', file, '--data-dir', dataDir)).toMatchObject({ code: 0 });
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  test('export-json and import-json move a report between data folders', async () => {
    const { dataDir, reportId } = await dataFolder();
    const out = join(tempDir(), 'r.nianbao');
    expect(await run('export-json', '--report', String(reportId), '-o', out, '--data-dir', dataDir)).toEqual({ code: 0, out: `已导出 ${out}\n`, err: '' });
    expect(unwrap(readExchangeFile(readFileSync(out, 'utf8'))).report).toEqual(consistentReport(2024));
    expect((await run('export-json', '--report', String(reportId), '-o', out, '--data-dir', dataDir)).code).toBe(2);
    const byName = join(tempDir(), 'n.nianbao');
    expect((await run('export-json', '--agency', '湖滨区政府办', '--year', '2024', '-o', byName, '--data-dir', dataDir)).code).toBe(0);
    expect(existsSync(byName)).toBe(true);
    expect(await run('export-json', '--agency', '湖滨区政府办', '--year', '2020', '--data-dir', dataDir)).toMatchObject({ code: 1, err: expect.stringContaining('没有找到“湖滨区政府办”2020年度的报告') });
    expect((await run('export-json', '--data-dir', dataDir)).code).toBe(2);

    const office = tempDir();
    expect(await run('import-json', out, '--data-dir', office)).toMatchObject({ code: 0, out: '已导入：“湖滨区政府办”2024年度报告（编号1，新建）\n' });
    expect((await run('import-json', out, '--data-dir', office)).out).toContain('已有报告的内容已替换');
    const damaged = join(tempDir(), 'bad.nianbao');
    writeFileSync(damaged, readFileSync(out, 'utf8').replace('湖滨区', '湖西区'));
    expect(await run('import-json', damaged, '--data-dir', office)).toMatchObject({ code: 1, err: expect.stringContaining('文件校验失败') });
    expect((await run('import-json', '--data-dir', office)).code).toBe(2);
  });

  test('while the app holds the data: list works, changes are refused with the reason', async () => {
    const { dataDir, reportId } = await dataFolder();
    const app = openTestStore(dataDir);
    expect((await run('list', '--data-dir', dataDir)).code).toBe(0);
    const refused = await run('export-json', '--report', String(reportId), '-o', join(tempDir(), 'x.nianbao'), '--data-dir', dataDir);
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('这份数据正由另一个年报程序使用') });
    await app.close();
  });
});
