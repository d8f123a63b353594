import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocument } from '../shared/document/build.ts';
import { computeFigures } from '../shared/figures/figures.ts';
import { cellIndex, currentFormat } from '../shared/format/index.ts';
import type { Report } from '../shared/model/report.ts';
import { reviewWorkspace, sumReports } from '../shared/summary/index.ts';
import type { ExpectedUnit, ReceivedFile } from '../shared/summary/index.ts';
import { renderWebHtml } from '../shared/web/renderWebHtml.ts';
import { writeExchangeFile } from '../services/exchange/index.ts';
import { renderDocx } from '../services/export/docx/renderDocx.ts';
import { launchChromiumPdfPrinter } from '../services/export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../services/export/pdf/exportPdf.ts';
import { renderXlsx } from '../services/export/xlsx/renderXlsx.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../services/fonts/fontRoot.ts';
import { importFile } from '../services/import/index.ts';
import { listReceivedPaths, reviewFolder } from '../services/summary/index.ts';
import { loadSeeds } from '../test/fixtures/seedReports.ts';
import type { BenchResult } from './run.ts';
import { compareWithEngine, comparisonFigures, machineLoad, measurePair, ms, percentile } from './timing.ts';

/**
 * The superior office's 汇总: summing 1,000 units' reports (goal < 500 ms) beside a plain
 * loop adding the same numbers, and the review of 1,000 (every report checked); and
 * receiving a folder of 100 mixed files (DOCX, web page, XLSX, exchange file, PDF when
 * Chromium is there) read and checked one by one, in report files per second, beside the
 * bare importer reading the same files.
 */

function thousandReports(): Report[] {
  const seeds = loadSeeds();
  return Array.from({ length: 1000 }, (_, i) => {
    const seed = seeds[i % seeds.length]!;
    const values = Object.fromEntries(Object.entries(seed.report.values).map(([k, v]) => [k, /^\d+$/.test(v) ? String(Number(v) + (i % 7)) : v]));
    return { ...seed.report, agency: { ...seed.report.agency, name: `单位${i + 1}` }, values };
  });
}

async function sumBenchmarks(): Promise<BenchResult[]> {
  const reports = thousandReports();
  const summands = reports.map((report, i) => ({ unitId: i + 1, unitName: report.agency.name, report }));
  // The engine: the same figures, already numbers, added cell by cell in a plain loop.
  const keys = cellIndex(currentFormat).all.map((c) => c.key);
  const numbers = reports.map((r) => {
    const figures = computeFigures(r);
    return Float64Array.from(keys, (k) => figures.value(k) ?? 0);
  });
  const bareSum = () => {
    const totals = new Float64Array(keys.length);
    for (const row of numbers) for (let c = 0; c < row.length; c++) totals[c]! += row[c]!;
    return totals;
  };
  const pair = await measurePair(20, () => sumReports(summands, currentFormat), bareSum, 3);
  const comparison = compareWithEngine('plain loop adding the same 1,000 × 200 numbers', pair.ours, pair.engine);
  const results: BenchResult[] = [
    {
      name: '汇总: sum of 1,000 reports, every cell, blanks named (20 runs; goal < 500 ms)',
      figures: { ...comparisonFigures(comparison, pair.ours, pair.engine), 'load average': machineLoad() },
      comparison,
    },
  ];
  const units: ExpectedUnit[] = summands.map((s) => ({ id: s.unitId, name: s.unitName, aliases: [] }));
  const files: ReceivedFile[] = summands.map((s) => ({
    id: s.unitId,
    fileName: `${s.unitName}.docx`,
    receivedAt: '',
    byteLength: 0,
    reading: { status: 'read', agency: s.unitName, year: s.report.year, sourceFormat: 'docx', uncertainCells: 0 },
    match: { status: 'matched', unitId: s.unitId, by: 'exact' },
    revision: 1,
  }));
  const review = await measurePair(
    5,
    () => reviewWorkspace({ units, files, choices: [], notes: [], reportOf: (id) => reports[id - 1]! }),
    () => sumReports(summands, currentFormat),
    1,
  );
  const reviewComparison = compareWithEngine('the sum alone (no checks)', review.ours, review.engine);
  results.push({
    name: '汇总: review of 1,000 units (every report checked, rows made) (5 runs)',
    figures: { ...comparisonFigures(reviewComparison, review.ours, review.engine), 'load average': machineLoad() },
    comparison: reviewComparison,
  });
  return results;
}

