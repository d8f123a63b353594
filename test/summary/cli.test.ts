import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExchangeFile } from '../../services/exchange/index.ts';
import { nianbao } from '../support/cli.ts';
import { makeReceivedFolder } from './receivedFolder.ts';
import type { ReceivedFolder } from './receivedFolder.ts';

let folder: ReceivedFolder;
let work: string;

beforeAll(async () => {
  folder = await makeReceivedFolder();
  work = join(folder.dir, '..');
  writeFileSync(join(work, 'units.txt'), folder.unitList);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('nianbao review and sum', () => {
  it('review DIR --units: a line per unit, the unreadable file, the totals; -o writes the review list', async () => {
    const run = nianbao(['review', folder.dir, '--units', 'units.txt', '-o', 'review.xlsx'], work);
    expect(run.err).toContain('已导出 review.xlsx');
    expect(run.code).toBe(0);
    for (const name of folder.missingUnits) expect(run.out).toMatch(new RegExp(`\\d+\\. ${name}  \\[未报送\\]`));
    expect(run.out).toMatch(new RegExp(`${folder.brokenUnits[0]}  \\[有错误\\]  错误\\d+ 警告\\d+ 提示\\d+  问题在：[^\\n]*表三`));
    expect(run.out).toContain(`${folder.unreadableUnit}  [有错误]`);
    expect(run.out).toContain('文件无法读取：');
    expect(run.out).toContain('收到2份，显示最新一份，请选择');
    expect(run.out).toMatch(/共 31 个单位：未报送 2，有错误 \d+，有警告 \d+，通过 \d+；收到文件 30 份，无法读取 1 份，未对应单位 0 份。/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(work, 'review.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('审核结果')!.rowCount).toBe(32);
    // An existing output is not overwritten without --force.
    expect(nianbao(['review', folder.dir, '-o', 'review.xlsx'], work)).toMatchObject({ code: 2, err: expect.stringContaining('已存在') });
  });

  it('review --json: the rows with their findings; without a unit list each agency is a unit', () => {
    const run = nianbao(['review', folder.dir, '--json'], work);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { units: { unitName: string; state: string; findings: unknown[] }[]; unreadable: { fileName: string }[] };
    // 28 units named by their files (the text files by their names), none missing.
    expect(json.units).toHaveLength(28);
    expect(json.units.every((u) => u.state !== 'missing')).toBe(true);
    expect(json.unreadable.map((f) => f.fileName)).toEqual([folder.unreadableFile]);
  });

  it('sum DIR: the incomplete cells with their blank units; -o as JSON, XLSX and exchange file', () => {
    const run = nianbao(['sum', folder.dir, '--units', 'units.txt', '--agency', '湖滨县人民政府', '-o', 'sum.json'], work);
    expect(run.code).toBe(0);
    expect(run.out).toContain('汇总 28 个单位（2021年度）');
    expect(run.out).toMatch(/表二「行政规范性文件」「现行有效件数」 = \d+（只含已填写的单位；空白：/);
    const json = JSON.parse(readFileSync(join(work, 'sum.json'), 'utf8')) as { cells: { key: string; total: number | null; blankUnits: string[]; values: (number | null)[] }[] };
    for (const cell of json.cells) {
      const known = cell.values.filter((v): v is number => v !== null);
      expect(cell.blankUnits.length).toBe(cell.values.length - known.length);
    }
    expect(nianbao(['sum', folder.dir, '--units', 'units.txt', '-o', 'sum.xlsx'], work).code).toBe(0);
    expect(readFileSync(join(work, 'sum.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(nianbao(['sum', folder.dir, '--units', 'units.txt', '--agency', '湖滨县人民政府', '-o', 'sum.nianbao'], work).code).toBe(0);
    const exchange = readExchangeFile(readFileSync(join(work, 'sum.nianbao'), 'utf8'));
    expect(exchange.ok && exchange.value.report.agency.name).toBe('湖滨县人民政府');
  });

  it('says in Chinese what is wrong with its arguments', () => {
    expect(nianbao(['sum'], work)).toMatchObject({ code: 2, err: expect.stringContaining('请给出收到报告的文件夹') });
    expect(nianbao(['review', 'no-such-dir'], work)).toMatchObject({ code: 2, err: expect.stringContaining('“no-such-dir”不存在') });
    expect(nianbao(['sum', folder.dir, '-o', 'sum.csv'], work)).toMatchObject({ code: 2, err: expect.stringContaining('应以 .json、.xlsx 或 .nianbao 结尾') });
    writeFileSync(join(work, 'empty.txt'), '\n');
    expect(nianbao(['review', folder.dir, '--units', 'empty.txt'], work)).toMatchObject({ code: 2, err: expect.stringContaining('没有找到单位名称') });
  });
});
