import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { renderXlsx } from '../../services/export/xlsx/renderXlsx.ts';
import { reportAsYear } from '../../services/import/index.ts';
import { readPlainText } from '../../services/import/readers/text/plainText.ts';
import { reportFromPreviousYear } from '../../services/store/nextYear.ts';
import { reviewListXlsx, sumXlsx } from '../../services/summary/outputs.ts';
import { recogniseReport } from '../../services/import/recognise/recogniseReport.ts';
import { checkReport } from '../../shared/checks/index.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { figureSentence, SENTENCE_KINDS } from '../../shared/sentences/figureSentences.ts';
import { buildDocument, infoFeeSentence } from '../../shared/document/build.ts';
import type { DocumentModel, DocTable } from '../../shared/document/model.ts';
import { cellIndex, feeCell, formatForYear, tableLayouts } from '../../shared/format/index.ts';
import type * as FormatModule from '../../shared/format/index.ts';
import type { ReportFormat } from '../../shared/format/index.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import { renderPrintHtml } from '../../shared/print/renderPrintHtml.ts';
import { renderWebHtml } from '../../shared/web/renderWebHtml.ts';
import type { Report } from '../../shared/model/report.ts';
import { checkSum, reviewWorkspace, sumReviewedUnits } from '../../shared/summary/index.ts';
import type { ReceivedFile } from '../../shared/summary/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { readTables, textOf, parseXml, descendants, unzipDocx } from '../docx/ooxml.ts';
import { attr, elements, parseHtml, tableCells, textOf as htmlText } from '../web/htmlDocument.ts';

/**
 * A second format is one new file: a small made-up format (two tables, three sections,
 * none of the 2021 format's labels, keys or relations) goes through the grid model, the
 * checks, the document model, the DOCX and the text import with no other code changed.
 * The only other line a real format needs is its entry in the registry
 * (`formats` in shared/format/index.ts); here the test adds it, and the format of a
 * year (`formatForYear`) follows from the registry.
 */

const fictitious = vi.hoisted(
  (): ReportFormat => ({
    id: 'demo-2030',
    name: '演示工作年度报告格式',
    basis: '演示〔2030〕1号',
    firstYear: 2030,
    titleSuffix: '演示工作年度报告',
    titleSuffixForms: ['演示工作年度报告'],
    sections: [
      { key: 'summary', heading: '一、工作概况', numeral: '一、', variants: [], guidance: '概述本年度的演示工作。', starters: [], role: 'overview' },
      { key: 'cases', heading: '二、办件情况', numeral: '二、', variants: [], guidance: '填写下表。', table: 'cases', starters: [] },
      { key: 'training', heading: '三、培训情况', numeral: '三、', variants: [], guidance: '填写下表。', table: 'training', starters: [] },
    ],
    tables: {
      cases: {
        id: 'cases',
        title: '二、办件情况',
        shortName: '甲表',
        subject: '办件',
        keyPrefix: 'ca',
        rulePrefix: 'CA',
        corner: '（收到件数等于办结件数加结转件数）',
        balance: { left: ['received'], right: ['done', 'pending'], rule: '收到件数等于办结件数加结转件数' },
        labelColumns: 1,
        headerRows: 2,
        columns: [
          { key: 'online', path: ['办理渠道', '网上'] },
          { key: 'counter', path: ['办理渠道', '窗口'] },
          { key: 'total', path: ['办理渠道', '合计'], isTotal: true },
        ],
        rows: [
          { key: 'received', path: ['收到件数'] },
          { key: 'done', path: ['办结件数'] },
          { key: 'pending', path: ['结转件数'] },
        ],
      },
      training: {
        id: 'training',
        title: '三、培训情况',
        shortName: '乙表',
        subject: '培训',
        keyPrefix: 'tr',
        columnCount: 2,
        blocks: [
          {
            caption: '第一部分',
            labelHeader: '项目',
            columns: [{ key: '', label: '本年数量' }],
            rows: [{ key: 'sessions', label: '举办培训场次', kind: 'count' }],
          },
          {
            caption: '第二部分',
            labelHeader: '项目',
            columns: [{ key: '', label: '本年金额（单位：万元）' }],
            rows: [{ key: 'budget', label: '培训经费', kind: 'money' }],
          },
        ],
      },
    },
    columnWidthsMm: { cases: [60, 32, 32, 32], training: [96, 60] },
    relations: {},
  }),
);

/**
 * The same format with fees: its money column printed in a wording the agency chooses
 * (two decimals), and a fee reported in its third section with its own sentence.
 */
