import { describe, expect, it } from 'vitest';
import { checkReport, evaluateIdentities, identities } from '../../shared/checks/index.ts';
import { cellIndex, crossCellKey, currentFormat } from '../../shared/format/index.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import type { Report } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';

const table3 = currentFormat.tables.table3;

function ids(report: Report, previous?: Report): string[] {
  return checkReport(report, previous ? { previous } : {}).findings.map((f) => f.id);
}

function withValues(report: Report, values: Record<string, string | undefined>): Report {
  const next = { ...report.values };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return { ...report, values: next };
}

function bump(report: Report, key: string, by = 1): Report {
  return withValues(report, { [key]: String(Number(report.values[key] ?? 0) + by) });
}

describe('a fully consistent report', () => {
  it('gets no finding at all', () => {
    const result = checkReport(consistentReport());
    expect(result.findings).toEqual([]);
    expect(result.counts).toEqual({ error: 0, warning: 0, hint: 0 });
  });

  it('passes all 42 identities', () => {
    const results = evaluateIdentities(computeFigures(consistentReport()));
    expect(results).toHaveLength(42);
    expect(results.every((r) => r.status === 'pass')).toBe(true);
  });

  it('derives the totals', () => {
    const figures = computeFigures(consistentReport());
    expect(figures.value('t3.newReceived.total')).toBe(75);
    expect(figures.value('t4.review.total')).toBe(12);
    const resultTotal = figures.value('t3.resultTotal.total')!;
    const carried = figures.value('t3.carriedForward.total')!;
    expect(resultTotal + carried).toBe(75 + figures.value('t3.carriedOver.total')!);
  });
});

describe('each 勾稽 rule broken in turn is caught rule by rule', () => {
  const report = consistentReport();

  it.each(table3.columns.filter((c) => !c.isTotal).map((c) => c.key))('T3-BAL.%s (typed figures)', (column) => {
    const broken = bump(report, crossCellKey(table3, 'newReceived', column));
    const found = checkReport(broken).findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => f.id).sort()).toEqual([`T3-BAL.${column}`, 'T3-BAL.total'].sort());
    const message = found.find((f) => f.id === `T3-BAL.${column}`)!.message;
    expect(message).toMatch(/一、本年新收政府信息公开申请数量（\d+）＋二、上年结转政府信息公开申请数量（\d+）＝\d+，但（七）总计（\d+）＋四、结转下年度继续办理（\d+）＝\d+，相差1/);
  });

  it.each(table3.columns.map((c) => c.key))('T3-RES.%s (stated （七）总计 differs)', (column) => {
    const key = crossCellKey(table3, 'resultTotal', column);
    const derived = computeFigures(report).value(key)!;
    const broken = { ...report, statedTotals: { [key]: String(derived + 2) } };
    const errors = checkReport(broken).findings.filter((f) => f.severity === 'error').map((f) => f.id);
    expect(errors).toContain(`T3-RES.${column}`);
    const message = checkReport(broken).findings.find((f) => f.id === `T3-RES.${column}`)!.message;
    expect(message).toContain(`（七）总计为${derived + 2}，但21项办理结果之和为${derived}，相差2`);
  });

  it.each(table3.rows.map((r) => r.key))('T3-SUM.%s (stated 总计 differs)', (row) => {
    const key = crossCellKey(table3, row, 'total');
    const derived = computeFigures(report).value(key)!;
    const broken = { ...report, statedTotals: { [key]: String(derived + 1) } };
    const finding = checkReport(broken).findings.find((f) => f.id === `T3-SUM.${row}`);
    expect(finding?.severity).toBe('error');
    expect(finding!.message).toContain(`总计为${derived + 1}，但自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和为${derived}`);
  });

  it.each(['review', 'litigationDirect', 'litigationAfterReview'])('T4-SUM.%s (stated total differs)', (group) => {
    const broken = { ...report, statedTotals: { [`t4.${group}.total`]: '5' } };
    const errors = checkReport(broken).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.id)).toEqual([`T4-SUM.${group}`]);
    expect(errors[0]!.message).toContain('总计为5，但结果维持、结果纠正、其他结果、尚未审结之和为12，相差7');
  });

  it('has 7 + 7 + 25 + 3 identities with stable ids', () => {
    const list = identities(currentFormat).map((i) => i.id);
    expect(new Set(list).size).toBe(42);
    expect(list.filter((id) => id.startsWith('T3-BAL.'))).toHaveLength(7);
    expect(list.filter((id) => id.startsWith('T3-RES.'))).toHaveLength(7);
    expect(list.filter((id) => id.startsWith('T3-SUM.'))).toHaveLength(25);
    expect(list.filter((id) => id.startsWith('T4-SUM.'))).toEqual(['T4-SUM.review', 'T4-SUM.litigationDirect', 'T4-SUM.litigationAfterReview']);
  });

  it('keeps a stated total beside the derived one', () => {
    const key = 't3.newReceived.total';
    const figures = computeFigures({ ...report, statedTotals: { [key]: '80' } });
    expect(figures.get(key).derived).toBe(75);
    expect(figures.value(key)).toBe(80);
  });
});

