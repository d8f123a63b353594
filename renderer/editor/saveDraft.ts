import type { ReportSummary, SaveResult } from '../../shared/ipc/contract.ts';
import type { Report } from '../../shared/model/report.ts';
import { reportChanges } from '../../shared/model/reportChanges.ts';
import { nianbao } from '../api.ts';

/** The report as last saved; `hash` once a save told its content hash. */
export interface SavedDraft {
  readonly report: Report;
  readonly hash?: string;
}

/**
 * Saves `report`: what changed since `saved` when its hash is known (an autosave is mostly one
 * figure), else the whole report, and the whole report too when main no longer holds the one
 * the changes were made on (another write came between, the store was reopened).
 */
export async function saveDraft(id: ReportSummary['id'], saved: SavedDraft, report: Report): Promise<SaveResult> {
  const changes = saved.hash === undefined ? undefined : reportChanges(saved.report, report, saved.hash);
  if (changes) {
    const result = await nianbao.reports.saveChanges({ id, changes });
    if (result.status === 'saved') return result;
  }
  return nianbao.reports.save({ id, report });
}
