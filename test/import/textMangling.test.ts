import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { checkCells } from './cellCheck.ts';
import { importBytes } from './support.ts';

/**
 * Property: text forms mangled the ways extraction and converters mangle them — spacing
 * changed where it carries no column, labels wrapped, page furniture inserted, Markdown
 * tables cut into fragments with separators and labels on rows of their own — never make
 * the import place a wrong figure. Figures may go missing or unplaced; none may be wrong.
 */
const FORMS_DIR = join(import.meta.dirname, '..', 'fixtures', 'text-forms');
const seeds = loadSeeds();
const FURNITURE = ['- 3 -', '—2—', '第 2 页 共 6 页', '××县××局2021年政府信息公开工作年度报告', '\f', '1/29'];
const FIGURES_AFTER_LABEL = /^(\s*)(\S.*?\S)( {2,})(\d.*)$/;

type Mangle = (lines: string[]) => string[];

/** Layout text: a label's words spaced apart, the gap after it shortened as much (the figures keep their columns). */
function spaceLabel(at: number, where: number): Mangle {
  return (lines) => {
    const i = at % lines.length;
    const match = FIGURES_AFTER_LABEL.exec(lines[i]!);
    if (!match || match[3]!.length < 3) return lines;
    const label = Array.from(match[2]!);
    const cut = 1 + (where % Math.max(1, label.length - 1));
    const copy = [...lines];
    copy[i] = `${match[1]}${label.slice(0, cut).join('')} ${label.slice(cut).join('')}${match[3]!.slice(1)}${match[4]}`;
    return copy;
  };
}

/** Layout text: a row label wrapped, its end on the next line under its start (as pdftotext prints a wrapped cell). */
function wrapLabel(at: number, where: number): Mangle {
  return (lines) => {
    const i = at % lines.length;
    const match = FIGURES_AFTER_LABEL.exec(lines[i]!);
    if (!match) return lines;
    const label = Array.from(match[2]!);
    if (label.length < 6) return lines;
    const cut = 3 + (where % (label.length - 4));
    const copy = [...lines];
    copy.splice(i, 1, `${match[1]}${label.slice(0, cut).join('')}${' '.repeat(label.length - cut)}${match[3]}${match[4]}`, `${match[1]}${label.slice(cut).join('')}`);
    return copy;
  };
}

function insertFurniture(at: number, which: number): Mangle {
  return (lines) => {
    const copy = [...lines];
    copy.splice(at % (lines.length + 1), 0, FURNITURE[which % FURNITURE.length]!);
    return copy;
  };
}

