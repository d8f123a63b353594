import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocTable, DocumentModel } from '../../shared/document/model.ts';
import { printable } from '../../shared/document/printableText.ts';
import { signatureIndents } from '../../shared/document/signature.ts';
import { widthInChars } from '../../shared/document/typography.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { currentFormat, tableLayouts } from '../../shared/format/index.ts';
import type { ExportOptions } from '../../shared/model/exportOptions.ts';
import type { Report } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';

function withOptions(report: Report, options: Partial<ExportOptions>): Report {
  return { ...report, agency: { ...report.agency, exportOptions: { ...report.agency.exportOptions, ...options } } };
}

function tables(model: DocumentModel): DocTable[] {
  return model.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
}

describe('buildDocument', () => {
  const report = consistentReport();
  const model = buildDocument(report);

  it('has the title, properties and the six official headings in order', () => {
    expect(model.title).toBe('湖滨区政府办2024年政府信息公开工作年度报告');
    expect(model.properties).toEqual({
      title: model.title,
      author: '湖滨区政府办',
      subject: '中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）',
    });
    expect(model.sections.map((s) => s.heading)).toEqual(currentFormat.sections.map((s) => s.heading));
  });

  it('breaks a title too long for one line between agency and year, keeping words whole', () => {
    expect(model.titleLines).toEqual(['湖滨区政府办', '2024年政府信息公开工作年度报告']);
    const short = { ...report, agency: { ...report.agency, name: '民政局' } };
    expect(buildDocument(short).titleLines).toEqual(['民政局2024年政府信息公开工作年度报告']);
  });

  it('breaks a title that fits one line only with Times-width digits (a machine without Times sets wider ones)', () => {
    const tight = { ...report, year: 2021, agency: { ...report.agency, name: '党群工作部' } };
    expect(buildDocument(tight).titleLines).toEqual(['党群工作部', '2021年政府信息公开工作年度报告']);
  });

  it('puts each table directly under its heading, with the grid of the format and every figure', () => {
    const figures = computeFigures(report);
    const layouts = tableLayouts(currentFormat);
    for (const table of tables(model)) {
      const layout = layouts[table.id as keyof typeof layouts];
      expect(model.sections.find((s) => s.blocks[0] === table)?.key).toBe(currentFormat.sections.find((s) => s.table === table.id)?.key);
      expect([table.rowCount, table.columnCount, table.headerRows]).toEqual([layout.rowCount, layout.columnCount, layout.headerRows]);
      expect(table.columnWidthsMm).toEqual(layout.columnWidthsMm);
      expect(table.title).toBe(currentFormat.tables[table.id as keyof typeof layouts].title);
      expect(table.cells).toHaveLength(layout.cells.length);
      table.cells.forEach((cell, i) => {
        const grid = layout.cells[i]!;
        expect([cell.row, cell.col, cell.rowSpan, cell.colSpan]).toEqual([grid.row, grid.col, grid.rowSpan, grid.colSpan]);
        if (grid.content.type === 'label') expect(cell.text).toBe(grid.content.text);
        else expect([cell.key, cell.text]).toEqual([grid.content.key, figures.get(grid.content.key).text]);
      });
    }
    const cell = (key: string) => tables(model).flatMap((t) => t.cells).find((c) => c.key === key)!;
    expect(cell('t3.granted.research')).toMatchObject({ text: '0', role: 'value' });
    expect(cell('t3.resultTotal.total')).toMatchObject({ role: 'total' });
    expect(cell('t2.fees').text).toBe('1.2345');
  });

  it('writes the preamble from the agency settings and the year', () => {
    expect(model.preamble.map((p) => p.text)).toEqual([
      '本报告由湖滨区政府办按照《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。',
      '本报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分内容。',
      '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
      '如对本报告有疑问，请与湖滨区政府办联系（联系电话：0571-12345678）。',
    ]);
    const published = { ...report, agency: { ...report.agency, website: '湖滨区人民政府门户网站', websiteUrl: 'http://www.hubin.gov.cn' } };
    expect(buildDocument(published).preamble[2]!.text).toBe(
      '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。本报告电子版可在“湖滨区人民政府门户网站”（http://www.hubin.gov.cn）查阅或下载。',
    );
    expect(buildDocument(withOptions(report, { includePreamble: false })).preamble).toEqual([]);
    // Without an agency name (a report still being set up) the sentences stay whole.
    const unnamed = buildDocument({ ...report, agency: { ...report.agency, name: '', phone: '', contact: '信访室 0571-7654321' } }).preamble;
    expect(unnamed[0]!.text).toMatch(/^本报告按照《中华人民共和国政府信息公开条例》/);
    expect(unnamed[3]!.text).toBe('如对本报告有疑问，请联系（信访室 0571-7654321）。');
  });

  it('opens section 六 with the 信息处理费 sentence and keeps the user text after it', () => {
    const other = model.sections.find((s) => s.key === 'other')!;
    expect(other.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.id))).toEqual([
      '本年度依据《政府信息公开信息处理费管理办法》发出收费通知2件，总金额100.00元，实际收取信息处理费0元。',
      '本年度人大代表建议和政协提案办理结果均已公开。',
    ]);
  });

  it('signs with the agency and the date the user chose, or leaves either out', () => {
    expect(model.signature).toEqual({ agency: '湖滨区政府办', date: '2025年1月31日' });
    expect(buildDocument(withOptions(report, { signatureDate: '2025-02-03' })).signature?.date).toBe('2025年2月3日');
    expect(buildDocument(withOptions(report, { includeSignature: false })).signature).toEqual({ date: '2025年1月31日' });
    expect(buildDocument(withOptions(report, { includeDate: false })).signature).toEqual({ agency: '湖滨区政府办' });
    expect(buildDocument(withOptions(report, { includeSignature: false, includeDate: false })).signature).toBeUndefined();
  });

  it('prints the fee header in the chosen wording, and amounts with four decimals when it says so', () => {
    const fee = (r: Report) => {
      const table2 = tables(buildDocument(r))[0]!;
      const value = table2.cells.find((c) => c.key === 't2.fees')!;
      const header = table2.cells.find((c) => c.row === value.row - 1 && c.col === 1)!;
      return [header.text, value.text];
    };
    const amount = (text: string) => ({ ...report, values: { ...report.values, 't2.fees': text } });
    expect(fee(amount('1.5'))).toEqual(['本年收费金额（单位：万元）', '1.5']);
    const four = (text: string) => withOptions(amount(text), { feeWording: 'fourDecimals' });
    expect(fee(four('1.5'))).toEqual(['本年收费金额（单位：万元，保留4位小数）', '1.5000']);
    expect(fee(four('0'))[1]).toBe('0.0000');
    expect(fee(four('12.3456'))[1]).toBe('12.3456');
    // Not a figure: printed as typed, so nothing the user typed is hidden.
    expect(fee(four('约3万'))[1]).toBe('约3万');
  });
});

