import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { rowsNotOnOneLine, tableWordsOutsideTypeArea } from '../pdf/layoutChecks.ts';
import { pageTexts, pdfFonts, renderPngs } from '../pdf/poppler.ts';
import { fontSetEnv, matchedFont } from '../support/fontSets.ts';
import type { FontSet } from '../support/fontSets.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';
import { sevenDigitReport } from './reports.ts';

/**
 * The widest figures (seven digits in every typed cell, totals of up to nine, the fee
 * 96171.6000) in the DOCX as LibreOffice lays it out with Times New Roman's metrics
 * (Tinos) and on a machine with only DejaVu and Noto CJK, where the digits fall to DejaVu
 * Serif, the widest. PDFs and PNG pages go to test-output/docx/.
 */

const available = toolsAvailable('soffice', 'fc-match', 'pdffonts', 'pdftotext', 'pdftoppm');
const model = buildDocument(sevenDigitReport());
const profiles: string[] = [];

describe.skipIf(!available)('DOCX of the widest figures laid out by LibreOffice', { timeout: 240_000 }, () => {
  afterAll(() => {
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  });

  it.each<[FontSet, string]>([
    ['minimal', 'DejaVuSerif'],
    ['timesMetric', 'Tinos'],
  ])('sets every figure whole on one line inside the type area (%s fonts: digits in %s)', async (set, digitFont) => {
    const env = fontSetEnv(set);
    expect(matchedFont('Times New Roman', env)).toBe(set === 'minimal' ? 'DejaVu Serif' : 'Tinos');
    const out = testOutputDir('docx');
    const docx = join(out, `seven-digits-${set}.docx`);
    writeFileSync(docx, await renderDocx(model));
    const profile = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
    profiles.push(profile);
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], {
      env,
      stdio: 'ignore',
      timeout: 200_000,
    });
    const file = docx.replace(/\.docx$/, '.pdf');
    renderPngs(file, file.replace(/\.pdf$/, ''), 80);

    // The digits were set in the face this font set gives Times New Roman.
    expect(pdfFonts(file).map((font) => font.name).join(' ')).toContain(`+${digitFont}`);
    expect(rowsNotOnOneLine(pageTexts(file, 'layout').join('\n'), model)).toEqual([]);
    expect(tableWordsOutsideTypeArea(file, model)).toEqual([]);
  });
});
