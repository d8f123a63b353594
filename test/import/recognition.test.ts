import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../shared/figures/figures.ts';
import { currentFormat } from '../../shared/format/index.ts';
import { toFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { restoreIdeographs } from '../../services/import/text/ideographs.ts';
import { matchLabel } from '../../shared/text/labels.ts';
import { isPageFurniture } from '../../services/import/text/pageFurniture.ts';
import { locateSections } from '../../services/import/text/sections.ts';
import { parseTitle, yearFromPeriod } from '../../services/import/text/title.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { importBytes } from './support.ts';

/** The pieces that make imports tolerant, and the rules that keep them from guessing. */

const format = currentFormat;
const t3 = format.tables.table3;
const headings = format.sections.map((s) => s.heading);

/** A plain-text report: the six headings, table 3 rows as given (label, then cells), nothing else. */
function reportText(table3Rows: readonly string[], header = ['', '', '', ...t3.columns.map((c) => c.path[c.path.length - 1])].join('\t')): string {
  return [
    '某县某局2024年政府信息公开工作年度报告',
    headings[0],
    '本年度工作情况。',
    headings[1],
    headings[2],
    header,
    ...table3Rows,
    headings[3],
    headings[4],
    '一是问题。',
    headings[5],
    '无。',
  ].join('\n');
}

const label = (key: string) => {
  const row = t3.rows.find((r) => r.key === key)!;
  return row.path[row.path.length - 1]!;
};

describe('title, agency and year', () => {
  it.each([
    [['湖滨区政府办2021年政府信息公开工作年度报告'], '湖滨区政府办', 2021],
    [['2019年上海市人民政府办公厅政府信息公开工作年度报告'], '上海市人民政府办公厅', 2019],
    [['济宁经济技术开发区党工委组织部', '2021年政府信息公开工作年度报告'], '济宁经济技术开发区党工委组织部', 2021],
    [['# 某市自然资源和规划局（市林业局）2023年度政府信息', '公开工作年度报告'], '某市自然资源和规划局（市林业局）', 2023],
    [['## 2021'], null, 2021],
  ])('%j', (lines, agency, year) => {
    expect(parseTitle(lines, format)).toMatchObject({ agency, year });
  });

  it('takes the year from the statistics period when the title has none', () => {
    expect(yearFromPeriod('本报告所列数据的统计期限自２０２２年１月１日起至２０２２年１２月３１日止。')).toBe(2022);
  });
});

describe('section headings', () => {
  it('are found as printed, without their automatic numeral, with OCR errors, and not as list items of a paragraph', () => {
    const lines = ['一、总体情况', '内容', '主动公开政府信息情况', '**三、收到和处理政府信息公开申请情况**', '四、政府信息公开行政复议、行政诉讼情況', '五、政府信息公开工作存在的主要问题及改进情况', '六、其他需要报告的事项。'];
    const location = locateSections(lines, format);
    expect(location.missing).toEqual([]);
    expect(location.ranges.map((r) => r.heading)).toEqual([0, 2, 3, 4, 5, 6]);
    expect(locateSections(['一、2021年工作开展情况'], format).missing).toContain('overview');
  });
});

describe('label matching', () => {
  it('tolerates width, spaces, 1、 and small OCR errors, and knows a prefix from a whole label', () => {
    expect(matchLabel('(三) 不予\n公开', '（三）不予公开')?.kind).toBe('exact');
    expect(matchLabel('1、属于国家秘密', '1.属于国家秘密')?.kind).toBe('exact');
    expect(matchLabel('3.危及"三安全一稳定"', '3.危及“三安全一稳定”')?.kind).toBe('exact');
    expect(matchLabel('(二)', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')?.kind).toBe('prefix');
    expect(matchLabel('1.属于国家秘蜜', '1.属于国家秘密')?.kind).toBe('fuzzy');
    expect(matchLabel('问不甲纪', '尚未审结')).toBeUndefined();
  });

  it('restores the ideographs a PDF text layer gives as radicals', () => {
    expect(restoreIdeographs('⼀、本年新收，⻓期⾏政')).toBe('一、本年新收，长期行政');
  });

  it('recognises page headers and page numbers', () => {
    expect(isPageFurniture(['1/29', '', '川汇区信访问2021年政府信息公开工作中度报告'])).toBe(true);
    expect(isPageFurniture(['— 3 —'])).toBe(true);
    expect(isPageFurniture(['第 2 页 共 6 页'])).toBe(true);
    expect(isPageFurniture(['行政处罚', '3'])).toBe(false);
  });
});

describe('values are placed only where there is no doubt', () => {
  it('a row with fewer cells than the header has columns is unplaced, not filled left to right', async () => {
    const result = await importBytes(new TextEncoder().encode(reportText([`${label('newReceived')}\t3\t1\t4`])), 'r.txt');
    const row = result.cells.filter((c) => c.key.startsWith('t3.newReceived.'));
    expect(row.every((c) => c.status === 'unplaced' && c.value === null && c.raw === '3 1 4')).toBe(true);
    expect(result.issues.some((i) => i.message.includes('无法确定各数所属的列'))).toBe(true);
    expect(result.report.values['t3.newReceived.naturalPerson']).toBeUndefined();
  });

  it('a dash is blank and a letter is unreadable; neither becomes a figure', async () => {
    const cells = ['—', 'l0', '0', '0', '0', '0', '1'];
    const result = await importBytes(new TextEncoder().encode(reportText([`${label('granted')}\t${cells.join('\t')}`])), 'r.txt');
    expect(result.cells.find((c) => c.key === 't3.granted.naturalPerson')).toMatchObject({ status: 'blank', value: null, raw: '—' });
    expect(result.cells.find((c) => c.key === 't3.granted.commercial')).toMatchObject({ status: 'unreadable', value: null, raw: 'l0', confidence: 'low' });
    expect(result.report.statedTotals['t3.granted.total']).toBe('1');
  });

  it('a row that is not printed is missing, its total stated blank', async () => {
    const result = await importBytes(new TextEncoder().encode(reportText([`${label('granted')}\t1\t0\t0\t0\t0\t0\t1`])), 'r.txt');
    expect(result.cells.find((c) => c.key === 't3.carriedOver.naturalPerson')).toMatchObject({ status: 'missing', value: null });
    expect(result.report.statedTotals['t3.carriedOver.total']).toBeNull();
    expect(result.issues.some((i) => i.message.includes(label('carriedOver')))).toBe(true);
  });

  it('thousands separators and full-width digits are read as the figure printed', async () => {
    const cells = ['１，２３４', '1,000', '0', '0', '0', '0', '2,234'];
    const result = await importBytes(new TextEncoder().encode(reportText([`${label('granted')}\t${cells.join('\t')}`])), 'r.txt');
    expect(result.report.values['t3.granted.naturalPerson']).toBe('1234');
    expect(result.report.values['t3.granted.commercial']).toBe('1000');
    expect(result.report.statedTotals['t3.granted.total']).toBe('2234');
  });
});

describe('a table under a heading that cannot be read', () => {
  it('is still found, and the missing heading is reported', async () => {
    const seed = loadSeeds().find((s) => s.id.startsWith('004'))!;
    const text = seed.text.replace('三、收到和处理政府信息公开申请情况', '三、收到和处理申请情况');
    const result = await importBytes(new TextEncoder().encode(text), '004.txt');
    expect(result.sections.find((s) => s.key === 'requests')!.heading).toBeNull();
    expect(toFixtureFigures(computeFigures(result.report)).table3).toEqual(seed.fixture.table3);
    expect(result.issues.some((i) => i.message.includes('在其他位置找到了表三'))).toBe(true);
    expect(result.sections.find((s) => s.key === 'proactive')!.text).not.toContain('本年新收');
  });
});
