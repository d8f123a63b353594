import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { openStore } from '../../services/store/index.ts';
import type { Store } from '../../services/store/index.ts';
import { carryUnitsFromLastYear, csvRows, readUnitList, reviewRows, reviewStoredWorkspace, sumWorkspace } from '../../services/summary/index.ts';
import { reviewListXlsx } from '../../services/summary/outputs.ts';
import { blankAgency } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { continuedReport } from '../fixtures/lastYearReports.ts';
import { tempDir, unwrap } from '../store/support.ts';

test('CSV rows: quoted fields with commas, doubled quotes and line breaks', () => {
  expect(csvRows('序号,单位名称,简称\r\n1,"湖滨县人民政府办公室","县政府办"\n2,"城关镇人民政府","城关镇,城关"\n3,"名称带""引号""",\n')).toEqual([
    ['序号', '单位名称', '简称'],
    ['1', '湖滨县人民政府办公室', '县政府办'],
    ['2', '城关镇人民政府', '城关镇,城关'],
    ['3', '名称带"引号"', ''],
  ]);
});

test('unit lists from .txt, .csv and .xlsx files; other files and empty lists refused in Chinese', async () => {
  const dir = tempDir('nianbao-units-');
  const expected = [
    { name: '湖滨县人民政府办公室', aliases: ['县政府办'] },
    { name: '城关镇人民政府', aliases: ['城关镇'] },
    { name: '湖滨县教育局', aliases: [] },
  ];
  writeFileSync(join(dir, 'units.txt'), '湖滨县人民政府办公室\t县政府办\n城关镇人民政府，城关镇\n湖滨县教育局\n');
  writeFileSync(join(dir, 'units.csv'), '\uFEFF序号,单位名称,简称\n1,湖滨县人民政府办公室,县政府办\n2,城关镇人民政府,城关镇\n3,湖滨县教育局,\n');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('下级单位');
  sheet.addRows([['序号', '单位名称', '简称'], [1, '湖滨县人民政府办公室', '县政府办'], [2, '城关镇人民政府', '城关镇'], [3, '湖滨县教育局']]);
  writeFileSync(join(dir, 'units.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
  for (const file of ['units.txt', 'units.csv', 'units.xlsx']) {
    expect(await readUnitList(join(dir, file)), file).toEqual({ ok: true, value: { units: expected, duplicates: [] } });
  }
  writeFileSync(join(dir, 'units.doc'), 'x');
  expect(await readUnitList(join(dir, 'units.doc'))).toEqual({ ok: false, error: expect.stringContaining('类型不认识') });
  writeFileSync(join(dir, 'empty.txt'), '序号\t单位名称\n');
  expect(await readUnitList(join(dir, 'empty.txt'))).toEqual({ ok: false, error: expect.stringContaining('没有找到单位名称') });
  expect(await readUnitList(join(dir, 'none.txt'))).toEqual({ ok: false, error: expect.stringContaining('文件不存在') });
});

function receive(store: Store, workspaceId: number, unitId: number, report: Report): void {
  unwrap(
    store.addReceivedFile({
      workspaceId,
      fileName: `${report.agency.name}${report.year}.nianbao`,
      bytes: new Uint8Array([1]),
      reading: { status: 'read', agency: report.agency.name, year: report.year, sourceFormat: 'exchange', uncertainCells: 0 },
      report,
      match: { status: 'matched', unitId, by: 'exact' },
    }),
  );
}

test('last year’s workspace: its units carried, and each unit’s carry-over checked against its last report', async () => {
  const store = unwrap(openStore({ dataDir: tempDir() }));
  try {
    const agencyId = unwrap(store.createAgency({ agency: blankAgency('湖滨县人民政府') })).id;
    const lastYear = unwrap(store.createWorkspace({ agencyId, year: 2023 })).id;
    const thisYear = unwrap(store.createWorkspace({ agencyId, year: 2024 })).id;
    expect(carryUnitsFromLastYear(store, { workspaceId: lastYear })).toEqual({ ok: false, error: '没有“湖滨县人民政府”2022年度的汇总，无法沿用上年的单位名单。' });
    const old = unwrap(store.addUnits({ workspaceId: lastYear, units: [{ name: '城关镇人民政府', aliases: ['城关镇'] }, { name: '湖滨县教育局', aliases: [] }] })).added;
    unwrap(store.addUnits({ workspaceId: thisYear, units: [{ name: '湖滨县教育局', aliases: [] }] }));
    const carried = unwrap(carryUnitsFromLastYear(store, { workspaceId: thisYear }));
    expect(carried).toMatchObject({ added: [{ name: '城关镇人民政府', aliases: ['城关镇'] }], skipped: ['湖滨县教育局'] });
    const units = unwrap(store.listUnits({ workspaceId: thisYear }));

    const town2023 = { ...consistentReport(2023), agency: blankAgency('城关镇') };
    const education2023 = { ...consistentReport(2023), agency: blankAgency('湖滨县教育局') };
    receive(store, lastYear, old[0]!.id, town2023);
    receive(store, lastYear, old[1]!.id, education2023);
    // The town carries over last year's 结转下年度; the education bureau changed one column's.
    const town = continuedReport(town2023);
    const education = continuedReport(education2023);
    education.values['t3.carriedOver.research'] = String(Number(education.values['t3.carriedOver.research']) + 2);
    receive(store, thisYear, units.find((u) => u.name === '城关镇人民政府')!.id, town);
    receive(store, thisYear, units.find((u) => u.name === '湖滨县教育局')!.id, education);
    const rows = unwrap(reviewRows(store, { workspaceId: thisYear }));
    expect(rows.find((r) => r.unitName === '城关镇人民政府')!.carryOver).toEqual({ status: 'consistent' });
    expect(rows.find((r) => r.unitName === '湖滨县教育局')!.carryOver).toEqual({ status: 'mismatch', columns: ['科研机构', '总计'] });
    // Last year's own review has no year before it.
    expect(unwrap(reviewRows(store, { workspaceId: lastYear })).map((r) => r.carryOver)).toEqual([{ status: 'unknown' }, { status: 'unknown' }]);
  } finally {
    await store.close();
  }
});

test('a report of another year is pointed out, makes its unit 有错误 and is not summed', async () => {
  const store = unwrap(openStore({ dataDir: tempDir() }));
  try {
    const agencyId = unwrap(store.createAgency({ agency: blankAgency('湖滨县人民政府') })).id;
    const workspaceId = unwrap(store.createWorkspace({ agencyId, year: 2024 })).id;
    const [right, wrong] = unwrap(store.addUnits({ workspaceId, units: [{ name: '城关镇', aliases: [] }, { name: '河口镇', aliases: [] }] })).added;
    receive(store, workspaceId, right!.id, { ...consistentReport(2024), agency: blankAgency('城关镇') });
    receive(store, workspaceId, wrong!.id, { ...consistentReport(2023), agency: blankAgency('河口镇') });
    const rows = unwrap(reviewRows(store, { workspaceId }));
    expect(rows.map((r) => [r.unitName, r.state, r.otherYear])).toEqual([
      ['城关镇', 'passed', undefined],
      ['河口镇', 'errors', 2023],
    ]);
    expect(unwrap(sumWorkspace(store, { workspaceId })).sum.units.map((u) => u.unitName)).toEqual(['城关镇']);
    // The review list says it too, in the file's column.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reviewListXlsx(unwrap(reviewStoredWorkspace(store, { workspaceId })), { title: '审核表', author: '湖滨县人民政府' })).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('审核结果')!;
    const fileColumn = (sheet.getRow(1).values as string[]).indexOf('文件');
    const listed = [2, 3].map((r) => [sheet.getRow(r).getCell(2).text, sheet.getRow(r).getCell(3).text, sheet.getRow(r).getCell(fileColumn).text]);
    expect(listed).toEqual([
      ['城关镇', '通过', '城关镇2024.nianbao'],
      ['河口镇', '有错误', '河口镇2023.nianbao；报告是2023年度的（未计入汇总）'],
    ]);
  } finally {
    await store.close();
  }
});
