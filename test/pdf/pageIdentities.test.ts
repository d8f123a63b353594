import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocumentModel } from '../../shared/document/model.ts';
import type { Report } from '../../shared/model/report.ts';
import { renderPrintHtml } from '../../shared/print/renderPrintHtml.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { pageIdentities } from '../../renderer/pdf/pageIdentities.ts';
import { readPdfObjects } from '../../renderer/pdf/pdfObjects.ts';
import { seedReports } from '../docx/reports.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { startTestPrinter } from '../support/testPrinter.ts';

/**
 * The preview takes over the pictures of pages a change left as they were
 * (renderer/pdf/pageIdentities.ts): two pages with the same identity must draw the same
 * picture, checked here on real prints by drawing every page with poppler; a file not
 * written as Chromium writes PDFs, or damaged, gives no identities instead of wrong ones.
 */

const available = toolsAvailable('chromium', 'pdftoppm');
const outDir = testOutputDir('pdf-page-identities');

let printer: PdfPrinter;
let fontBaseUrl: string;
const printed = new Map<string, string>();

beforeAll(async () => {
  if (!available) return;
  ({ printer, fontBaseUrl } = await startTestPrinter());
});

afterAll(async () => {
  await printer?.close();
});

function model(report: Report): DocumentModel {
  const { draftMark: _, ...rest } = buildDocument(report);
  return rest;
}

/** Prints `report` as the preview does; the file's path. */
async function print(name: string, report: Report): Promise<string> {
  const pdf = await printer.print(renderPrintHtml(model(report), { fontBaseUrl }));
  if (!pdf.ok) throw new Error(pdf.error);
  const file = join(outDir, `${name}.pdf`);
  writeFileSync(file, pdf.value);
  printed.set(name, file);
  return file;
}

function binary(file: string): string {
  return readFileSync(file).toString('latin1');
}

/** Every page drawn by poppler (pdftoppm, 40 dpi), as PNG bytes in page order. */
function pictures(file: string): Buffer[] {
  const prefix = `${file.slice(0, -4)}-page`;
  execFileSync('pdftoppm', ['-r', '40', '-png', file, prefix]);
  const dir = outDir;
  const base = prefix.slice(dir.length + 1);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => readFileSync(join(dir, f)));
}

const report = (): Report => seedReports()[1]!.report;
const withFigure = (base: Report, key: string, figure: string): Report => ({ ...base, values: { ...base.values, [key]: figure } });
const withOverview = (base: Report, text: string): Report => ({ ...base, sections: { ...base.sections, overview: text } });

