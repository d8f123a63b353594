import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkReport, evaluateIdentities } from '../../shared/checks/index.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { toFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { importFile } from '../../services/import/index.ts';
import type { ImportResult } from '../../services/import/index.ts';
import { loadSeeds, SEEDS_DIR } from '../fixtures/seedReports.ts';

/**
 * The five real published reports (plain text) import to exactly their hand-read
 * figures, and the checks then report what the fixture's figures report.
 */
const seeds = loadSeeds();

/** Identity statuses on the seeds, counted by hand (none fails). */
const IDENTITIES: Record<string, { pass: number; uncheckable: number }> = {
  '000_0d2bbb24978e26fe': { pass: 37, uncheckable: 5 },
  '001_20272e85d49a1cc6': { pass: 42, uncheckable: 0 },
  '002_02b0b34086fdfbea': { pass: 42, uncheckable: 0 },
  '003_5735e3b36cf6f9b6': { pass: 1, uncheckable: 41 },
  '004_796925a18fab7523': { pass: 38, uncheckable: 4 },
};

async function importSeed(id: string): Promise<ImportResult> {
  const result = await importFile({ path: join(SEEDS_DIR, `${id}.txt`) });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Findings about figures (values, identities), by id. */
function figureFindings(result: ReturnType<typeof checkReport>): string[] {
  return result.findings.filter((f) => /^(V|T[234])-/.test(f.id)).map((f) => `${f.id} ${f.message}`).sort();
}

describe.each(seeds.map((s) => [s.id, s] as const))('seed %s imported from text', (id, seed) => {
  it('gives exactly the fixture figures, nulls where the fixture has null, and the fee unit as printed', async () => {
    const result = await importSeed(id);
    const figures = toFixtureFigures(computeFigures(result.report), result.feesUnitNote ?? undefined);
    expect(figures.table2).toEqual(seed.fixture.table2);
    expect(figures.table3).toEqual(seed.fixture.table3);
    expect(figures.table4).toEqual(seed.fixture.table4);
  });

  it('finds the agency, the year and the six section headings', async () => {
    const result = await importSeed(id);
    expect(result.agency).toBe(seed.fixture.agency);
    expect(result.year).toBe(seed.fixture.year);
    expect(result.sections.map((s) => s.heading)).toEqual(seed.fixture.sections);
    expect(result.report.agency.name).toBe(seed.fixture.agency ?? '');
  });

  it('keeps every total as printed beside the derived one, and the checks report the known problems', async () => {
    const result = await importSeed(id);
    const identities = evaluateIdentities(computeFigures(result.report));
    expect(identities.filter((r) => r.status === 'pass')).toHaveLength(IDENTITIES[id]!.pass);
    expect(identities.filter((r) => r.status === 'uncheckable')).toHaveLength(IDENTITIES[id]!.uncheckable);
    expect(identities.filter((r) => r.status === 'fail')).toHaveLength(0);
    expect(figureFindings(checkReport(result.report))).toEqual(figureFindings(checkReport(seed.report)));
  });

  it('says for every cell what was read and how sure, and never fills a blank', async () => {
    const result = await importSeed(id);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.cells).toHaveLength(200);
    for (const cell of result.cells) {
      expect(cell.value === null).toBe(cell.status !== 'read');
      if (cell.status !== 'read') expect(result.report.values[cell.key]).toBeUndefined();
      if (cell.status === 'read' && cell.confidence !== 'high') expect(cell.note).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('what the seeds make the importer say', () => {
  it('reports the OCR noise it removed and the page header it skipped (seed 001)', async () => {
    const result = await importSeed('001_20272e85d49a1cc6');
    const punishment = result.cells.find((c) => c.key === 't2.punishment')!;
    expect(punishment).toMatchObject({ status: 'read', value: '0', raw: 'T政处罚 0', confidence: 'medium' });
    expect(result.issues.some((i) => i.message.includes('1/29'))).toBe(true);
    expect(result.issues.some((i) => i.message.includes('六、其他需要报告的事项') && i.message.includes('不止一次'))).toBe(true);
    expect(result.sections.find((s) => s.key === 'other')!.text).toBe('未收取信息处理费。');
  });

  it('marks the columns a header lacks as missing, not zero (seed 004)', async () => {
    const result = await importSeed('004_796925a18fab7523');
    const otherOrg = result.cells.find((c) => c.key === 't3.newReceived.otherOrg')!;
    expect(otherOrg).toMatchObject({ status: 'missing', value: null });
    expect(otherOrg.note).toContain('其他');
    const afterReviewTotal = result.cells.find((c) => c.key === 't4.litigationAfterReview.total')!;
    expect(afterReviewTotal).toMatchObject({ status: 'missing', value: null, isTotal: true });
    expect(result.report.statedTotals['t4.litigationAfterReview.total']).toBeNull();
    expect(result.cells.find((c) => c.key === 't3.newReceived.naturalPerson')).toMatchObject({ value: '1', confidence: 'medium' });
  });

  it('keeps a blank printed total blank instead of deriving it (seed 000)', async () => {
    const result = await importSeed('000_0d2bbb24978e26fe');
    expect(result.cells.find((c) => c.key === 't3.resultTotal.naturalPerson')).toMatchObject({ status: 'blank', raw: '' });
    expect(result.report.statedTotals['t3.resultTotal.naturalPerson']).toBeNull();
    expect(result.report.values['t2.normativeDocuments.inForce']).toBeUndefined();
    expect(result.feesUnitNote).toBe('单位:万元,保留4位小数');
    expect(result.report.agency.exportOptions.feeWording).toBe('fourDecimals');
  });

  it('reads the preamble, the title over two lines and the contact details (seed 002)', async () => {
    const result = await importSeed('002_02b0b34086fdfbea');
    expect(result.title).toBe('济宁经济技术开发区党工委组织部2021年政府信息公开工作年度报告');
    expect(result.preamble).toMatch(/^本报告由/);
    expect(result.report.agency).toMatchObject({ website: '中国·济宁', websiteUrl: 'http://jkq.jining.gov.cn/', phone: '0537-6980882' });
    expect(result.report.agency.exportOptions.includePreamble).toBe(true);
  });
});