async function pdfsOf(reports: readonly Report[]): Promise<Uint8Array[] | string> {
  const printer = await launchChromiumPdfPrinter();
  if (!printer.ok) return printer.error;
  try {
    const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
    if (!fonts.ok) return fonts.error;
    const pdfs: Uint8Array[] = [];
    for (const report of reports) {
      const pdf = await exportPdf(buildDocument(report), printer.value, fonts.value.url);
      if (!pdf.ok) return pdf.error;
      pdfs.push(pdf.value);
    }
    return pdfs;
  } finally {
    await printer.value.close();
  }
}

/** 100 files: for each seed, DOCX, web page, XLSX and exchange files (18 of the 20) and 2 PDFs (when Chromium is there). */
async function mixedFolder(): Promise<{ dir: string; note: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-summary-'));
  const seeds = loadSeeds();
  const pdfs = await pdfsOf(seeds.flatMap((s) => [s.report, s.report]));
  let n = 0;
  for (const [s, seed] of seeds.entries()) {
    const report = (i: number): Report => ({ ...seed.report, agency: { ...seed.report.agency, name: `单位${s}-${i}` } });
    const forms = typeof pdfs === 'string' ? 20 : 18;
    for (let i = 0; i < forms; i++) {
      const name = join(dir, `${String(++n).padStart(3, '0')}`);
      const model = buildDocument(report(i));
      if (i % 4 === 0) writeFileSync(`${name}.docx`, await renderDocx(model));
      else if (i % 4 === 1) writeFileSync(`${name}.html`, renderWebHtml(model));
      else if (i % 4 === 2) writeFileSync(`${name}.xlsx`, await renderXlsx(model));
      else writeFileSync(`${name}.nianbao`, writeExchangeFile(report(i), new Date()));
    }
    if (typeof pdfs !== 'string') for (const k of [0, 1]) writeFileSync(join(dir, `${String(++n).padStart(3, '0')}.pdf`), pdfs[s * 2 + k]!);
  }
  return { dir, note: typeof pdfs === 'string' ? `no PDFs (${pdfs})` : '10 PDFs among them' };
}

async function receiveBenchmark(): Promise<BenchResult> {
  const { dir, note } = await mixedFolder();
  try {
    const paths = await listReceivedPaths([dir]);
    // The engine: the bare importer reading each file (no exchange reader, no checks, no matching).
    const bareImport = async () => {
      for (const path of paths) if (!path.endsWith('.nianbao')) await importFile({ path });
    };
    const pair = await measurePair(3, () => reviewFolder([dir]), bareImport, 1);
    const comparison = compareWithEngine('importFile of the same files, one by one', pair.ours, pair.engine);
    const perSecond = (times: readonly number[]) => `${((paths.length / percentile(times, 50)) * 1000).toFixed(1)} files/s`;
    return {
      name: `汇总: receive a folder of ${paths.length} mixed report files — read, matched, checked, summed (3 runs; ${note})`,
      figures: { ...comparisonFigures(comparison, pair.ours, pair.engine), ours: perSecond(pair.ours), 'bare importer': perSecond(pair.engine), 'per file (ours)': ms(percentile(pair.ours, 50) / paths.length), 'load average': machineLoad() },
      comparison,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<BenchResult[]> {
  return [...(await sumBenchmarks()), await receiveBenchmark()];
}
