import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../services/cli/main.ts';
import { parseReport, serializeReport } from '../../shared/model/serialize.ts';
import { loadSeeds, SEEDS_DIR } from '../fixtures/seedReports.ts';

/** `nianbao import` and `nianbao figures`. */

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

const seeds = loadSeeds();

describe('nianbao figures', () => {
  it.each(seeds.map((s) => [s.id, s] as const))('prints the fixture figures of seed %s (text)', async (id, seed) => {
    const { code, out } = await run('figures', join(SEEDS_DIR, `${id}.txt`));
    expect(code).toBe(0);
    const { knownProblems: _problems, ...fixture } = seed.fixture;
    expect(JSON.parse(out)).toEqual(fixture);
  });

  it('prints the figures of a report file, totals as stated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-figures-'));
    const seed = seeds[0]!;
    const file = join(dir, 'report.json');
    writeFileSync(file, serializeReport(seed.report));
    const { code, out } = await run('figures', file);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as Record<string, unknown>;
    const { feesUnitNote: _note, ...table2 } = seed.fixture.table2;
    expect(printed).toMatchObject({ source: 'report.json', agency: seed.fixture.agency, year: seed.fixture.year, table2, table3: seed.fixture.table3, table4: seed.fixture.table4 });
  });

  it('says why a file cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-figures-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const { code, err } = await run('figures', join(dir, 'empty.txt'));
    expect(code).toBe(1);
    expect(err).toContain('空文件');
    expect((await run('figures')).code).toBe(2);
  });
});

describe('nianbao import', () => {
  it('writes a report file and lists what to check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const out = join(dir, '004.json');
    const { code, out: printed } = await run('import', join(SEEDS_DIR, '004_796925a18fab7523.txt'), '-o', out);
    expect(code).toBe(0);
    expect(printed).toContain('机关：湖滨区政府办　年度：2021　章节：找到 6/6');
    expect(printed).toContain('表头中没有“申请人情况—法人或其他组织—其他”列');
    const report = parseReport(readFileSync(out, 'utf8'));
    expect(report.ok && report.value.values['t2.normativeDocuments.issued']).toBe('36');
    const again = await run('import', join(SEEDS_DIR, '004_796925a18fab7523.txt'), '-o', out);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
  });

  it('prints the whole reading as JSON with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const { code, out } = await run('import', join(SEEDS_DIR, '001_20272e85d49a1cc6.txt'), '-o', join(dir, 'r.json'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { cells: { key: string; raw: string | null }[]; issues: unknown[] };
    expect(result.cells).toHaveLength(200);
    expect(result.cells.find((c) => c.key === 't2.punishment')?.raw).toBe('T政处罚 0');
  });

  it('exits 1 with the reason for a file that is not a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    writeFileSync(join(dir, 'note.txt'), '购物清单\n苹果\n梨');
    const { code, err } = await run('import', join(dir, 'note.txt'), '-o', join(dir, 'note.json'));
    expect(code).toBe(1);
    expect(err).toContain('看起来不是政府信息公开工作年度报告');
  });
});