const withFees = vi.hoisted(
  (): ReportFormat => ({
    ...fictitious,
    id: 'demo-2030-fees',
    sections: fictitious.sections.map((s) => (s.key === 'training' ? { ...s, role: 'infoFee' as const } : s)),
    feeColumn: {
      cell: 'tr.budget',
      header: { official: '本年经费（单位：万元）', fourDecimals: '本年经费（单位：万元，保留2位小数）' },
      decimalsMark: '2位小数',
      decimals: 2,
    },
    infoFee: {
      name: '培训费',
      figures: [
        { field: 'noticesIssued', label: '发出缴费通知的件数', words: '发出缴费通知', what: '发出缴费通知', unit: '件' },
        { field: 'noticeAmountYuan', label: '通知金额（元）', words: '通知金额', what: '缴费通知金额', unit: '元' },
        { field: 'collectedYuan', label: '实收培训费（元）', words: '实收培训费', what: '实收的培训费', unit: '元' },
      ],
      sentence: { lead: '本年度依据《演示培训收费办法》', none: '本年度未收取培训费。' },
    },
  }),
);

vi.mock('../../shared/format/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof FormatModule>();
  const added = { [fictitious.id]: fictitious, [withFees.id]: withFees };
  return {
    ...original,
    formats: { ...original.formats, ...added },
    formatById: (id: string) => (Object.hasOwn(added, id) ? added[id] : original.formatById(id)),
    // The registry a real format joins: from its first year on, reports are in it.
    formatForYear: (year: number) => original.formatForYear(year, { ...original.formats, [fictitious.id]: fictitious }),
  };
});

function demoReport(values: Record<string, string>, sections: Record<string, string> = { summary: '本年度开展演示工作。' }, format: ReportFormat = fictitious): Report {
  return { ...blankReport(blankAgency('某某局'), 2030, format), sections, values };
}

const balanced = { 'ca.received.online': '5', 'ca.received.counter': '3', 'ca.done.online': '4', 'ca.done.counter': '3', 'ca.pending.online': '1', 'ca.pending.counter': '0', 'tr.sessions': '2', 'tr.budget': '1.5' };

/** The document as a converter prints it as text: paragraphs line by line, table rows with their cells tab-separated. */
function documentText(model: DocumentModel): string {
  const lines = [model.title];
  for (const section of model.sections) {
    lines.push(section.heading);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') lines.push(block.text);
      else lines.push(...tableRows(block));
    }
  }
  return lines.join('\n');
}

function tableRows(table: DocTable): string[] {
  return Array.from({ length: table.rowCount }, (_, row) =>
    table.cells
      .filter((c) => c.row === row)
      .sort((a, b) => a.col - b.col)
      .map((c) => c.text)
      .join('\t'),
  );
}

