import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../../shared/document/build.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { loadSeeds, SEEDS_DIR } from '../fixtures/seedReports.ts';
import { reportSheetWorkbook } from '../import/workbooks.ts';

/** Real files of every form the importer reads, to mutate: the seeds as text, DOCX, HTML, MHTML, XLSX and (optionally) PDF. */

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const HTML_DIR = join(import.meta.dirname, '..', 'fixtures', 'html');

function mhtml(page: Uint8Array): Uint8Array {
  const body = Buffer.from(page).toString('base64').replace(/(.{76})/g, '$1\r\n');
  const text = ['MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="b"', '', '--b', 'Content-Type: text/html; charset=gb2312', 'Content-Transfer-Encoding: base64', '', body, '--b--', ''].join('\r\n');
  return new TextEncoder().encode(text);
}

export async function buildCorpus(options: { readonly pdf?: Uint8Array } = {}): Promise<CorpusFile[]> {
  const seeds = loadSeeds();
  const files: CorpusFile[] = [];
  for (const seed of seeds) files.push({ name: `${seed.id}.txt`, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, `${seed.id}.txt`))) });
  for (const name of readdirSync(HTML_DIR)) files.push({ name, bytes: new Uint8Array(readFileSync(join(HTML_DIR, name))) });
  files.push({ name: 'site.mht', bytes: mhtml(new Uint8Array(readFileSync(join(HTML_DIR, 'site-gb2312.html')))) });
  for (const seed of seeds.slice(0, 2)) {
    files.push({ name: `${seed.id}.docx`, bytes: await renderDocx(buildDocument(seed.report)) });
    files.push({ name: `${seed.id}.xlsx`, bytes: await reportSheetWorkbook(seed.report) });
  }
  if (options.pdf) files.push({ name: 'report.pdf', bytes: options.pdf });
  return files;
}
