import { describe, expect, it } from 'vitest';
import { checkReport, evaluateIdentities } from '../../shared/checks/index.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { toFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

/**
 * The five real reports' hand-read figures (test/fixtures/seeds, copied from the
 * project's shared seeds). Every figure-related known problem must be reported.
 */
const seeds = loadSeeds();

/** Per seed: identity statuses, counted by hand on the seed (none fails), and the findings its knownProblems call for. */
const expectations: Record<string, { pass: number; uncheckable: number; findings: Record<string, string[]> }> = {
  '000_0d2bbb24978e26fe': {
    pass: 37,
    uncheckable: 5,
    findings: {
      'table2 行政规范性文件 现行有效件数 is blank': ['V-BLANK.table2.normativeDocuments'],
      "table3 row '(七) 总计' (resultTotal) is printed with two empty cells": ['V-BLANK.table3.resultTotal'],
      'the rule newReceived + carriedOver = resultTotal + carriedForward cannot be checked': ['T3-BAL.naturalPerson', 'T3-BAL.commercial'],
      'resultTotal should equal the sum of the 21 result rows (0) but is blank': ['T3-RES.naturalPerson', 'T3-RES.commercial'],
      'the total column (0) cannot be fully checked': ['T3-SUM.resultTotal'],
    },
  },
  '001_20272e85d49a1cc6': {
    pass: 42,
    uncheckable: 0,
    findings: {
      'table2 规章 现行有效件数 is blank': ['V-BLANK.table2.regulations'],
      'table2 行政规范性文件 现行有效件数 is blank': ['V-BLANK.table2.normativeDocuments'],
    },
  },
  '002_02b0b34086fdfbea': {
    pass: 42,
    uncheckable: 0,
    findings: {
      'Prose (一)主动公开情况 says 2021年主动公开信息总数22条': ['P-DISCLOSED-COUNT'],
      'Prose contradicts itself': ['P-DISCLOSED-CONFLICT'],
    },
  },
  '003_5735e3b36cf6f9b6': {
    pass: 1,
    uncheckable: 41,
    findings: {
      'no issuing body is printed': ['S-AGENCY'],
      'the six applicant columns': ['V-BLANK.table3.newReceived', 'V-BLANK.table3.granted', 'V-BLANK.table3.carriedForward'],
      'all 21 result rows': ['V-BLANK.table3.other.other', 'T3-RES.total'],
      'cannot be checked in any row': ['T3-SUM.newReceived', 'T3-SUM.carriedOver', 'T3-SUM.resultTotal', 'T3-SUM.carriedForward'],
      'table4: only the three 总计 cells': ['V-BLANK.table4.cases', 'T4-SUM.review', 'T4-SUM.litigationDirect', 'T4-SUM.litigationAfterReview'],
    },
  },
  '004_796925a18fab7523': {
    pass: 38,
    uncheckable: 4,
    findings: {
      "table3 rows '一、本年新收' and '二、上年结转' are printed with only 6 values": ['V-BLANK.table3.newReceived', 'V-BLANK.table3.carriedOver'],
      'table3 column otherOrg': ['T3-BAL.otherOrg'],
      'cannot be fully checked because otherOrg is missing': ['T3-SUM.newReceived', 'T3-SUM.carriedOver'],
      'table4 has only 14 columns': ['V-BLANK.table4.cases', 'T4-SUM.litigationAfterReview'],
    },
  },
};

describe.each(seeds.map((s) => [s.id, s] as const))('seed %s', (id, seed) => {
  const expected = expectations[id]!;

  it('maps onto the report model and back to exactly the fixture figures', () => {
    const figures = toFixtureFigures(computeFigures(seed.report));
    const { table2, table3, table4 } = seed.fixture;
    const { feesUnitNote: _note, ...table2Figures } = table2;
    expect(figures.table2).toEqual(table2Figures);
    expect(figures.table3).toEqual(table3);
    expect(figures.table4).toEqual(table4);
  });

  it('gives the identity statuses counted by hand on the seed (no failure)', () => {
    const results = evaluateIdentities(computeFigures(seed.report));
    expect(results.filter((r) => r.status === 'pass')).toHaveLength(expected.pass);
    expect(results.filter((r) => r.status === 'uncheckable')).toHaveLength(expected.uncheckable);
    expect(results.filter((r) => r.status === 'fail')).toHaveLength(0);
  });

  it('reports every figure-related known problem', () => {
    const found = new Map(checkReport(seed.report).findings.map((f) => [f.id, f]));
    for (const [problem, ids] of Object.entries(expected.findings)) {
      expect(seed.fixture.knownProblems.some((p) => p.includes(problem)), `fixture mentions “${problem}”`).toBe(true);
      for (const findingId of ids) {
        expect(found.has(findingId), `${findingId} for “${problem}”`).toBe(true);
        expect(found.get(findingId)!.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('reports no arithmetic error: the seeds violate no identity', () => {
    const errors = checkReport(seed.report).findings.filter((f) => /^T[34]-/.test(f.id) && f.severity === 'error');
    expect(errors).toEqual([]);
  });
});