describe('a made-up second format, defined in this file only', () => {
  it('has its grids and cells from its own tables', () => {
    const layouts = tableLayouts(fictitious);
    expect(Object.keys(layouts)).toEqual(['cases', 'training']);
    expect([layouts.cases!.rowCount, layouts.cases!.columnCount]).toEqual([5, 4]);
    expect([layouts.training!.rowCount, layouts.training!.columnCount]).toEqual([6, 2]);
    const index = cellIndex(fictitious);
    expect(index.inputs.map((c) => c.key)).toEqual(['ca.received.online', 'ca.received.counter', 'ca.done.online', 'ca.done.counter', 'ca.pending.online', 'ca.pending.counter', 'tr.sessions', 'tr.budget']);
    expect(index.totals.map((c) => c.key)).toEqual(['ca.received.total', 'ca.done.total', 'ca.pending.total']);
  });

  it('is checked with its own identities, names and sections', () => {
    const good = checkReport(demoReport(balanced));
    expect(good.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(good.figures.value('ca.received.total')).toBe(8);

    const unbalanced = checkReport(demoReport({ ...balanced, 'ca.done.online': '2' }));
    const balance = unbalanced.findings.find((f) => f.id === 'CA-BAL.online');
    expect(balance?.message).toContain('「网上」列');
    expect(balance?.message).toContain('收到件数等于办结件数加结转件数');

    const blank = checkReport(demoReport({ ...balanced, 'tr.sessions': '' }, {}));
    expect(blank.findings.find((f) => f.rule === 'V-BLANK')?.message).toContain('乙表「举办培训场次」');
    expect(blank.findings.find((f) => f.rule === 'S-EMPTY')?.location.section).toBe('summary');
  });

  it('builds its document and DOCX with its own title, headings and tables', async () => {
    const model = buildDocument(demoReport(balanced));
    expect(model.title).toBe('某某局2030年演示工作年度报告');
    expect(model.sections.map((s) => s.heading)).toEqual(['一、工作概况', '二、办件情况', '三、培训情况']);
    const tables = model.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
    expect(tables.map((t) => t.id)).toEqual(['cases', 'training']);

    const documentXml = unzipDocx(await renderDocx(model)).get('word/document.xml')!;
    const docxTables = readTables(documentXml);
    expect(docxTables).toHaveLength(2);
    expect(docxTables[0]!.regions.map((r) => r.text)).toEqual(tables[0]!.cells.map((c) => c.text));
    expect(docxTables[1]!.regions.map((r) => r.text)).toEqual(tables[1]!.cells.map((c) => c.text));
    const paragraphs = descendants(parseXml(documentXml), 'w:p').map(textOf);
    expect(paragraphs).toEqual(expect.arrayContaining(['一、工作概况', '二、办件情况', '三、培训情况', '本年度开展演示工作。']));
  });

  it('is read back from its text by the importer', () => {
    const report = demoReport(balanced);
    const source = readPlainText(documentText(buildDocument(report)));
    if (!source.ok) throw new Error(source.error);
    const reading = recogniseReport(source.value, '演示.txt', fictitious);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.value.agency).toBe('某某局');
    expect(reading.value.year).toBe(2030);
    expect(reading.value.sections.map((s) => s.key)).toEqual(['summary', 'cases', 'training']);
    const read = Object.fromEntries(reading.value.cells.filter((c) => c.value !== null).map((c) => [c.key, c.value]));
    expect(read).toEqual({ ...balanced, 'ca.received.total': '8', 'ca.done.total': '7', 'ca.pending.total': '1' });
  });

  it('has no fees: its money column keeps its own header and figure whatever the fee wording, and no fee sentence or check', () => {
    expect(feeCell(fictitious)).toBeUndefined();
    const fourDecimals = { ...demoReport(balanced), infoFee: { noticesIssued: '2', noticeAmountYuan: '100', collectedYuan: '80' } };
    fourDecimals.agency = { ...fourDecimals.agency, exportOptions: { ...fourDecimals.agency.exportOptions, feeWording: 'fourDecimals' } };
    const tables = buildDocument(fourDecimals).sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
    expect(tableRows(tables[1]!)).toEqual(['第一部分', '项目\t本年数量', '举办培训场次\t2', '第二部分', '项目\t本年金额（单位：万元）', '培训经费\t1.5']);
    expect(infoFeeSentence(fourDecimals)).toBeUndefined();
    expect(documentText(buildDocument(fourDecimals))).not.toContain('80');
    expect(checkReport(fourDecimals).findings.filter((f) => f.rule === 'V-INFOFEE' || f.rule === 'P-NO-FEES')).toEqual([]);
    // The editor offers no generated sentence: the format has no relation or fee to write one from.
    expect(Object.values(SENTENCE_KINDS).map((label) => label(fictitious))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('takes its fee column, fee words and fee sentence from its own data, prints and reads them back', () => {
    const base = demoReport(balanced, { summary: '本年度开展演示工作。' }, withFees);
    const report: Report = {
      ...base,
      agency: { ...base.agency, exportOptions: { ...base.agency.exportOptions, feeWording: 'fourDecimals' } },
      infoFee: { noticesIssued: '2', noticeAmountYuan: '100', collectedYuan: '80' },
    };
    const model = buildDocument(report);
    const training = model.sections.find((s) => s.key === 'training')!;
    const table = training.blocks.find((b): b is DocTable => b.kind === 'table')!;
    expect(tableRows(table).slice(4)).toEqual(['项目\t本年经费（单位：万元，保留2位小数）', '培训经费\t1.50']);
    expect(training.blocks[1]).toEqual({ kind: 'paragraph', text: '本年度依据《演示培训收费办法》发出缴费通知2件，通知金额100元，实收培训费80元。' });
    expect(infoFeeSentence({ ...report, infoFee: { noticesIssued: '0', noticeAmountYuan: '0', collectedYuan: '0' } })).toBe('本年度未收取培训费。');
    expect(SENTENCE_KINDS.infoFee(withFees)).toBe('培训费（第三部分）');
    expect(figureSentence('infoFee', withFees, { figures: computeFigures(report), infoFee: report.infoFee })).toBe('本年度依据《演示培训收费办法》发出缴费通知2件，通知金额100元，实收培训费80元。');

    const blank = checkReport({ ...report, infoFee: { ...report.infoFee, collectedYuan: null } });
    expect(blank.findings.find((f) => f.id === 'V-INFOFEE.collectedYuan')?.message).toBe('培训费「实收培训费（元）」未填写。第三部分应报告培训费的收取情况，没有的填0。');

    const source = readPlainText(documentText(model));
    if (!source.ok) throw new Error(source.error);
    const reading = recogniseReport(source.value, '演示.txt', withFees);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.value.report.infoFee).toEqual(report.infoFee);
    expect(reading.value.report.agency.exportOptions.feeWording).toBe('fourDecimals');
    expect(reading.value.report.values['tr.budget']).toBe('1.5');
  });

  it("is the format of the years from its first one: new reports, import and next year's report take it by their year", () => {
    expect([2021, 2029, 2030, 2035].map((year) => formatForYear(year).id)).toEqual(['2021', '2021', 'demo-2030', 'demo-2030']);
    expect(formatForYear(2015).id).toBe('2021');
    expect(blankReport(blankAgency('某某局'), 2030).formatId).toBe('demo-2030');
    expect(blankReport(blankAgency('某某局'), 2029).formatId).toBe('2021');

    const source = readPlainText(documentText(buildDocument(demoReport(balanced))));
    if (!source.ok) throw new Error(source.error);
    const reading = recogniseReport(source.value, '演示.txt');
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.value.report.formatId).toBe('demo-2030');
    expect(reading.value.report.values['ca.received.online']).toBe('5');

    const lastYear = { ...blankReport(blankAgency('某某局'), 2029), sections: { overview: '上年的总体情况。' } };
    const next = reportFromPreviousYear(lastYear, lastYear.agency, 2030);
    expect([next.formatId, next.year, next.sections, next.values]).toEqual(['demo-2030', 2030, {}, {}]);
  });

  it("is summed and reviewed in a 汇总 of its year: its cells, its tables' names, no carry-over column", async () => {
    const units = [
      { id: 1, name: '甲局', aliases: [] },
      { id: 2, name: '乙局', aliases: [] },
    ];
    const received = (id: number): ReceivedFile => ({
      id,
      fileName: `${units[id - 1]!.name}.nianbao`,
      receivedAt: '',
      byteLength: 1,
      reading: { status: 'read', agency: units[id - 1]!.name, year: 2030, sourceFormat: 'exchange', uncertainCells: 0 },
      match: { status: 'matched', unitId: id, by: 'exact' },
      revision: 1,
    });
    const reports: Record<number, Report> = { 1: demoReport(balanced), 2: demoReport({ ...balanced, 'ca.done.online': '2', 'tr.budget': '' }) };
    // Last year's reports are in the 2021 format, which carries a row over; this year's format does not.
    const review = reviewWorkspace({ units, files: [received(1), received(2)], choices: [], notes: [], reportOf: (id) => reports[id] ?? null, previousOf: () => consistentReport(2029), year: 2030 });
    expect(review.format.id).toBe('demo-2030');
    expect(review.units.map((u) => [u.row.unitName, u.row.state, u.row.places, u.row.carryOver.status])).toEqual([
      ['甲局', 'passed', [], 'unknown'],
      ['乙局', 'errors', ['甲表', '乙表'], 'unknown'],
    ]);

    const sum = sumReviewedUnits(review);
    expect(sum.formatId).toBe('demo-2030');
    const cell = (key: string) => sum.cells.find((c) => c.key === key);
    expect(cell('ca.received.total')).toMatchObject({ total: 16, complete: true });
    expect(cell('tr.budget')).toMatchObject({ total: 1.5, complete: false, blankUnits: ['乙局'] });
    expect(checkSum(sum, '某某市', 2030).findings.find((f) => f.id === 'CA-BAL.online')?.message).toContain('收到件数等于办结件数加结转件数');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reviewListXlsx(review, { title: '审核表', author: '某某市' })).buffer as ArrayBuffer);
    const reviewHeader = (workbook.getWorksheet('审核结果')!.getRow(1).values as string[]).filter(Boolean);
    expect(reviewHeader).toEqual(['序号', '单位', '状态', '错误', '警告', '提示', '未完成', '问题所在', '文字与表格矛盾', '导入待核对', '文件', '版本', '审核意见']);
    expect(workbook.getWorksheet('审核结果')!.getRow(3).getCell(8).text).toBe('甲表、乙表');

    const sumBook = new ExcelJS.Workbook();
    await sumBook.xlsx.load((await sumXlsx(sum, { title: '汇总表', author: '某某市' })).buffer as ArrayBuffer);
    const sheet = sumBook.getWorksheet('汇总')!;
    // Merged over its columns, each table's name is read once per column.
    expect(new Set((sheet.getRow(1).values as string[]).filter(Boolean))).toEqual(new Set(['序号', '单位', '甲表', '乙表']));
    const cellColumns = sheet.getRow(2).values as string[];
    const total = sheet.getRow(5);
    expect(total.getCell(2).text).toBe('合计');
    expect(total.getCell(cellColumns.indexOf('收到件数—合计')).value).toBe(16);
    expect(total.getCell(cellColumns.findIndex((label) => label?.startsWith('培训经费'))).value).toBe(1.5);
  });

  it('is not filed as a report of a year written in another format: the import reviewed under that year says why', () => {
    const source = readPlainText(documentText(buildDocument(demoReport(balanced))));
    if (!source.ok) throw new Error(source.error);
    const reading = recogniseReport(source.value, '演示.txt');
    if (!reading.ok) throw new Error(reading.error);
    const read = reading.value.report;
    const later = reportAsYear(read, 2031);
    expect(later.ok && [later.value.year, later.value.formatId, later.value.values]).toEqual([2031, 'demo-2030', read.values]);
    const earlier = reportAsYear(read, 2029);
    const older = formatForYear(2029);
    expect(earlier).toEqual({
      ok: false,
      error:
        `这份报告是按演示工作年度报告格式（演示〔2030〕1号）读出的，而2029年度的报告应按${older.name}（${older.basis}）填写，两者的表格不同，` +
        `不能作为2029年度的报告导入。请按文件中的年度导入；如确是2029年度的报告，请按${older.basis}的格式编写后再导入。`,
    });
  });

  it('prints, goes on the web and into a workbook with its own tables: their titles, labels, merges, widths and figures', async () => {
    const model = buildDocument(demoReport(balanced));
    const tables = model.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
    const grid = (table: DocTable) => table.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text }));
    const htmlGrid = (html: string) =>
      elements(parseHtml(html).document)
        .filter((e) => e.tagName === 'table')
        .map((table) => tableCells(table).map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text })));
    expect(tables.map((t) => t.title)).toEqual(['二、办件情况', '三、培训情况']);

    // The print layout: each table's grid as the document model has it, its columns in the format's millimetres.
    const print = renderPrintHtml(model, { fontBaseUrl: 'file:///fonts/' });
    expect(parseHtml(print).errors).toEqual([]);
    expect(htmlGrid(print)).toEqual(tables.map(grid));
    const printed = elements(parseHtml(print).document);
    expect(printed.filter((e) => e.tagName === 'col').map((e) => attr(e, 'style'))).toEqual([60, 32, 32, 32, 96, 60].map((mm) => `width: ${mm}mm`));
    expect(printed.filter((e) => e.tagName === 'h2').map(htmlText)).toEqual(['一、工作概况', '二、办件情况', '三、培训情况']);
    expect(htmlText(printed.find((e) => e.tagName === 'h1')!)).toBe('某某局2030年演示工作年度报告');

    // The web page: the same grids, each table captioned with its title, a figure naming its row and column.
    const web = renderWebHtml(model);
    expect(parseHtml(web).errors).toEqual([]);
    expect(htmlGrid(web)).toEqual(tables.map(grid));
    const page = elements(parseHtml(web).document);
    expect(page.filter((e) => e.tagName === 'caption').map(htmlText)).toEqual(['二、办件情况', '三、培训情况']);
    const received = page.find((e) => e.tagName === 'td' && htmlText(e) === '5')!;
    const headerIds = attr(received, 'headers')!.split(' ');
    expect(headerIds.map((id) => htmlText(page.find((e) => attr(e, 'id') === id)!))).toEqual(['办理渠道', '网上', '收到件数']);

    // The workbook: a sheet per table named by its title, every label and figure where the grid has it, figures as numbers.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(model)).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['二、办件情况', '三、培训情况']);
    tables.forEach((table, i) => {
      const sheet = workbook.worksheets[i]!;
      expect([sheet.getCell(1, 1).text, sheet.getCell(2, 1).text]).toEqual([model.title, table.title]);
      for (const cell of table.cells) {
        const value = sheet.getCell(cell.row + 3, cell.col + 1).value;
        expect(value).toEqual(cell.key !== undefined && cell.text !== '' ? Number(cell.text) : cell.text || null);
      }
      const merged = table.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => sheet.getCell(c.row + 3, c.col + 1).address);
      for (const address of merged) expect(sheet.getCell(address).isMerged).toBe(true);
    });
    expect(workbook.worksheets[1]!.getCell(8, 2).numFmt).toBe('0.0');
  });
});
