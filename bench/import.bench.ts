import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../shared/document/build.ts';
import { renderDocx } from '../services/export/docx/renderDocx.ts';
import { launchChromiumPdfPrinter } from '../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../services/export/pdf/exportPdf.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../services/fonts/fontRoot.ts';
import { importFile } from '../services/import/index.ts';
import { consistentReport } from '../test/fixtures/consistentReport.ts';
import { loadSeeds } from '../test/fixtures/seedReports.ts';
import { reportSheetWorkbook } from '../test/import/workbooks.ts';
import { barePdfText } from './engines/barePdfText.ts';
import type { BenchResult } from './run.ts';
import { compareWithEngine, comparisonFigures, machineLoad, measure, measurePair, summary } from './timing.ts';

/**
 * Import of one file, from bytes to the recognised report (what the user waits for after
 * choosing a file), beside the engine under it: for text and web pages, decoding the
 * bytes; for a PDF, pdf.js reading every page's text and operators. For DOCX and XLSX,
 * unzipping and reading the XML is our own code, so there it has no engine.
 */

async function ourImport(bytes: Uint8Array, name: string): Promise<void> {
  const result = await importFile({ bytes, name });
  if (!result.ok) throw new Error(result.error);
}

interface Engine {
  readonly name: string;
  readonly run: () => unknown;
  readonly goal?: number;
}

async function againstEngine(name: string, bytes: Uint8Array, file: string, runs: number, engine: Engine): Promise<BenchResult> {
  const pair = await measurePair(runs, () => ourImport(bytes, file), engine.run, Math.min(3, runs));
  const comparison = compareWithEngine(engine.name, pair.ours, pair.engine, engine.goal);
  return { name, figures: { ...comparisonFigures(comparison, pair.ours, pair.engine), size: `${(bytes.length / 1024).toFixed(1)} KiB` }, comparison };
}

async function alone(name: string, bytes: Uint8Array, file: string, runs: number): Promise<BenchResult> {
  const times = await measure(runs, () => ourImport(bytes, file), Math.min(3, runs));
  return { name, figures: { ...summary(times), size: `${(bytes.length / 1024).toFixed(1)} KiB`, 'load average': machineLoad() } };
}

const DECODE = (bytes: Uint8Array): Engine => ({ name: 'TextDecoder of the same bytes', run: () => new TextDecoder().decode(bytes) });

async function pdfOf(): Promise<Uint8Array | string> {
  const printer = await launchChromiumPdfPrinter();
  if (!printer.ok) return printer.error;
  try {
    const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
    if (!fonts.ok) return fonts.error;
    const pdf = await exportPdf(buildDocument(consistentReport()), printer.value, fonts.value.url);
    return pdf.ok ? pdf.value : pdf.error;
  } finally {
    await printer.value.close();
  }
}

export default async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const seed of loadSeeds()) {
    const bytes = new TextEncoder().encode(seed.text);
    results.push(await againstEngine(`import: text, seed ${seed.id} (50 runs; goal < 50 ms)`, bytes, `${seed.id}.txt`, 50, DECODE(bytes)));
  }
  const html = join(import.meta.dirname, '..', 'test', 'fixtures', 'html');
  for (const [file, what] of [['004_796925a18fab7523.html', 'LibreOffice HTML of seed 004'], ['site-gb2312.html', 'GB2312 site page with menus and footer']] as const) {
    const bytes = new Uint8Array(readFileSync(join(html, file)));
    results.push(await againstEngine(`import: HTML, ${what} (30 runs; goal < 50 ms)`, bytes, file, 30, DECODE(bytes)));
  }
  const docx = await renderDocx(buildDocument(consistentReport()));
  results.push(await alone('import: DOCX, full report exported by Nianbao (30 runs)', docx, 'report.docx', 30));
  const xlsx = await reportSheetWorkbook(consistentReport());
  results.push(await alone('import: XLSX, full report on one sheet (30 runs; goal < 100 ms)', xlsx, 'report.xlsx', 30));
  const pdf = await pdfOf();
  if (typeof pdf === 'string') results.push({ name: 'import: PDF (skipped)', figures: { reason: pdf } });
  else results.push(await againstEngine('import: PDF, full report exported by Nianbao (10 runs)', pdf, 'report.pdf', 10, { name: 'pdf.js text content + operator list, every page', run: () => barePdfText(pdf), goal: 1.5 }));
  return results;
}
