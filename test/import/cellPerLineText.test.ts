import { describe, expect, it } from 'vitest';
import { importPasted } from '../../services/import/index.ts';
import type { CellReading, ImportResult } from '../../services/import/index.ts';

/**
 * Text with a table cell per line and no tabs, as `mutool draw -F txt` and pdfminer's
 * `pdf2txt.py` write a PDF's tables: read row by row when each label is followed by its
 * figures; never placed, and never called blank, when the figures stand apart from the
 * rows (pdfminer prints tables column by column) or the header does not say which
 * columns a short row fills.
 */

function imported(text: string): ImportResult {
  const result = importPasted({ text });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function cellsOf(result: ImportResult, prefix: string): CellReading[] {
  return result.cells.filter((c) => c.key.startsWith(prefix));
}

const TABLE3_HEADER = ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

describe('a cell per line, row by row (mutool)', () => {
  it('reads a label followed by one figure a line as that row', () => {
    const result = imported([...TABLE3_HEADER, '', '一、本年新收政府信息公开申请数量', '5', '1', '0', '0', '2', '0', '8', ''].join('\n'));
    expect(cellsOf(result, 't3.newReceived.').map((c) => c.value)).toEqual(['5', '1', '0', '0', '2', '0', '8']);
  });

  it('reads the figures of a wrapped label printed after a blank line, and table 4 as a run of figure lines', () => {
    const t4 = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '', ...Array.from({ length: 15 }, (_, i) => String(i % 3))];
    const text = [...TABLE3_HEADER, '', '1.申请人无正当理由逾期', '不补正、行政机关不再处', '理其政府信息公开申请', '', '1', '0', '0', '0', '0', '0', '1', '', ...t4].join('\n');
    const result = imported(text);
    expect(cellsOf(result, 't3.other.overdueCorrection.').map((c) => c.value)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(cellsOf(result, 't4.').map((c) => c.value)).toEqual(Array.from({ length: 15 }, (_, i) => String(i % 3)));
  });

  it('leaves a row with fewer figures than columns unplaced: a blank cell prints no line', () => {
    const result = imported([...TABLE3_HEADER, '', '一、本年新收政府信息公开申请数量', '5', '5', ''].join('\n'));
    expect(cellsOf(result, 't3.newReceived.').map((c) => c.status)).toEqual(Array(7).fill('unplaced'));
  });

  it('does not place a short row under the few header words that were not broken over lines', () => {
    // 自然人 and the organisations' names are broken (`自然` / `人`): only 其他 and 总计 are found whole.
    const header = ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然', '人', '法人或其他组织', '总计', '商业', '企业', '科研', '机构', '其他'];
    const result = imported([...header, '', '一、本年新收政府信息公开申请数量', '3', '3', ''].join('\n'));
    expect(cellsOf(result, 't3.newReceived.').map((c) => c.value)).toEqual(Array(7).fill(null));
    expect(cellsOf(result, 't3.newReceived.').map((c) => c.status)).toEqual(Array(7).fill('unplaced'));
  });
});

describe('tables printed column by column (pdfminer)', () => {
  it('places no figure of table 3 and calls no cell blank', () => {
    const text = [...TABLE3_HEADER, '', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '', '自然人', '5', '3', '', '总计', '6', '3', ''].join('\n');
    const result = imported(text);
    const rows = [...cellsOf(result, 't3.newReceived.'), ...cellsOf(result, 't3.carriedOver.')];
    expect(rows.map((c) => c.value)).toEqual(Array(14).fill(null));
    expect(rows.map((c) => c.status)).toEqual(Array(14).fill('unplaced'));
    expect(result.issues.some((i) => i.level === 'warning' && i.message.includes('原文不是按行排列的'))).toBe(true);
  });

  it('places no figure of table 2 and calls no cell blank', () => {
    const text = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '规章', '行政规范性文件', '', '本年制发件数', '1', '2', '', '本年废止件数', '0', '0', ''].join('\n');
    const result = imported(text);
    const rows = [...cellsOf(result, 't2.regulations.'), ...cellsOf(result, 't2.normativeDocuments.')];
    expect(rows.map((c) => c.value)).toEqual(Array(6).fill(null));
    expect(rows.map((c) => c.status)).toEqual(Array(6).fill('unplaced'));
  });
});

describe('table 2 rows in text where a blank cell prints nothing', () => {
  const table2 = (rows: readonly string[]): string => ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', ...rows].join('\n');

  it('reads a full row, one figure a line or one space apart', () => {
    const result = imported(table2(['规章', '1', '2', '3', '行政规范性文件 4 5 6']));
    expect([...cellsOf(result, 't2.regulations.'), ...cellsOf(result, 't2.normativeDocuments.')].map((c) => c.value)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('leaves a row with fewer figures than columns unplaced: which cell is blank is not printed', () => {
    const result = imported(table2(['规章', '1', '2', '', '行政规范性文件 4 5']));
    const rows = [...cellsOf(result, 't2.regulations.'), ...cellsOf(result, 't2.normativeDocuments.')];
    expect(rows.map((c) => c.status)).toEqual(Array(6).fill('unplaced'));
  });

  it('still reads a tab-separated row whose last cells are left off as blank there', () => {
    const result = imported(table2(['规章\t1\t2']));
    expect(cellsOf(result, 't2.regulations.').map((c) => [c.status, c.value])).toEqual([['read', '1'], ['read', '2'], ['blank', null]]);
  });
});