describe('value rules', () => {
  const report = consistentReport();

  it('V-COUNT: a count that is not a non-negative integer is an error that keeps what was typed', () => {
    for (const typed of ['-1', '1.5', 'abc', '三']) {
      const broken = withValues(report, { 't3.granted.research': typed });
      const finding = checkReport(broken).findings.find((f) => f.id === 'V-COUNT.t3.granted.research');
      expect(finding?.severity, typed).toBe('error');
      expect(finding!.message).toContain(`“${typed}”`);
      expect(finding!.message).toContain('表三「（一）予以公开」「科研机构」');
      expect(broken.values['t3.granted.research']).toBe(typed);
    }
  });

  it('V-COUNT also applies to table 2 and table 4 and to stated totals', () => {
    expect(ids(withValues(report, { 't2.licensing': '2.5' }))).toContain('V-COUNT.t2.licensing');
    expect(ids(withValues(report, { 't4.review.upheld': 'x' }))).toContain('V-COUNT.t4.review.upheld');
    expect(ids({ ...report, statedTotals: { 't4.review.total': '-3' } })).toContain('V-COUNT.t4.review.total');
  });

  it('V-FEE: money is ≥ 0 with at most 4 decimals', () => {
    expect(ids(withValues(report, { 't2.fees': '1.23456' }))).toContain('V-FEE.t2.fees');
    expect(ids(withValues(report, { 't2.fees': '-1' }))).toContain('V-FEE.t2.fees');
    expect(ids(withValues(report, { 't2.fees': '1.2345' }))).not.toContain('V-FEE.t2.fees');
    expect(ids(withValues(report, { 't2.fees': '0' }))).toEqual([]);
  });

  it('V-BLANK: a required cell left empty is reported per row with its columns', () => {
    const broken = withValues(report, { 't3.granted.research': undefined, 't3.granted.commercial': undefined });
    const finding = checkReport(broken).findings.find((f) => f.rule === 'V-BLANK')!;
    expect(finding.id).toBe('V-BLANK.table3.granted');
    expect(finding.location.cells).toEqual(['t3.granted.commercial', 't3.granted.research']);
    expect(finding.message).toContain('「（一）予以公开」行「商业企业」「科研机构」未填写');
    expect(finding.message).toContain('没有的填0');
  });

  it('a blank report reports every row blank but no arithmetic noise', () => {
    const blank = { ...report, values: {} };
    const findings = checkReport(blank).findings;
    const rules = new Set(findings.map((f) => f.rule));
    expect(rules).toEqual(new Set(['V-BLANK']));
    const blankCells = findings.flatMap((f) => f.location.cells).length;
    expect(blankCells).toBe(cellIndex(currentFormat).inputs.length);
  });

  it('V-INFOFEE: the 信息处理费 figures are validated', () => {
    const broken = { ...report, infoFee: { ...report.infoFee, collectedYuan: '12.345' } };
    const finding = checkReport(broken).findings.find((f) => f.id === 'V-INFOFEE.collectedYuan');
    expect(finding?.severity).toBe('error');
    expect(finding!.message).toContain('小数超过2位');
  });
});

