import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../services/import/index.ts';
import type { BenchResult } from './run.ts';
import { measure, summary } from './timing.ts';

/**
 * Import of the text forms (test/fixtures/text-forms: layout and raw text from
 * pdftotext, Markdown from pandoc, text from mutool and pdfminer), and the recogniser on large and hostile text: a
 * 1 MB text of table rows laid out in columns, 1 MB of one cell per line, and 200,000
 * short lines that look like cells (refused by the line limit; the time to say so).
 */

const FORMS_DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'text-forms');
const SEED = '000_0d2bbb24978e26fe';

async function importTimes(bytes: Uint8Array, name: string, runs: number): Promise<Record<string, string>> {
  let outcome = '';
  const times = await measure(runs, async () => {
    const result = await importFile({ bytes, name });
    outcome = result.ok ? `${result.value.cells.filter((c) => c.status === 'read').length} cells read` : `refused: ${result.error.slice(0, 40)}…`;
  }, Math.min(3, runs));
  return { ...summary(times), size: `${(bytes.length / 1024).toFixed(1)} KiB`, outcome };
}

/** A report's text with table 3's rows repeated until the text is `bytes` long. */
function grown(text: string, bytes: number): string {
  const lines = text.split('\n');
  const rows = lines.filter((l) => /\d\s+\d\s+\d/.test(l));
  const at = lines.findIndex((l) => rows.includes(l));
  const extra: string[] = [];
  let size = new TextEncoder().encode(text).length;
  for (let i = 0; size < bytes; i++) {
    const row = rows[i % rows.length]!;
    extra.push(row);
    size += new TextEncoder().encode(row).length + 1;
  }
  return [...lines.slice(0, at), ...extra, ...lines.slice(at)].join('\n');
}

export default async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const file of readdirSync(FORMS_DIR).filter((f) => f.startsWith(SEED)).sort()) {
    const bytes = new Uint8Array(readFileSync(join(FORMS_DIR, file)));
    results.push({ name: `import: text form ${file.slice(SEED.length + 1)} (seed ${SEED}, 30 runs)`, figures: await importTimes(bytes, file, 30) });
  }
  const layout = readFileSync(join(FORMS_DIR, `${SEED}.layout.txt`), 'utf8');
  const megabyte = new TextEncoder().encode(grown(layout, 1024 * 1024));
  results.push({ name: 'import: 1 MB of layout text (table 3 rows repeated, 5 runs)', figures: await importTimes(megabyte, 'big.txt', 5) });
  const cellLines: string[] = ['某县2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况'];
  for (let size = 0, i = 0; size < 1024 * 1024; i++) {
    const line = i % 2 === 0 ? '\t1.属于国家秘密' : `\t${i % 10}`;
    cellLines.push(line);
    size += new TextEncoder().encode(line).length + 1;
  }
  results.push({ name: `import: 1 MB of one cell per line (${cellLines.length.toLocaleString('en-US')} lines, 5 runs)`, figures: await importTimes(new TextEncoder().encode(cellLines.join('\n')), 'cells.txt', 5) });
  const hostile = Array.from({ length: 200_000 }, (_, i) => (i % 8 === 0 ? '\t1.属于国家秘密' : `\t${i % 10}`)).join('\n');
  results.push({ name: 'import: 200,000 short lines that look like cells (5 runs)', figures: await importTimes(new TextEncoder().encode(hostile), 'hostile.txt', 5) });
  return results;
}
