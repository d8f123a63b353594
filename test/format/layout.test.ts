import { describe, expect, it } from 'vitest';
import { cellIndex, currentFormat, formatById, tableLayouts } from '../../shared/format/index.ts';
import type { GridCell, TableLayout } from '../../shared/format/index.ts';

/** (row, col, rowSpan, colSpan, text) of a grid: its span list, as read off the official form. */
function spans(layout: TableLayout): [number, number, number, number, string][] {
  return layout.cells.map((c: GridCell) => [c.row, c.col, c.rowSpan, c.colSpan, c.content.type === 'label' ? c.content.text : `data ${c.content.key}`]);
}

/** Every grid position is covered by exactly one cell. */
function expectTiled(layout: TableLayout): void {
  const covered = new Map<string, number>();
  for (const c of layout.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) covered.set(`${r},${k}`, (covered.get(`${r},${k}`) ?? 0) + 1);
    }
  }
  expect(covered.size).toBe(layout.rowCount * layout.columnCount);
  expect([...covered.values()].every((n) => n === 1)).toBe(true);
}

const layouts = tableLayouts(currentFormat);

describe('the 2021 format as data', () => {
  it('has the six section headings in order', () => {
    expect(currentFormat.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(currentFormat.sections.filter((s) => s.table).map((s) => s.table)).toEqual(['table2', 'table3', 'table4']);
    for (const section of currentFormat.sections) expect(section.guidance.length).toBeGreaterThan(10);
  });

  it('is registered by its format id', () => {
    expect(currentFormat.id).toBe('2021');
    expect(formatById('2021')).toBe(currentFormat);
    expect(formatById('2019')).toBeUndefined();
  });

  it('has 10 + 175 + 15 = 200 data cells with unique keys, kinds and units', () => {
    const index = cellIndex(currentFormat);
    expect(index.byTable.table2).toHaveLength(10);
    expect(index.byTable.table3).toHaveLength(175);
    expect(index.byTable.table4).toHaveLength(15);
    expect(index.byKey.size).toBe(200);
    expect(index.byKey.get('t2.fees')).toMatchObject({ kind: 'money', unit: '万元' });
    expect(index.all.filter((c) => c.kind === 'money')).toHaveLength(1);
    // Derived: the 总计 column (25), the （七）总计 row (6 more), table 4's three totals.
    expect(index.totals).toHaveLength(25 + 6 + 3);
    expect(index.byKey.get('t3.resultTotal.naturalPerson')!.sumOf).toHaveLength(21);
    expect(index.byKey.get('t4.litigationAfterReview.total')!.sumOf).toEqual([
      't4.litigationAfterReview.upheld',
      't4.litigationAfterReview.corrected',
      't4.litigationAfterReview.other',
      't4.litigationAfterReview.pending',
    ]);
  });

  it('orders totals after their operands', () => {
    const order = cellIndex(currentFormat).totals.map((c) => c.key);
    for (const [i, cell] of cellIndex(currentFormat).totals.entries()) {
      for (const operand of cell.sumOf!) {
        const j = order.indexOf(operand);
        expect(j === -1 || j < i).toBe(true);
      }
    }
  });

  it('fits every table into the 156 mm type area', () => {
    for (const layout of Object.values(layouts)) {
      expect(layout.columnWidthsMm).toHaveLength(layout.columnCount);
      expect(layout.columnWidthsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(156, 6);
    }
  });
});

describe('table 2 grid (the official span list)', () => {
  const layout = layouts.table2;

  it('is 14 × 4 with the normative spans', () => {
    expect([layout.rowCount, layout.columnCount]).toEqual([14, 4]);
    expectTiled(layout);
    expect(spans(layout)).toEqual([
      [0, 0, 1, 4, '第二十条第（一）项'],
      [1, 0, 1, 1, '信息内容'],
      [1, 1, 1, 1, '本年制发件数'],
      [1, 2, 1, 1, '本年废止件数'],
      [1, 3, 1, 1, '现行有效件数'],
      [2, 0, 1, 1, '规章'],
      [2, 1, 1, 1, 'data t2.regulations.issued'],
      [2, 2, 1, 1, 'data t2.regulations.repealed'],
      [2, 3, 1, 1, 'data t2.regulations.inForce'],
      [3, 0, 1, 1, '行政规范性文件'],
      [3, 1, 1, 1, 'data t2.normativeDocuments.issued'],
      [3, 2, 1, 1, 'data t2.normativeDocuments.repealed'],
      [3, 3, 1, 1, 'data t2.normativeDocuments.inForce'],
      [4, 0, 1, 4, '第二十条第（五）项'],
      [5, 0, 1, 1, '信息内容'],
      [5, 1, 1, 3, '本年处理决定数量'],
      [6, 0, 1, 1, '行政许可'],
      [6, 1, 1, 3, 'data t2.licensing'],
      [7, 0, 1, 4, '第二十条第（六）项'],
      [8, 0, 1, 1, '信息内容'],
      [8, 1, 1, 3, '本年处理决定数量'],
      [9, 0, 1, 1, '行政处罚'],
      [9, 1, 1, 3, 'data t2.punishment'],
      [10, 0, 1, 1, '行政强制'],
      [10, 1, 1, 3, 'data t2.coercion'],
      [11, 0, 1, 4, '第二十条第（八）项'],
      [12, 0, 1, 1, '信息内容'],
      [12, 1, 1, 3, '本年收费金额（单位：万元）'],
      [13, 0, 1, 1, '行政事业性收费'],
      [13, 1, 1, 3, 'data t2.fees'],
    ]);
  });

  it('prints the fee header in the wording the agency chose', () => {
    const variant = tableLayouts(currentFormat, { feeWording: 'fourDecimals' }).table2;
    expect(spans(variant).find((s) => s[0] === 12 && s[1] === 1)![4]).toBe('本年收费金额（单位：万元，保留4位小数）');
  });
});

describe('table 3 grid (the official span list)', () => {
  const layout = layouts.table3;
  const labels = spans(layout).filter((s) => !s[4].startsWith('data '));

  it('is 28 × 10 with three header rows, fully tiled', () => {
    expect([layout.rowCount, layout.columnCount, layout.headerRows]).toEqual([28, 10, 3]);
    expectTiled(layout);
  });

  it('has the normative header and label spans', () => {
    const expected: [number, number, number, number, string][] = [
      [0, 0, 3, 3, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'],
      [0, 3, 1, 7, '申请人情况'],
      [1, 3, 2, 1, '自然人'],
      [1, 4, 1, 5, '法人或其他组织'],
      [1, 9, 2, 1, '总计'],
      [2, 4, 1, 1, '商业企业'],
      [2, 5, 1, 1, '科研机构'],
      [2, 6, 1, 1, '社会公益组织'],
      [2, 7, 1, 1, '法律服务机构'],
      [2, 8, 1, 1, '其他'],
      [3, 0, 1, 3, '一、本年新收政府信息公开申请数量'],
      [4, 0, 1, 3, '二、上年结转政府信息公开申请数量'],
      [5, 0, 22, 1, '三、本年度办理结果'],
      [5, 1, 1, 2, '（一）予以公开'],
      [6, 1, 1, 2, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
      [7, 1, 8, 1, '（三）不予公开'],
      [15, 1, 3, 1, '（四）无法提供'],
      [18, 1, 5, 1, '（五）不予处理'],
      [23, 1, 3, 1, '（六）其他处理'],
      [26, 1, 1, 2, '（七）总计'],
      [27, 0, 1, 3, '四、结转下年度继续办理'],
    ];
    for (const span of expected) expect(labels).toContainEqual(span);
    const subLabels = labels.filter((s) => s[1] === 2 && s[2] === 1 && s[3] === 1).map((s) => s[4]);
    expect(subLabels).toEqual([
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
      '1.本机关不掌握相关政府信息',
      '2.没有现成信息需要另行制作',
      '3.补正后申请内容仍不明确',
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
    ]);
    expect(labels).toHaveLength(expected.length + subLabels.length);
  });

  it('puts the 175 data cells at rows 3–27, columns 3–9, in fixture column order', () => {
    const data = layout.cells.filter((c) => c.content.type === 'data');
    expect(data).toHaveLength(175);
    expect(data.every((c) => c.row >= 3 && c.col >= 3 && c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
    const row3 = data.filter((c) => c.row === 3).map((c) => (c.content.type === 'data' ? c.content.key : ''));
    expect(row3).toEqual(['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((k) => `t3.newReceived.${k}`));
  });
});

describe('table 4 grid (the official span list)', () => {
  it('is 4 × 15 with the two-level header', () => {
    const layout = layouts.table4;
    expect([layout.rowCount, layout.columnCount, layout.headerRows]).toEqual([4, 15, 3]);
    expectTiled(layout);
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(spans(layout).filter((s) => s[0] < 3)).toEqual([
      [0, 0, 1, 5, '行政复议'],
      [0, 5, 1, 10, '行政诉讼'],
      ...outcomes.map((text, i) => [1, i, 2, 1, text]),
      [1, 5, 1, 5, '未经复议直接起诉'],
      [1, 10, 1, 5, '复议后起诉'],
      ...outcomes.map((text, i) => [2, 5 + i, 1, 1, text]),
      ...outcomes.map((text, i) => [2, 10 + i, 1, 1, text]),
    ]);
    const keys = spans(layout).filter((s) => s[0] === 3).map((s) => s[4]);
    expect(keys).toEqual(
      ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `data t4.${g}.${o}`)),
    );
  });
});
