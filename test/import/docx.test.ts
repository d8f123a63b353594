import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../../shared/document/build.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { currentFormat } from '../../shared/format/index.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { testOutputDir } from '../support/tools.ts';
import { importBytes, printable } from './support.ts';
import { TABLE3_ROWS, TABLE4, wordLikeDocx } from './wordLike.ts';

describe('DOCX written by Word or WPS', () => {
  it('reads the Word template offices circulate: every heading, every cell found and blank', async () => {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'circulating-template.docx')));
    const result = await importBytes(bytes, 'template.docx');
    expect(result.sections.map((s) => s.heading)).toEqual(currentFormat.sections.map((s) => s.heading));
    expect(result.cells.filter((c) => c.status !== 'blank')).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result.feesUnitNote).toBe('单位：万元');
  });

  it('reads headings numbered automatically, four separate table-2 tables and merged table-3 cells', async () => {
    const bytes = await wordLikeDocx();
    writeFileSync(join(testOutputDir('import'), 'word-like.docx'), bytes);
    const result = await importBytes(bytes, 'word-like.docx');
    expect(result.agency).toBe('青山县自然资源局');
    expect(result.year).toBe(2023);
    expect(result.sections.every((s) => s.heading !== null)).toBe(true);
    expect(result.sections.find((s) => s.key === 'overview')!.text).toBe('2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。');
    const values = result.report.values;
    expect(values).toMatchObject({
      't2.regulations.issued': '1',
      't2.normativeDocuments.issued': '12',
      't2.normativeDocuments.inForce': '40',
      't2.licensing': '356',
      't2.punishment': '1024',
      't2.fees': '1.25',
    });
    expect(result.feesUnitNote).toBe('单位：万元，保留4位小数');
  });

  it('places table-3 figures under the printed header and leaves the column it lacks blank', async () => {
    const result = await importBytes(await wordLikeDocx(), 'word-like.docx');
    const printed = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService'];
    for (const [row, figures] of Object.entries(TABLE3_ROWS)) {
      printed.forEach((column, i) => {
        const figure = figures[i]!;
        const cell = result.cells.find((c) => c.key === `t3.${row}.${column}`)!;
        expect(cell.value, cell.key).toBe(/^\d+$/.test(figure) ? figure : null);
      });
      expect(result.report.statedTotals[`t3.${row}.total`]).toBe(figures[5] === '' ? null : figures[5]);
      expect(result.cells.find((c) => c.key === `t3.${row}.otherOrg`)).toMatchObject({ status: 'missing', value: null });
    }
    expect(result.cells.find((c) => c.key === 't3.partiallyGranted.commercial')).toMatchObject({ status: 'blank', raw: '—' });
  });

  it('ignores text deleted in tracked changes', async () => {
    const result = await importBytes(await wordLikeDocx(), 'word-like.docx');
    expect(result.cells.find((c) => c.key === 't2.normativeDocuments.issued')).toMatchObject({ value: '12', raw: '12', confidence: 'high' });
  });

  it('reads table 4 by its three-level header', async () => {
    const result = await importBytes(await wordLikeDocx(), 'word-like.docx');
    const figures = computeFigures(result.report);
    const keys = result.cells.filter((c) => c.table === 'table4').map((c) => c.key);
    expect(keys.map((k) => figures.value(k))).toEqual(TABLE4.map(Number));
  });
});

describe('DOCX exported by Nianbao imports back to an identical report', () => {
  it.each(loadSeeds().map((s) => [s.id, s] as const))('seed %s', async (id, seed) => {
    const bytes = await renderDocx(buildDocument(seed.report));
    const result = await importBytes(bytes, `${id}.docx`);
    expect(result.report).toEqual(printable(seed.report));
    expect(result.issues.filter((i) => i.level === 'warning' && !i.where.startsWith('标题'))).toEqual([]);
  });

  it('with every option: contact details, fee wording, signature date, 信息处理费 and decimals', async () => {
    const base = consistentReport();
    const report = {
      ...base,
      values: { ...base.values, 't2.fees': '1.5', 't3.granted.naturalPerson': '1234' },
      agency: {
        ...base.agency,
        name: '某某市人民政府办公室（市政府研究室）',
        website: '某某市人民政府',
        websiteUrl: 'http://www.example.gov.cn/',
        address: '某某市人民路1号',
        exportOptions: { ...base.agency.exportOptions, feeWording: 'fourDecimals' as const, signatureDate: '2025-01-20' },
      },
      infoFee: { noticesIssued: '2', noticeAmountYuan: '35.50', collectedYuan: '20' },
    };
    const result = await importBytes(await renderDocx(buildDocument(report)), 'options.docx');
    const { statedTotals, ...rest } = result.report;
    expect(rest).toEqual((({ statedTotals: _none, ...r }) => r)(printable(report)));
    const derived = computeFigures(report);
    for (const [key, value] of Object.entries(statedTotals)) expect(value, key).toBe(derived.get(key).text);
  });
});