/** The same indentation added to every line (a viewer's margin). */
function indentAll(spaces: number): Mangle {
  return (lines) => lines.map((l) => (l.trim() === '' ? l : `${' '.repeat(spaces)}${l}`));
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;

/** Markdown: a separator row inserted after a table row. */
function separatorAfter(at: number): Mangle {
  return (lines) => {
    const i = at % lines.length;
    if (!PIPE_ROW.test(lines[i]!)) return lines;
    const columns = lines[i]!.split('|').length - 2;
    const copy = [...lines];
    copy.splice(i + 1, 0, `|${'---|'.repeat(columns)}`);
    return copy;
  };
}

/** Markdown: the table cut after a row, a page number between the fragments. */
function fragmentAfter(at: number, which: number): Mangle {
  return (lines) => {
    const i = at % lines.length;
    if (!PIPE_ROW.test(lines[i]!) || !PIPE_ROW.test(lines[i + 1] ?? '')) return lines;
    const copy = [...lines];
    copy.splice(i + 1, 0, '', FURNITURE[which % 4]!, '');
    return copy;
  };
}

/** Markdown: a row's label on a row of its own, its figures on the next row with the label cells empty. */
function labelRowAbove(at: number): Mangle {
  return (lines) => {
    const i = at % lines.length;
    if (!PIPE_ROW.test(lines[i]!)) return lines;
    const cells = lines[i]!.trim().slice(1, -1).split('|');
    const first = cells.findIndex((c) => /^\s*\d[\d.]*\s*$/.test(c));
    if (first <= 0 || !/\p{Script=Han}/u.test(cells.slice(0, first).join(''))) return lines;
    const labels = cells.map((c, k) => (k < first ? c : ' '));
    const figures = cells.map((c, k) => (k < first ? ' ' : c));
    const copy = [...lines];
    copy.splice(i, 1, `|${labels.join('|')}|`, `|${figures.join('|')}|`);
    return copy;
  };
}

/** Markdown: spaces inside cells. */
function padCells(at: number, spaces: number): Mangle {
  return (lines) => {
    const i = at % lines.length;
    if (!PIPE_ROW.test(lines[i]!)) return lines;
    const copy = [...lines];
    copy[i] = lines[i]!.replace(/\|/g, `${' '.repeat(spaces % 4)}|${' '.repeat(spaces % 3)}`).trim();
    return copy;
  };
}

const position = fc.nat({ max: 2000 });
const layoutMangle = fc.oneof(
  fc.tuple(position, fc.nat()).map(([a, b]) => spaceLabel(a, b)),
  fc.tuple(position, fc.nat()).map(([a, b]) => wrapLabel(a, b)),
  fc.tuple(position, fc.nat()).map(([a, b]) => insertFurniture(a, b)),
  fc.integer({ min: 1, max: 6 }).map(indentAll),
);
const markdownMangle = fc.oneof(
  position.map(separatorAfter),
  fc.tuple(position, fc.nat()).map(([a, b]) => fragmentAfter(a, b)),
  position.map(labelRowAbove),
  fc.tuple(position, fc.nat()).map(([a, b]) => padCells(a, b)),
  fc.tuple(position, fc.nat()).map(([a, b]) => insertFurniture(a, b)),
);

/**
 * Whether a page break was put between table 3's first header line and its first row. Words
 * stacked in a column are never joined across a page (pdftotext lays each page out on its own
 * character grid), so such a header's columns stay unknown and table 3 may go unread: missing,
 * never wrong.
 */
function pageBreakInTable3Header(lines: readonly string[]): boolean {
  const top = lines.findIndex((l) => l.includes('申请人情况'));
  const firstRow = lines.findIndex((l, i) => i > top && l.includes('一、本年新收'));
  return top >= 0 && lines.slice(top + 1, firstRow < 0 ? undefined : firstRow).some((l) => l.trim() === '' && l.includes('\f'));
}

/** The wrong figures of the mangled file, and whether table 3 was read at all (a mangled table is still a table). */
async function importMangled(file: string, mangles: readonly Mangle[]): Promise<{ wrong: readonly string[]; table3Read: boolean }> {
  const seed = seeds.find((s) => file.startsWith(s.id))!;
  const lines = mangles.reduce<string[]>((text, mangle) => mangle(text), readFileSync(join(FORMS_DIR, file), 'utf8').split('\n'));
  const result = await importBytes(new TextEncoder().encode(lines.join('\n')), file);
  const table3Read = result.cells.some((c) => c.table === 'table3' && c.status === 'read') || pageBreakInTable3Header(lines);
  return { wrong: checkCells(result, seed.report).wrong, table3Read };
}

const RUNS = 25;

describe('mangled text forms never give a wrong figure', () => {
  it('layout text: labels spaced and wrapped, page furniture, indentation', async () => {
    const files = seeds.flatMap((s) => [`${s.id}.layout.txt`, `${s.id}.lo-layout.txt`]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.array(layoutMangle, { minLength: 1, maxLength: 12 }), async (file, mangles) => {
        const { wrong, table3Read } = await importMangled(file, mangles);
        expect(wrong).toEqual([]);
        expect(table3Read).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('Markdown: separators anywhere, fragments, labels on rows of their own, padded cells', async () => {
    const files = seeds.map((s) => `${s.id}.gfm.md`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.array(markdownMangle, { minLength: 1, maxLength: 12 }), async (file, mangles) => {
        const { wrong, table3Read } = await importMangled(file, mangles);
        expect(wrong).toEqual([]);
        expect(table3Read).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
