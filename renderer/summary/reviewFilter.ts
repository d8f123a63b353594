import type { ReviewRow, ReviewState } from '../../shared/summary/types.ts';
import type { Sorting } from './sorting.ts';

/**
 * What the review table shows: the rows of the states asked for whose unit name contains
 * the search (whitespace ignored), in the order asked for. Worst first by default, so the
 * reviewer starts with the units that need work.
 */

export interface ReviewQuery {
  /** Empty: every state. */
  readonly states: readonly ReviewState[];
  readonly search: string;
  readonly sorting: Sorting | undefined;
}

const STATE_ORDER: Readonly<Record<ReviewState, number>> = { errors: 0, missing: 1, warnings: 2, passed: 3 };

const compact = (text: string) => text.replace(/\s+/gu, '');

const SORT_KEYS: Readonly<Record<string, (row: ReviewRow) => number | string>> = {
  unit: (row) => row.unitName,
  state: (row) => STATE_ORDER[row.state],
  errors: (row) => row.counts.error,
  warnings: (row) => row.counts.warning,
  uncertain: (row) => row.uncertainCells,
};

function compare(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
}

export function visibleRows(rows: readonly ReviewRow[], query: ReviewQuery): ReviewRow[] {
  const search = compact(query.search);
  const shown = rows.filter(
    (row) => (query.states.length === 0 || query.states.includes(row.state)) && (search === '' || compact(row.unitName).includes(search)),
  );
  const sorting = query.sorting ?? { key: 'state', descending: false };
  const key = SORT_KEYS[sorting.key] ?? SORT_KEYS.state!;
  const sign = sorting.descending ? -1 : 1;
  return shown.sort((a, b) => sign * compare(key(a), key(b)) || compare(a.unitName, b.unitName));
}

/** How many units are in each state, for the filter's labels. */
export function stateCounts(rows: readonly ReviewRow[]): Record<ReviewState, number> {
  const counts: Record<ReviewState, number> = { missing: 0, errors: 0, warnings: 0, passed: 0 };
  for (const row of rows) counts[row.state] += 1;
  return counts;
}
