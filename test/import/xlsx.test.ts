import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { buildDocument } from '../../shared/document/build.ts';
import { renderXlsx } from '../../services/export/xlsx/renderXlsx.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { expectedFigures, figuresOf, withPrintedFeeWording } from './seedForms.ts';
import { importBytes, importError } from './support.ts';
import { otherWorkbook, reportSheetWorkbook, tablePerSheetWorkbook } from './workbooks.ts';

/** Workbooks as offices distribute the three tables, built with exceljs. */

const seeds = loadSeeds();
const dir = mkdtempSync(join(tmpdir(), 'nianbao-xlsx-'));

describe.each(seeds.map((s) => [s.id, s] as const))('seed %s as a workbook', (id, seed) => {
  it('the whole report on one sheet: `nianbao figures` gives the fixture', async () => {
    const file = join(dir, `${id}.xlsx`);
    writeFileSync(file, await reportSheetWorkbook(withPrintedFeeWording(seed)));
    expect(await figuresOf(file)).toEqual(expectedFigures(seed.fixture, `${id}.xlsx`));
  });

  it('one table per sheet, labels from column C, figures typed as text: every figure of the fixture', async () => {
    const file = join(dir, `${id}-tables.xlsx`);
    writeFileSync(file, await tablePerSheetWorkbook(withPrintedFeeWording(seed)));
    const expected = expectedFigures(seed.fixture, `${id}-tables.xlsx`);
    const printed = await figuresOf(file);
    expect({ ...printed, sections: undefined }).toEqual({ ...expected, sections: undefined });
    expect(printed.sections).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  });
});

describe('Nianbao’s own XLSX export imports back', () => {
  it.each(seeds.map((s) => [s.id, s] as const))('seed %s: every figure of the fixture, the three table headings', async (id, seed) => {
    const file = join(dir, `${id}-export.xlsx`);
    writeFileSync(file, await renderXlsx(buildDocument(withPrintedFeeWording(seed))));
    const printed = await figuresOf(file);
    expect({ ...printed, sections: undefined }).toEqual({ ...expectedFigures(seed.fixture, `${id}-export.xlsx`), sections: undefined });
    expect(printed.sections).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  });
});

describe('workbook cells', () => {
  it('reads blank cells as blank, a cell merged over rows as not belonging to the rows below, and a formula by its result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表二');
    sheet.addRow(['二、主动公开政府信息情况']);
    sheet.addRow(['第二十条第（一）项']);
    sheet.addRow(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    sheet.addRow(['规章', 2, null, { formula: '1+2', result: 3 }]);
    sheet.addRow(['行政规范性文件', '5', '', '9']);
    const result = await importBytes(new Uint8Array(await workbook.xlsx.writeBuffer()), '表二.xlsx');
    const cell = (key: string) => result.cells.find((c) => c.key === key)!;
    expect(cell('t2.regulations.issued')).toMatchObject({ status: 'read', value: '2', confidence: 'high' });
    expect(cell('t2.regulations.repealed')).toMatchObject({ status: 'blank', value: null });
    expect(cell('t2.regulations.inForce')).toMatchObject({ status: 'read', value: '3' });
    expect(cell('t2.normativeDocuments.issued')).toMatchObject({ status: 'read', value: '5' });
    expect(cell('t2.normativeDocuments.repealed')).toMatchObject({ status: 'blank' });
  });
});

/** An OLE compound file holding the given stream names (Excel wraps an encrypted XLSX in one, as Word does a DOCX). */
function oleFile(streams: readonly string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  const names = streams.flatMap((name) => [...[...name].flatMap((c) => [c.charCodeAt(0), 0]), ...new Array(128 - name.length * 2).fill(0)]);
  return new Uint8Array([...header, ...names]);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A minimal workbook whose one sheet has the given XML inside `<worksheet>`, stored uncompressed. */
function workbookWithSheet(sheetXml: string): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': utf8('<Types/>'),
      'xl/workbook.xml': utf8('<workbook xmlns:r="r"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': utf8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': utf8(`<worksheet>${sheetXml}</worksheet>`),
    },
    { level: 0 },
  );
}

describe('refused workbooks', () => {
  it('a workbook of something else', async () => {
    expect(await importError(await otherWorkbook(), '人员名单.xlsx')).toBe(
      '“人员名单.xlsx”看起来不是政府信息公开工作年度报告：没有找到“一、总体情况”等六个章节标题，也没有找到主动公开、依申请公开、复议诉讼三张表格。请确认选择的文件。',
    );
  });

  it('a workbook locked with a password (an OLE file holding EncryptedPackage)', async () => {
    expect(await importError(oleFile(['EncryptionInfo', 'EncryptedPackage']), '加密.xlsx')).toBe(
      '“加密.xlsx”设置了打开密码（文件已加密），无法读取。请在Excel或WPS表格中打开它，取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）并保存后再导入。',
    );
  });

  it('an old .xls workbook', async () => {
    expect(await importError(oleFile(['Workbook', 'SummaryInformation']), '旧.xls')).toBe(
      '“旧.xls”是旧版Excel格式（.xls）文件，不能直接导入。请在Excel或WPS表格中打开，另存为“Excel工作簿（*.xlsx）”后再导入。',
    );
  });

  it('an empty workbook', async () => {
    expect(await importError(workbookWithSheet('<sheetData/>'), '空.xlsx')).toBe('“空.xlsx”的工作表都是空的，没有可导入的内容。请确认选择的文件。');
  });

  it('a merge over the whole sheet is read without expanding it cell by cell', async () => {
    const sheet = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一、总体情况</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>规章</t></is></c><c r="B2"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A2:XFD1048576"/></mergeCells>';
    const result = await importBytes(workbookWithSheet(sheet), '合并.xlsx');
    expect(result.cells.every((c) => c.value === null)).toBe(true);
  });

  it('more filled cells or merges than a report has', async () => {
    const row = (r: number) => `<row r="${r}">${Array.from({ length: 50 }, (_, c) => `<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>1</v></c>`).join('')}</row>`;
    const cells = `<sheetData>${Array.from({ length: 500 }, (_, r) => row(r + 1)).join('')}</sheetData>`;
    expect(await importError(workbookWithSheet(cells), '大.xlsx')).toBe('“大.xlsx”有超过20000个填了内容的单元格，超出了年度报告表格的范围，无法导入。请只保留年度报告的三张表格后再导入。');
    const merges = `<sheetData/><mergeCells>${Array.from({ length: 1001 }, (_, r) => `<mergeCell ref="A${r + 1}:B${r + 1}"/>`).join('')}</mergeCells>`;
    expect(await importError(workbookWithSheet(merges), '合并.xlsx')).toContain('有超过1000处合并单元格');
  });

  it('a damaged workbook part', async () => {
    expect(await importError(workbookWithSheet('<sheetData><row></sheetData>'), '坏.xlsx')).toBe(
      '“坏.xlsx”已损坏，无法读取：XML结构错误：意外的</sheetData>。请在Excel或WPS表格中打开并另存后再导入。',
    );
  });
});