describe('uncheckable rules', () => {
  it('a rule with some blanks is reported as uncheckable, naming the blanks', () => {
    const report = consistentReport();
    const broken = { ...report, statedTotals: { 't3.resultTotal.naturalPerson': null } };
    const findings = checkReport(broken).findings;
    const bal = findings.find((f) => f.id === 'T3-BAL.naturalPerson')!;
    expect(bal.severity).toBe('warning');
    expect(bal.message).toContain('无法核对');
    expect(bal.message).toContain('（七）总计');
    expect(findings.find((f) => f.id === 'T3-RES.naturalPerson')?.message).toContain('无法核对');
    expect(findings.find((f) => f.id === 'V-BLANK.table3.resultTotal')?.severity).toBe('error');
  });
});

describe('cross-year rules', () => {
  const lastYear = consistentReport(2023);
  const thisYear = withValues(consistentReport(2024), {
    ...Object.fromEntries(
      table3.columns
        .filter((c) => !c.isTotal)
        .map((c) => [crossCellKey(table3, 'carriedOver', c.key), String(computeFigures(lastYear).value(crossCellKey(table3, 'carriedForward', c.key)))]),
    ),
  });

  it('X-CARRY passes when 上年结转 equals last year\'s 结转下年度', () => {
    // The carry-over changed, so rebalance this year's 结转下年度 to keep T3-BAL.
    const balanced = withValues(
      thisYear,
      Object.fromEntries(
        table3.columns
          .filter((c) => !c.isTotal)
          .map((c) => {
            const k = (row: string) => crossCellKey(table3, row, c.key);
            const f = computeFigures(thisYear);
            return [k('carriedForward'), String(f.value(k('newReceived'))! + f.value(k('carriedOver'))! - f.value(k('resultTotal'))!)];
          }),
      ),
    );
    expect(ids(balanced, lastYear).filter((id) => id.startsWith('X-CARRY'))).toEqual([]);
    const off = bump(balanced, 't3.carriedOver.research', 1);
    const finding = checkReport(off, { previous: lastYear }).findings.find((f) => f.id === 'X-CARRY.research')!;
    expect(finding.severity).toBe('warning');
    expect(finding.message).toMatch(/二、上年结转政府信息公开申请数量为\d+，但2023年度报告的四、结转下年度继续办理为\d+，相差1/);
  });

  it('X-T2-STOCK and T2-INFORCE-LOW are hints', () => {
    const report = consistentReport();
    const low = withValues(report, { 't2.regulations.inForce': '1' });
    expect(checkReport(low).findings.find((f) => f.id === 'T2-INFORCE-LOW.regulations')?.severity).toBe('hint');
    const same = checkReport(report, { previous: consistentReport(2023) }).findings;
    expect(same.filter((f) => f.rule === 'X-T2-STOCK')).toEqual([]);
    const previous = withValues(consistentReport(2023), { 't2.regulations.inForce': '10', 't2.normativeDocuments.inForce': '31' });
    const stock = checkReport(report, { previous }).findings.filter((f) => f.rule === 'X-T2-STOCK');
    expect(stock.map((f) => f.id)).toEqual(['X-T2-STOCK.regulations', 'X-T2-STOCK.normativeDocuments']);
    expect(stock.every((f) => f.severity === 'hint')).toBe(true);
    expect(stock[0]!.message).toContain('上年现行有效10件＋本年制发3件－本年废止3件＝10件，本年现行有效填的是12件');
  });

  it('X-FEE-NOTICES: applications dropped for unpaid fees need fee notices', () => {
    const report = { ...consistentReport(), infoFee: { noticesIssued: '0', noticeAmountYuan: '0', collectedYuan: '0' } };
    expect(checkReport(report).findings.find((f) => f.id === 'X-FEE-NOTICES')?.severity).toBe('hint');
  });
});

