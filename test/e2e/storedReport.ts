import { blankAgency } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import type { Harness } from './harness.ts';

/**
 * An agency and its 2024 report in the harness's store, as tests and benchmarks start from:
 * a blank report, or `report` saved into it. The report's id.
 */
export async function storeReport(harness: Pick<Harness, 'call'>, report?: Report): Promise<number> {
  const agency = await harness.call('nianbao:agencies:create', { agency: blankAgency('湖滨区人民政府办公室') });
  if (!agency.ok) throw new Error(agency.error);
  const created = await harness.call('nianbao:reports:create', { agencyId: (agency.value as { id: number }).id, year: 2024, from: 'blank' });
  if (!created.ok) throw new Error(created.error);
  const reportId = (created.value as { id: number }).id;
  if (report) {
    const saved = await harness.call('nianbao:reports:save', { id: reportId, report });
    if (!saved.ok) throw new Error(saved.error);
  }
  return reportId;
}
