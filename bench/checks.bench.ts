import { checkReport } from '../shared/checks/index.ts';
import { consistentReport } from '../test/fixtures/consistentReport.ts';
import type { BenchResult } from './run.ts';
import { measure, summary } from './timing.ts';

/** Recompute totals and all checks for a full report after one cell changes (one frame is 16 ms). */
export default async function bench(): Promise<BenchResult[]> {
  const report = consistentReport();
  const previous = consistentReport(report.year - 1);
  const times = await measure(2000, (i) => {
    const edited = { ...report, values: { ...report.values, 't3.granted.naturalPerson': String(i % 7) } };
    return checkReport(edited, { previous });
  });
  return [{ name: 'checks: one cell changed → totals + all rules (2,000 runs)', figures: summary(times) }];
}
