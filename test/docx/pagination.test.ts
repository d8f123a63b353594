import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { keptApart } from '../pdf/layoutChecks.ts';
import { pageTexts } from '../pdf/poppler.ts';
import { toolsAvailable } from '../support/tools.ts';
import { reportsShiftedLineByLine } from './reports.ts';

/**
 * Page breaks of the DOCX as LibreOffice lays it out: a section heading, a （一） lead
 * standing alone and a table's title rows (keep with next) never end a page.
 */

const available = toolsAvailable('soffice', 'pdftotext');

describe.skipIf(!available)('DOCX page breaks laid out by LibreOffice', { timeout: 300_000 }, () => {
  it('keeps every heading and title row on the page of what it heads, wherever it falls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pages-'));
    try {
      const models = reportsShiftedLineByLine().map((report) => buildDocument(report));
      const files = await Promise.all(
        models.map(async (model, lines) => {
          const file = join(dir, `shifted-${lines}.docx`);
          writeFileSync(file, await renderDocx(model));
          return file;
        }),
      );
      const profile = pathToFileURL(join(dir, 'profile')).href;
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 280_000 });
      const apart = models.flatMap((model, lines) =>
        keptApart(pageTexts(files[lines]!.replace(/\.docx$/, '.pdf'), 'raw'), model).map((problem) => `+${lines} lines: ${problem}`),
      );
      expect(apart).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