describe('texts no document can hold', () => {
  it('shows U+FFFD for U+FFFE and U+FFFF wherever a report has them, and leaves a report without them as it is', () => {
    const report = consistentReport();
    const key = 't3.granted.naturalPerson';
    const mangled: Report = {
      ...report,
      agency: { ...report.agency, name: `湖滨区\uFFFE政府办` },
      values: { ...report.values, [key]: '1\uFFFF2' },
      sections: { ...report.sections, overview: `${report.sections['overview']}\uFFFF` },
    };
    const text = JSON.stringify(buildDocument(mangled));
    expect(text).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(text).toContain('湖滨区\uFFFD政府办');
    expect(text).toContain('"1\uFFFD2"');
    // The checks still see what was typed: the figure is not one.
    expect(buildDocument(mangled).draftMark).toBeDefined();
    expect(printable(report)).toBe(report);
  });
});

describe('the draft mark', () => {
  it('marks a report while the checks find errors, unless the agency turned it off; never one without errors', () => {
    const report = consistentReport();
    const [firstCell] = Object.keys(report.values);
    const withErrors = { ...report, values: { ...report.values, [firstCell!]: '十二件' } };
    expect(checkReport(withErrors).counts.error).toBeGreaterThan(0);
    expect(buildDocument(withErrors).draftMark).toBe('草稿');
    expect(buildDocument(withOptions(withErrors, { markDraft: false })).draftMark).toBeUndefined();
    expect(checkReport(consistentReport()).counts.error).toBe(0);
    expect(buildDocument(consistentReport()).draftMark).toBeUndefined();
    expect(buildDocument(withOptions(consistentReport(), { markDraft: true })).draftMark).toBeUndefined();
  });
});

describe('signatureIndents (GB/T 9704 7.3.5.2)', () => {
  const start = (indent: number, text: string) => indent + widthInChars(text);

  it('puts the date two 字 right of the agency name, and neither closer than two 字 to the margin', () => {
    for (const agency of ['湖滨区政府办', '济宁经济技术开发区党工委组织部', '民政局']) {
      const date = '2025年1月31日';
      const indents = signatureIndents({ agency, date });
      expect(start(indents.agency, agency) - start(indents.date, date)).toBe(2);
      expect(Math.min(indents.agency, indents.date)).toBe(2);
    }
    expect(signatureIndents({ agency: '湖滨区政府办', date: '2025年1月31日' })).toEqual({ agency: 4.5, date: 2 });
    expect(signatureIndents({ date: '2025年1月31日' })).toEqual({ agency: 2, date: 2 });
  });

  it('counts ASCII digits as half a 字', () => {
    expect(widthInChars('2025年1月31日')).toBe(6.5);
  });
});
