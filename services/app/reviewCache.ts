import type { Result } from '../../shared/model/validation.ts';
import type { ReviewRow } from '../../shared/summary/index.ts';
import type { ReviewStamps } from '../summary/index.ts';
import { keptPromises } from './keptPromises.ts';

/** Sums kept: the workspaces of one session's screens. */
const KEEP_SUMS = 4;

/**
 * The review rows and sums of the workspaces looked at: checking 1,000 units takes about a
 * second of the heavy-work thread, and the review table is read again after every change on
 * its screen. Each unit's row is kept with the stamp of what it depends on
 * (`reviewStamps`: its files, the revision chosen, its file of last year), and only the
 * units whose stamp changed are reviewed again — a file assigned or received checks its
 * unit, not the workspace. A reviewer's note is in no stamp: the handlers lay the notes over
 * the rows as they read them, so saving a note checks nothing. `changed()` drops everything,
 * for what no stamp sees (a restored backup reuses ids for other data).
 */
export class ReviewCache {
  readonly #rows = new Map<number, Map<number, { readonly stamp: string; readonly row: ReviewRow }>>();
  readonly #sums = keptPromises<Result<unknown>>(KEEP_SUMS, (result) => !result.ok);

  changed(): void {
    this.#rows.clear();
    this.#sums.clear();
  }

  /**
   * The rows of a workspace in the list's order, reviewing (`review`) only the units without
   * a row of their current stamp (`stamps`, read now). A unit removed while it was reviewed
   * makes it read the stamps again (a few times at most).
   */
  async rows(
    workspaceId: number,
    stamps: () => Result<ReviewStamps>,
    review: (unitIds: readonly number[] | null) => Promise<Result<ReviewRow[]>>,
  ): Promise<Result<ReviewRow[]>> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = stamps();
      if (!current.ok) return current;
      const units = current.value.units;
      const kept = this.#rows.get(workspaceId) ?? new Map<number, { readonly stamp: string; readonly row: ReviewRow }>();
      this.#rows.set(workspaceId, kept);
      const stale = [...units].filter(([unitId, stamp]) => kept.get(unitId)?.stamp !== stamp).map(([unitId]) => unitId);
      if (stale.length > 0) {
        const reviewed = await review(stale.length === units.size ? null : stale);
        if (!reviewed.ok) return reviewed;
        // Kept under the stamp read before: a change meanwhile makes the next read review the unit again.
        for (const row of reviewed.value) kept.set(row.unitId, { stamp: units.get(row.unitId)!, row });
      }
      for (const unitId of kept.keys()) if (!units.has(unitId)) kept.delete(unitId);
      const rows = [...units.keys()].flatMap((unitId) => kept.get(unitId)?.row ?? []);
      if (rows.length === units.size) return { ok: true, value: rows };
    }
    return { ok: false, error: '单位名单正在改变，审核表没能读完，请稍后刷新。' };
  }

  /** The sum kept for `stamps.sum`, else `compute`'s (a failure is not kept: the next call tries again). */
  sum<T>(workspaceId: number, stamps: ReviewStamps, compute: () => Promise<Result<T>>): Promise<Result<T>> {
    return this.#sums.get(`${workspaceId}|${stamps.sum}`, compute) as Promise<Result<T>>;
  }
}
