import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocTable, DocumentModel } from '../../shared/document/model.ts';
import { PAGE } from '../../shared/document/typography.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { pageWords } from '../pdf/poppler.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { numberedReport, seedReports } from './reports.ts';

/**
 * The DOCX as a word processor lays it out: LibreOffice converts it to PDF, poppler
 * reads the pages back. PNG pages of every seed report go to test-output/docx/.
 */

const PT_PER_MM = 72 / 25.4;
const hasTools = toolsAvailable('soffice', 'pdftotext', 'pdfinfo', 'pdftoppm');

function tables(model: DocumentModel): DocTable[] {
  return model.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
}

/**
 * A label in the text with all white space removed (lines wrap inside narrow cells):
 * whole, or broken once where a merged cell runs onto the next page.
 */
function labelPattern(label: string): RegExp {
  const chars = [...label.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const splits = chars.slice(1).map((_, k) => `${chars.slice(0, k + 1).join('')}[\\s\\S]{1,200}?${chars.slice(k + 1).join('')}`);
  return new RegExp([chars.join(''), ...splits].join('|'));
}

interface Word {
  readonly page: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly text: string;
}

function words(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const found: Word[] = [];
  let page = 0;
  for (const match of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (match[0] === '<page ') page++;
    else found.push({ page, xMin: Number(match[1]), xMax: Number(match[2]), text: match[3]! });
  }
  return found;
}

describe.skipIf(!hasTools)('DOCX export laid out by LibreOffice', () => {
  const out = testOutputDir('docx');
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  const numbered = buildDocument(numberedReport());
  const seeds = seedReports().map(({ id, report }) => ({ id, model: buildDocument(report) }));
  const pdf = (name: string) => join(out, `${name}.pdf`);

  beforeAll(async () => {
    const files = [{ name: 'numbered', model: numbered }, ...seeds.map(({ id, model }) => ({ name: `seed-${id}`, model }))];
    for (const { name, model } of files) writeFileSync(join(out, `${name}.docx`), await renderDocx(model));
    for (const old of readdirSync(out).filter((f) => /\.(pdf|png)$/.test(f))) rmSync(join(out, old));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files.map((f) => join(out, `${f.name}.docx`))],
      { stdio: 'ignore', timeout: 240_000 },
    );
    for (const { id } of seeds) execFileSync('pdftoppm', ['-r', '60', '-png', pdf(`seed-${id}`), join(out, `seed-${id}`)]);
  }, 300_000);

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('prints on A4 pages', () => {
    for (const name of ['numbered', ...seeds.map((s) => `seed-${s.id}`)]) {
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf(name)], { encoding: 'utf8' });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1]) / PT_PER_MM), Math.round(Number(m[2]) / PT_PER_MM)]);
      expect(sizes.length, name).toBeGreaterThanOrEqual(3);
      expect(new Set(sizes.map(String)), name).toEqual(new Set(['210,297']));
    }
  });

  it('shows every label of the three tables and every figure in its row', () => {
    const text = execFileSync('pdftotext', ['-raw', pdf('numbered'), '-'], { encoding: 'utf8' });
    const joined = text.replace(/\s+/g, '');
    const missing = tables(numbered)
      .flatMap((t) => t.cells)
      .filter((c) => c.key === undefined && !labelPattern(c.text).test(joined))
      .map((c) => c.text);
    expect(missing).toEqual([]);
    const flat = text.replace(/\s+/g, ' ');
    for (const table of tables(numbered)) {
      for (let row = table.headerRows; row < table.rowCount; row++) {
        const figures = table.cells.filter((c) => c.row === row && c.key !== undefined).map((c) => c.text);
        if (figures.length) expect(flat, `${table.id} row ${row}`).toContain(` ${figures.join(' ')} `);
      }
    }
    for (const heading of numbered.sections.map((s) => s.heading)) expect(flat).toContain(heading);
    expect(flat).toMatch(/— 1 —[\s\S]*— 2 —[\s\S]*— 3 —/);
  });

  it('keeps the tables, table 3 included, inside the type area: no column clipped', () => {
    const left = PAGE.marginLeftMm * PT_PER_MM;
    const right = (PAGE.marginLeftMm + PAGE.typeAreaWidthMm) * PT_PER_MM;
    const [, table2, , , problems] = numbered.sections.map((s) => s.heading);
    for (const name of ['numbered', ...seeds.map((s) => `seed-${s.id}`)]) {
      const all = words(pdf(name));
      // Sections 二 to 四 hold the three tables (text lines may hang a full stop into the margin).
      const inTables = all.slice(all.findIndex((w) => w.text === table2), all.findIndex((w) => w.text === problems));
      expect(inTables.map((w) => w.text), name).toEqual(expect.arrayContaining(['第二十条第（一）项', '申请人情况', '复议后起诉']));
      expect(inTables.filter((w) => w.xMin < left - 1 || w.xMax > right + 1), name).toEqual([]);
      // Table 3's last column (总计) is there, at the right edge of the type area.
      const total = inTables.filter((w) => w.text === '总计').map((w) => w.xMax);
      expect(Math.max(...total), name).toBeGreaterThan(right - 12 * PT_PER_MM);
    }
  });

  it('writes 草稿 at the top right of every page of a report with errors, and nothing there on one without', () => {
    const top = PAGE.marginTopMm * PT_PER_MM;
    const right = (PAGE.marginLeftMm + PAGE.typeAreaWidthMm) * PT_PER_MM;
    for (const { name, model } of [{ name: 'numbered', model: numbered }, ...seeds.map(({ id, model }) => ({ name: `seed-${id}`, model }))]) {
      const pages = pageWords(pdf(name));
      expect(pages.length, name).toBeGreaterThanOrEqual(3);
      pages.forEach((page, i) => {
        const header = page.words.filter((word) => word.yMin < top - 20);
        expect(header.map((word) => word.text).join(' '), `${name} page ${i + 1}`).toBe(model.draftMark ?? '');
        for (const word of header) expect(Math.abs(word.xMax - right), name).toBeLessThan(2);
      });
    }
    // The seeds with errors are marked, the one without is not.
    expect(seeds.map(({ model }) => model.draftMark !== undefined)).toContain(false);
    expect(numbered.draftMark).toBe('草稿');
  });

  it('wrote PNG pages of every seed report for people to look at', () => {
    for (const { id } of seeds) expect(readdirSync(out).filter((f) => f.startsWith(`seed-${id}-`) && f.endsWith('.png')).length).toBeGreaterThanOrEqual(3);
  });
});
