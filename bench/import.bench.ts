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
import type { BenchResult } from './run.ts';
import { measure, summary } from './timing.ts';

/** Import of one file, from bytes to the recognised report (what the user waits for after choosing a file). */

async function importTimes(bytes: Uint8Array, name: string, runs: number): Promise<Record<string, string>> {
  const times = await measure(runs, async () => {
    const result = await importFile({ bytes, name });
    if (!result.ok) throw new Error(result.error);
  }, Math.min(3, runs));
  return { ...summary(times), size: `${(bytes.length / 1024).toFixed(1)} KiB` };
}

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
    results.push({ name: `import: text, seed ${seed.id} (50 runs)`, figures: await importTimes(new TextEncoder().encode(seed.text), `${seed.id}.txt`, 50) });
  }
  const docx = await renderDocx(buildDocument(consistentReport()));
  results.push({ name: 'import: DOCX, full report exported by Nianbao (30 runs)', figures: await importTimes(docx, 'report.docx', 30) });
  const html = join(import.meta.dirname, '..', 'test', 'fixtures', 'html');
  for (const [file, what] of [['004_796925a18fab7523.html', 'LibreOffice HTML of seed 004'], ['site-gb2312.html', 'GB2312 site page with menus and footer']] as const) {
    results.push({ name: `import: HTML, ${what} (30 runs; goal < 50 ms)`, figures: await importTimes(new Uint8Array(readFileSync(join(html, file))), file, 30) });
  }
  const xlsx = await reportSheetWorkbook(consistentReport());
  results.push({ name: 'import: XLSX, full report on one sheet (30 runs; goal < 100 ms)', figures: await importTimes(xlsx, 'report.xlsx', 30) });
  const pdf = await pdfOf();
  results.push({
    name: 'import: PDF, full report exported by Nianbao (10 runs)',
    figures: typeof pdf === 'string' ? { skipped: pdf } : await importTimes(pdf, 'report.pdf', 10),
  });
  return results;
}