describe('sections', () => {
  const report = consistentReport();

  it('S-EMPTY: an empty prose section is a warning with its guidance', () => {
    const finding = checkReport({ ...report, sections: { ...report.sections, problems: '  ' } }).findings.find((f) => f.id === 'S-EMPTY.problems')!;
    expect(finding.severity).toBe('warning');
    expect(finding.location.section).toBe('problems');
    expect(finding.message).toContain('「五、存在的主要问题及改进情况」还没有内容');
  });

  it('S-PLACEHOLDER and S-STARTER: template text left in', () => {
    const starter = currentFormat.sections[0]!.starters[0]!;
    const findings = checkReport({ ...report, sections: { ...report.sections, overview: starter } }).findings;
    expect(findings.find((f) => f.id === 'S-PLACEHOLDER.overview')?.message).toContain('【】');
    expect(findings.find((f) => f.id === 'S-STARTER.overview')?.message).toContain('1段示例文字尚未修改');
  });

  it('section 六 may be only the 信息处理费 figures', () => {
    expect(ids({ ...report, sections: { ...report.sections, other: '' } })).toEqual([]);
  });
});

describe('prose against tables', () => {
  const report = consistentReport();
  const say = (overview: string) => checkReport({ ...report, sections: { ...report.sections, overview } }).findings;

  it('P-NO-APPLICATIONS: text says no applications while table 3 has some', () => {
    for (const text of ['2024年度无依申请公开事项。', '本年度未收到政府信息公开申请。']) {
      const finding = say(text).find((f) => f.id === 'P-NO-APPLICATIONS');
      expect(finding?.message, text).toContain('表三本年新收政府信息公开申请总计为75件');
    }
  });

  it('P-APPLICATIONS-COUNT: text gives another number of applications', () => {
    expect(say('本年度共收到政府信息公开申请70件。').find((f) => f.id === 'P-APPLICATIONS-COUNT')?.message).toContain('70件');
  });

  it('P-NO-FEES: text says no 信息处理费 while section 六 reports notices or money collected', () => {
    const finding = say('本年度未收取信息处理费。').find((f) => f.id === 'P-NO-FEES')!;
    expect(finding.message).toContain('发出收费通知2件、收费通知总金额100元');
    expect(finding.location.cells).toEqual(['infoFee.noticesIssued', 'infoFee.noticeAmountYuan']);
    const withCollected = { ...report, infoFee: { ...report.infoFee, collectedYuan: '35.50' }, sections: { ...report.sections, other: '无收取信息处理费情况。' } };
    expect(checkReport(withCollected).findings.find((f) => f.id === 'P-NO-FEES')?.message).toContain('实际收取的信息处理费35.5元');
  });

  it('P-NO-FEES: table 2\'s 行政事业性收费 is another fee and never contradicts "no 信息处理费"', () => {
    // 淮安市 2024 and similar reports: 1.5万元 of 行政事业性收费 in table 2, no 信息处理费 at all.
    const noInfoFee = { ...withValues(report, { 't2.fees': '1.5' }), infoFee: { noticesIssued: '0', noticeAmountYuan: '0', collectedYuan: '0' } };
    for (const text of ['本年度未收取信息处理费。', '本年度未发出信息处理费收费通知，未收取信息处理费。']) {
      const findings = checkReport({ ...noInfoFee, sections: { ...noInfoFee.sections, other: text } }).findings;
      expect(findings.map((f) => f.rule), text).not.toContain('P-NO-FEES');
    }
  });

  it('P-NO-FEES: a bare "no fee" counts only in section 六, whose subject is 信息处理费', () => {
    const bare = '本年度未收取任何费用。';
    expect(checkReport({ ...report, sections: { ...report.sections, other: bare } }).findings.map((f) => f.id)).toContain('P-NO-FEES');
    expect(say(`依申请公开${bare}`).map((f) => f.id)).not.toContain('P-NO-FEES');
  });

  it('P-NO-ADMIN-FEES: "no 行政事业性收费" against table 2', () => {
    expect(say('本年度未收取行政事业性收费。').find((f) => f.id === 'P-NO-ADMIN-FEES')?.message).toContain('表二行政事业性收费金额为1.2345万元');
    expect(checkReport({ ...withValues(report, { 't2.fees': '0' }), sections: { ...report.sections, overview: '本年度未收取行政事业性收费。' } }).findings.map((f) => f.id)).not.toContain('P-NO-ADMIN-FEES');
  });

  it('prose rules read 行政复议申请, 未经复议 and 依申请公开 as what they are', () => {
    const noApps = withValues(report, Object.fromEntries(table3.columns.filter((c) => !c.isTotal).map((c) => [crossCellKey(table3, 'newReceived', c.key), '0'])));
    const sayNoApps = (overview: string) => checkReport({ ...noApps, sections: { ...noApps.sections, overview } }).findings.map((f) => f.id);
    expect(sayNoApps('本年度收到行政复议申请2件。')).not.toContain('P-APPLICATIONS-COUNT');
    expect(say('本年度未收到行政复议申请。').map((f) => f.id)).not.toContain('P-NO-APPLICATIONS');
    expect(say('未经复议直接提起行政诉讼3件，均未被法院判决败诉。').map((f) => f.id)).not.toContain('P-NO-REVIEW');
    expect(say('行政复议3件，均未被行政复议纠错。').map((f) => f.id)).not.toContain('P-NO-REVIEW');
    expect(say('本年度依申请公开政府信息2条；主动公开政府信息120条。').map((f) => f.id)).not.toContain('P-DISCLOSED-CONFLICT');
  });

  it('P-NO-REVIEW compares each word with its own columns', () => {
    const reviewOnly = withValues(report, Object.fromEntries(['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending'].map((c) => [`t4.${g}.${c}`, g === 'review' ? '1' : '0']))));
    const findings = (overview: string) => checkReport({ ...reviewOnly, sections: { ...reviewOnly.sections, overview } }).findings.filter((f) => f.id === 'P-NO-REVIEW');
    expect(findings('本年度未发生政府信息公开行政诉讼案件。')).toEqual([]);
    expect(findings('本年度未发生政府信息公开行政复议、行政诉讼案件。')[0]?.message).toContain('表四行政复议、行政诉讼共4件');
  });

  it('P-NO-REVIEW: text says no review or litigation while table 4 has cases', () => {
    expect(say('本年度未发生因政府信息公开引起的行政复议、行政诉讼。').find((f) => f.id === 'P-NO-REVIEW')).toBeDefined();
  });

  it('P-DISCLOSED-COUNT and P-DISCLOSED-CONFLICT', () => {
    const findings = say('在门户网站公开政府信息及通知公告24条。\n（一）主动公开情况\n2024年主动公开信息总数2条。');
    expect(findings.find((f) => f.id === 'P-DISCLOSED-COUNT')?.message).toContain('本年制发的规章和行政规范性文件就有6件');
    expect(findings.find((f) => f.id === 'P-DISCLOSED-CONFLICT')?.message).toContain('24条、2条');
  });

  it('P-DISCLOSED-*: a 专栏’s or a 领域’s count is a part of the year’s total, not a second total (real reports’ sentences)', () => {
    const ids = (overview: string) => say(overview).map((f) => f.id);
    const pingtan2022 =
      '持续推进基础信息公开、深化重点领域信息公开，2022年全区共主动公开政府信息14571条。设立“十四五”规划和专项规划、空间规划、区域规划专栏，本年度公开信息77条。';
    const pingtan2023 = '2023年全区共主动公开政府信息13561条。四是强化基层政务公开，持续做好稳岗就业、生态环境、惠民惠农、公共安全等重点民生领域的信息公开，公开信息1654条。';
    for (const text of [pingtan2022, pingtan2023, '本年度主动公开政府信息120条，其中主动公开政府信息12条为政策解读。']) {
      expect(ids(text)).not.toContain('P-DISCLOSED-CONFLICT');
      expect(ids(text)).not.toContain('P-DISCLOSED-COUNT');
    }
    // Two totals still contradict each other, whatever 领域 the sentence before names.
    expect(ids('深化重点领域信息公开，全区共主动公开政府信息120条。全年主动公开政府信息100条。')).toContain('P-DISCLOSED-CONFLICT');
  });
});