describe.runIf(available)('page identities of printed reports', { timeout: 120_000 }, () => {
  it('are the same for every page of the same report printed twice', async () => {
    const first = pageIdentities(binary(await print('base', report())));
    const again = pageIdentities(binary(await print('base-again', report())));
    expect(first).toBeDefined();
    expect(first!.every((identity) => identity !== undefined)).toBe(true);
    expect(again).toEqual(first);
    expect(new Set(first).size, 'no two pages of a report draw alike').toBe(first!.length);
  });

  it('change only for the page whose figure changed', async () => {
    const base = report();
    const before = pageIdentities(binary(await print('base', base)))!;
    const key = 't3.newReceived.naturalPerson';
    const after = pageIdentities(binary(await print('figure', withFigure(base, key, String(Number(base.values[key] ?? 0) + 7)))))!;
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((identity, index) => (identity === before[index] ? [] : [index + 1]));
    expect(changed).toHaveLength(1);
  });

  it('change for page 1 when the overview on it changes, and for every page after a change moves the text down', async () => {
    const base = report();
    const before = pageIdentities(binary(await print('base', base)))!;
    const overview = base.sections.overview ?? '';
    const retouched = pageIdentities(binary(await print('overview', withOverview(base, overview.replace(/。/, '；')))))!;
    expect(retouched[0]).not.toBe(before[0]);
    const longer = pageIdentities(binary(await print('overview-longer', withOverview(base, `${overview}\n${'本年度持续推进政务公开标准化规范化建设。'.repeat(12)}`))))!;
    expect(longer.filter((identity, index) => identity === before[index])).toEqual([]);
  });

  it('are the same only for pages that draw the same picture (every page drawn by poppler)', async () => {
    const base = report();
    const variants: [string, Report][] = [
      ['v-figure-t2', withFigure(base, 't2.regulations.issued', '9')],
      ['v-figure-t4', withFigure(base, 't4.review.upheld', '123')],
      ['v-overview', withOverview(base, `${base.sections.overview ?? ''}补充一句。`)],
    ];
    const baseFile = printed.get('base') ?? (await print('base', base));
    const baseIds = pageIdentities(binary(baseFile))!;
    const basePictures = pictures(baseFile);
    let same = 0;
    for (const [name, variant] of variants) {
      const file = await print(name, variant);
      const ids = pageIdentities(binary(file))!;
      const drawn = pictures(file);
      ids.forEach((identity, i) =>
        baseIds.forEach((baseIdentity, j) => {
          if (identity !== baseIdentity) return;
          same++;
          expect(drawn[i]!.equals(basePictures[j]!), `${name} page ${i + 1} vs base page ${j + 1}`).toBe(true);
        }),
      );
    }
    // The test would pass vacuously if no page ever kept its identity.
    expect(same).toBeGreaterThan(variants.length);
  });

  it('change for exactly the pages drawing a content stream whose bytes were altered', async () => {
    const file = printed.get('base') ?? (await print('base', report()));
    const pdf = binary(file);
    const before = pageIdentities(pdf)!;
    // Content streams are FlateDecode bytes between "stream\n" and "endstream": flip one byte inside one.
    const contents = [...pdf.matchAll(/\/Contents (\d+) 0 R/g)].map((m) => Number(m[1]));
    const objects = readPdfObjects(pdf);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: contents.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (which, where) => {
        const stream = objects.read(contents[which]!).stream!;
        const start = pdf.indexOf(stream);
        const at = start + Math.min(stream.length - 1, Math.floor(where * stream.length));
        const flipped = pdf.slice(0, at) + String.fromCharCode(pdf.charCodeAt(at) ^ 0x5a) + pdf.slice(at + 1);
        const after = pageIdentities(flipped)!;
        const changed = after.flatMap((identity, index) => (identity === before[index] ? [] : [index + 1]));
        expect(changed).toEqual([which + 1]);
      }),
      { numRuns: 40 },
    );
  });

  it('are not given for a damaged file, and reading one never throws', async () => {
    const pdf = binary(printed.get('base') ?? (await print('base', report())));
    const pages = pageIdentities(pdf)!.length;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: pdf.length - 1 }).map((cut) => pdf.slice(0, cut)),
          fc.tuple(fc.integer({ min: 0, max: pdf.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => pdf.slice(0, at) + String.fromCharCode(byte) + pdf.slice(at + 1)),
          fc.tuple(fc.integer({ min: 0, max: pdf.length }), fc.string({ maxLength: 20 })).map(([at, text]) => pdf.slice(0, at) + text + pdf.slice(at)),
        ),
        (damaged) => {
          const identities = pageIdentities(damaged);
          if (identities !== undefined) expect(identities).toHaveLength(pages);
        },
      ),
      { numRuns: 300 },
    );
    expect(pageIdentities(pdf.slice(0, pdf.length / 2))).toBeUndefined();
    expect(pageIdentities('not a PDF')).toBeUndefined();
    expect(pageIdentities('')).toBeUndefined();
  });

  it('are not given for a file updated after it was written (a second cross-reference table)', async () => {
    const pdf = binary(printed.get('base') ?? (await print('base', report())));
    const previous = /startxref\s+(\d+)/.exec(pdf.slice(-64))![1];
    const size = /\/Size (\d+)/.exec(pdf.slice(-512))![1];
    const root = /\/Root (\d+) 0 R/.exec(pdf.slice(-512))![1];
    const added = `${size} 0 obj\n<</Producer (edited)>>\nendobj\n`;
    const xrefAt = pdf.length + added.length;
    const update = `${added}xref\n${size} 1\n${String(pdf.length).padStart(10, '0')} 00000 n \ntrailer\n<</Size ${Number(size) + 1} /Root ${root} 0 R /Prev ${previous}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    expect(pageIdentities(pdf + update)).toBeUndefined();
  });
});

describe.runIf(toolsAvailable('soffice', 'pdfinfo'))('page identities of a PDF another program wrote', { timeout: 120_000 }, () => {
  it('are given per page or not at all, and reading never throws (LibreOffice)', async () => {
    const docx = join(outDir, 'libreoffice.docx');
    writeFileSync(docx, await renderDocx(buildDocument(report())));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'ignore', timeout: 110_000 });
    const file = join(outDir, 'libreoffice.pdf');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const identities = pageIdentities(binary(file));
    if (identities !== undefined) expect(identities).toHaveLength(pages);
  });
});
