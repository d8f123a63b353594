import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { checkCells } from './cellCheck.ts';
import { importBytes } from './support.ts';

/** Markdown as PDF-to-Markdown converters write it, beyond what the property test mangles. */
const FORMS_DIR = join(import.meta.dirname, '..', 'fixtures', 'text-forms');
const seed = loadSeeds().find((s) => s.id.startsWith('004'))!;
const markdown = readFileSync(join(FORMS_DIR, `${seed.id}.gfm.md`), 'utf8');

describe('Markdown from converters', () => {
  it('reads 规范性文件 as 行政规范性文件, and says the label differs', async () => {
    const result = await importBytes(new TextEncoder().encode(markdown.replace('| 行政规范性文件 ', '| 规范性文件     ')), 'x.md');
    expect(checkCells(result, seed.report).wrong).toEqual([]);
    const issued = result.cells.find((c) => c.key === 't2.normativeDocuments.issued')!;
    expect(issued).toMatchObject({ status: 'read', value: '36', confidence: 'medium' });
    expect(issued.note).toContain('规范性文件');
  });

  it('finds the sections under headings numbered otherwise (1. / 第一部分), with the same texts and figures', async () => {
    const original = await importBytes(new TextEncoder().encode(markdown), 'x.md');
    const numerals = ['一', '二', '三', '四', '五', '六'];
    // How the heading is written in Markdown, and as it reads once the marks are gone.
    const renumberings = [
      { mark: '## ', number: (i: number) => `${i + 1}. ` },
      { mark: '**', number: (i: number) => `第${numerals[i]}部分 ` },
    ];
    for (const { mark, number } of renumberings) {
      const text = markdown.replace(/^# ([一二三四五六])、/gm, (_, numeral: string) => `${mark}${number(numerals.indexOf(numeral))}`);
      expect(text).not.toMatch(/^# [一二三四五六]、/m);
      const result = await importBytes(new TextEncoder().encode(text), 'x.md');
      expect(result.sections.map((section) => section.heading)).toEqual(original.sections.map((section, i) => `${number(i)}${section.heading!.slice(2)}`));
      expect(result.sections.map((section) => section.text)).toEqual(original.sections.map((section) => section.text));
      expect(checkCells(result, seed.report)).toEqual(checkCells(original, seed.report));
    }
  });

  it('reads the other sections and every figure when a heading is missing', async () => {
    const text = markdown.replace(/^# 五、.*$/m, '');
    const result = await importBytes(new TextEncoder().encode(text), 'x.md');
    expect(result.sections.filter((section) => section.heading === null).map((section) => section.key)).toEqual(['problems']);
    const { wrong, notRead } = checkCells(result, seed.report);
    expect(wrong).toEqual([]);
    expect(notRead).toEqual(checkCells(await importBytes(new TextEncoder().encode(markdown), 'x.md'), seed.report).notRead);
  });
});

/** A crawler's text of a web page: the whole report on one line, table cells run together (test/fixtures/real). */
const runOn = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'real', 'pingtan-2022.crawl.txt'), 'utf8');

function cellsOf(result: Awaited<ReturnType<typeof importBytes>>, prefix: string) {
  return result.cells.filter((c) => c.key.startsWith(prefix));
}

describe('a report run together on one line', () => {
  it('finds the six headings inside the line, and the title after its 标题: field name', async () => {
    const result = await importBytes(new TextEncoder().encode(runOn), 'page.txt');
    expect(result.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政法复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(result.agency).toBe('平潭综合实验区');
    expect(result.year).toBe(2022);
    expect(result.sections[4]!.text).toMatch(/^2022年，平潭综合实验区政府信息公开工作取得了一定成绩/);
  });

  it('splits figures run together only where the split is certain: one column, all zeros, or one digit a cell with the row’s sums holding', async () => {
    const result = await importBytes(new TextEncoder().encode(runOn), 'page.txt');
    const values = (prefix: string) => cellsOf(result, prefix).map((c) => c.value);
    expect(values('t2.regulations.')).toEqual(['0', '0', '0']);
    expect(values('t2.licensing')).toEqual(['10690']);
    expect(values('t2.fees')).toEqual(['9116.36']);
    expect(values('t3.carriedOver.')).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(values('t3.partiallyGranted.')).toEqual(['8', '1', '0', '0', '0', '0', '9']);
    // Separated by spaces in the source: placed by count.
    expect(values('t4.')).toEqual(['0', '1', '1', '0', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0']);
  });

  it('leaves a run unplaced when its digits could be split more than one way', async () => {
    const result = await importBytes(new TextEncoder().encode(runOn), 'page.txt');
    for (const prefix of ['t2.normativeDocuments.', 't3.newReceived.', 't3.resultTotal.']) {
      const cells = cellsOf(result, prefix);
      expect(cells.map((c) => c.status)).toEqual(cells.map(() => 'unplaced'));
      expect(cells[0]!.note).toContain('连在一起印出');
    }
  });

  it('leaves one digit a cell unplaced when the row’s 总计 is not the sum of its columns', async () => {
    const mangled = runOn.replace('6.属于四类过程性信息 2000002', '6.属于四类过程性信息 2000003');
    expect(mangled).not.toBe(runOn);
    const result = await importBytes(new TextEncoder().encode(mangled), 'page.txt');
    expect(cellsOf(result, 't3.denied.processInfo.').map((c) => c.status)).toEqual(Array(7).fill('unplaced'));
    expect(cellsOf(result, 't3.denied.enforcementFiles.').map((c) => c.value)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
  });
});
