import { buildDocument } from '../shared/document/build.ts';
import { renderDocx } from '../services/export/docx/renderDocx.ts';
import { consistentReport } from '../test/fixtures/consistentReport.ts';
import type { BenchResult } from './run.ts';
import { measure, summary } from './timing.ts';

/** Export of a full report to DOCX: document model, then the zipped file (the user waits for this). */
export default async function bench(): Promise<BenchResult[]> {
  const report = consistentReport();
  const model = buildDocument(report);
  const whole = await measure(100, () => renderDocx(buildDocument(report)), 10);
  const build = await measure(1000, () => buildDocument(report));
  const render = await measure(100, () => renderDocx(model), 10);
  const size = (await renderDocx(model)).length;
  return [
    { name: 'docx: full report → DOCX bytes (100 runs)', figures: { ...summary(whole), size: `${(size / 1024).toFixed(1)} KiB` } },
    { name: 'docx: report → document model (1,000 runs)', figures: summary(build) },
    { name: 'docx: document model → DOCX bytes (100 runs)', figures: summary(render) },
  ];
}
