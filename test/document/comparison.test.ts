import { describe, expect, it } from 'vitest';
import { buildComparisonDocument } from '../../shared/document/comparison.ts';
import type { DocTable } from '../../shared/document/model.ts';
import { compareYears } from '../../shared/figures/comparison.ts';
import { cellIndex, currentFormat } from '../../shared/format/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { continuedReport, seedAsYear } from '../fixtures/lastYearReports.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

describe('this year beside last year', () => {
  const lastYear = consistentReport(2025);
  const thisYear = continuedReport(lastYear);

  it('lists every figure of tables 2–4 and 信息处理费 with the change and the percentage', () => {
    const rows = compareYears(thisYear, lastYear);
    expect(rows).toHaveLength(cellIndex(currentFormat).all.length + 3);
    const granted = rows.find((r) => r.key === 't3.granted.naturalPerson')!;
    expect(granted).toMatchObject({ label: '（一）予以公开（自然人）', now: 2, before: 1, change: 1, percent: 100 });
    const fee = rows.find((r) => r.key === 't2.fees')!;
    expect(fee).toMatchObject({ now: 1.2345, before: 1.2345, change: 0, percent: 0 });
  });

  it('never guesses: a year without the figure has no change, last year 0 has no percentage', () => {
    const seed = loadSeeds().find((s) => s.id.startsWith('003'))!;
    const rows = compareYears(continuedReport(seedAsYear(seed, 2025)), seedAsYear(seed, 2025));
    const blank = rows.find((r) => r.key === 't3.granted.naturalPerson')!;
    expect(blank).toMatchObject({ now: null, before: null, change: null, percent: null });
    const fromZero = rows.filter((r) => r.before === 0 && r.now !== null);
    expect(fromZero.length).toBeGreaterThan(0);
    for (const row of fromZero) expect(row).toMatchObject({ change: row.now, percent: null });
    expect(compareYears(thisYear, undefined).every((r) => r.before === null && r.change === null)).toBe(true);
  });

  it('as a document: one table per part, 项目 / 本年 / 上年 / 增减 / 增减幅度', () => {
    const model = buildComparisonDocument(thisYear, lastYear);
    expect(model.title).toBe('湖滨区政府办2026年与2025年政府信息公开工作数据对比');
    expect(model.sections.map((s) => s.heading)).toEqual([
      ...(['table2', 'table3', 'table4'] as const).map((id) => currentFormat.sections.find((s) => s.table === id)!.heading),
      '六、其他需要报告的事项（信息处理费）',
    ]);
    const table = model.sections[1]!.blocks[0] as DocTable;
    expect(table.cells.slice(0, 5).map((c) => c.text)).toEqual(['项目', '本年', '上年', '增减', '增减幅度']);
    const row = table.cells.filter((c) => c.row === table.cells.find((x) => x.key === 't3.granted.naturalPerson')!.row).map((c) => c.text);
    expect(row).toEqual(['（一）予以公开（自然人）（件）', '2', '1', '+1', '+100.0%']);
  });
});
