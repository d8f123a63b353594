import { buildDocument } from '../shared/document/build.ts';
import { renderDocx } from '../services/export/docx/renderDocx.ts';
import { consistentReport } from '../test/fixtures/consistentReport.ts';
import { bareDocx } from './engines/bareDocx.ts';
import type { BenchResult } from './run.ts';
import { compareWithEngine, comparisonFigures, measure, measurePair, summary } from './timing.ts';

/** Export of a full report to DOCX (the user waits for this) beside the docx library packing the same content bare. */
export default async function bench(): Promise<BenchResult[]> {
  const report = consistentReport();
  const model = buildDocument(report);
  const pair = await measurePair(100, () => renderDocx(buildDocument(report)), () => bareDocx(model));
  const comparison = compareWithEngine('docx Packer, same paragraphs and tables', pair.ours, pair.engine, 1.5);
  const build = await measure(1000, () => buildDocument(report));
  const size = (await renderDocx(model)).length;
  return [
    {
      name: 'docx: full report → DOCX bytes (100 runs)',
      figures: { ...comparisonFigures(comparison, pair.ours, pair.engine), size: `${(size / 1024).toFixed(1)} KiB` },
      comparison,
    },
    { name: 'docx: report → document model (1,000 runs)', figures: summary(build) },
  ];
}
