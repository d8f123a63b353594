import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../shared/figures/figures.ts';
import { toFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { importFile } from '../../services/import/index.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import type { Seed } from '../fixtures/seedReports.ts';

/**
 * Real reports vary beyond the five seeds. Each seed is rewritten the ways published
 * reports differ (brackets, spaces, broken labels, page headers, encodings, layout of
 * the extracted table) and must still import to exactly its fixture figures.
 */
const seeds = loadSeeds();

const variants: Record<string, (text: string) => string> = {
  'full-width brackets and colons become half-width': (t) => t.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ','),
  'half-width brackets become full-width': (t) => t.replace(/\(/g, '（').replace(/\)/g, '）'),
  'extra spaces inside labels and around figures': (t) =>
    t.replace(/(公开|处理|申请|结果|总计|维持)/g, ' $1 ').replace(/\t(\d+)(?=\t|$)/gm, '\t $1 '),
  'row numbers written 1、 instead of 1.': (t) => t.replace(/(\t|^)(\d)\.\s?/gm, '$1$2、'),
  'a different page header and page number in the middle of table 3': (t) =>
    t.replace(/^(.*予以公开.*)$/m, '$1\n\n第 2 页 共 6 页\n××县××局2021年政府信息公开工作年度报告\n- 2 -'),
  'CRLF line endings and a byte order mark': (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`,
  'Markdown heading marks and list bullets on the headings': (t) =>
    t.replace(/^(?:#+\s*)?([一二三四五六]、(?:总体情况|主动公开|收到和处理|政府信息公开行政|存在的|其他需要))/gm, '- **$1').replace(/^(- \*\*.*)$/gm, '$1**'),
  'noise symbols and empty tags between table rows': (t) => t.replace(/^(.*部分公开.*)$/m, '<b></b>\t•\t\n$1\n\t·\t\t'),
  'full-width digits in the table cells': (t) =>
    t.replace(/\t(\d+)(?=\t|$)/gm, (_, d: string) => `\t${[...d].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')}`),
};

/** The seeds whose tables are tab-separated rows (the others are one cell per line). */
const tabbed = seeds.filter((s) => !s.id.startsWith('002'));

/** Rewrites a tab-separated table into one cell per line (tab-led), rows separated by blank lines, labels broken over lines. */
function oneCellPerLine(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      const cells = line.split('\t');
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      const broken = cells.map((c) => (c.length > 6 && !/^\d/.test(c) ? `${c.slice(0, 4)}\n${c.slice(4)}` : c));
      return `\n${broken.map((c) => `\t${c}`).join('\n')}\n`;
    })
    .join('\n');
}

async function figuresOf(text: string, name: string, encode: (t: string) => Uint8Array = (t) => new TextEncoder().encode(t)) {
  const result = await importFile({ bytes: encode(text), name });
  if (!result.ok) throw new Error(result.error);
  const { report, feesUnitNote } = result.value;
  return { figures: toFixtureFigures(computeFigures(report), feesUnitNote ?? undefined), result: result.value };
}

function expectFixture(figures: Awaited<ReturnType<typeof figuresOf>>['figures'], seed: Seed, unitNote: string | undefined): void {
  const { feesUnitNote: _printed, ...table2 } = seed.fixture.table2;
  const { feesUnitNote: _read, ...readTable2 } = figures.table2;
  expect(readTable2).toEqual(table2);
  expect(figures.table2.feesUnitNote).toBe(unitNote);
  expect(figures.table3).toEqual(seed.fixture.table3);
  expect(figures.table4).toEqual(seed.fixture.table4);
}

describe.each(Object.entries(variants))('variant: %s', (_name, rewrite) => {
  it.each(seeds.map((s) => [s.id, s] as const))('seed %s imports to its fixture figures', async (id, seed) => {
    const text = rewrite(seed.text);
    const { figures, result } = await figuresOf(text, `${id}.txt`);
    const printedUnit = /本年收费金额\s*[（(]([^）)]*)[)）]/.exec(text)?.[1]?.replace(/\s+/g, '');
    expectFixture(figures, seed, printedUnit);
    expect(result.sections.every((s) => s.heading !== null)).toBe(true);
    expect(result.year).toBe(seed.fixture.year);
  });
});

describe('variant: tables extracted one cell per line, labels broken over lines', () => {
  it.each(tabbed.map((s) => [s.id, s] as const))('seed %s imports to its fixture figures', async (id, seed) => {
    const { figures } = await figuresOf(oneCellPerLine(seed.text), `${id}.txt`);
    expectFixture(figures, seed, seed.fixture.table2.feesUnitNote);
  });
});

describe('variant: text files in GB18030 (the usual encoding of Chinese Windows)', () => {
  it('imports the same figures as the UTF-8 file', async () => {
    const seed = seeds[4]!;
    const gb = new Map<string, number[]>();
    // Encode with a decoder round trip: every character of the seed that GB18030 can hold.
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([hi, lo]));
        if (char.length === 1 && !gb.has(char)) gb.set(char, [hi, lo]);
      }
    }
    const encode = (t: string) => new Uint8Array([...t].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (gb.get(c) ?? [0x3f]))));
    const bytes = encode(seed.text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { figures, result } = await figuresOf(seed.text, 'gb.txt', encode);
    expectFixture(figures, seed, seed.fixture.table2.feesUnitNote);
    expect(result.agency).toBe(seed.fixture.agency);
  });
});
