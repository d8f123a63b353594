import type { CellDef } from '../../../shared/format/index.ts';
import type { SourceCell } from '../source.ts';

/**
 * A row whose figures were printed run together (`runTogether` cells: `1.属于国家秘密1000001`).
 * Which digits belong to which cell is not printed, so the row is split only where no
 * other reading exists:
 * - one column: the run is its figure;
 * - as many digits as columns, all of them 0: every cell is 0 (a longer figure would
 *   start with 0);
 * - as many digits as columns, one per cell, and the row's own sums hold for them (its
 *   总计 is the sum of its columns): any other split would need a figure starting with
 *   0 or a blank cell with the sums still holding.
 * Anything else leaves the row unplaced; the hand-reader's splits by the table's other
 * identities (columns, 新收 + 结转) are not the importer's to guess.
 */

export type RunTogetherSplit = { readonly cells: readonly SourceCell[] } | { readonly reason: string };

/** Whether one digit per cell satisfies every sum of the row whose parts are all in the row, and at least one does. */
function sumsHold(digits: readonly number[], defs: readonly CellDef[]): boolean {
  const value = new Map(defs.map((def, i) => [def.key, digits[i]!]));
  let checked = 0;
  for (const def of defs) {
    if (!def.sumOf || !def.sumOf.every((k) => value.has(k))) continue;
    if (def.sumOf.reduce((sum, k) => sum + value.get(k)!, 0) !== value.get(def.key)) return false;
    checked++;
  }
  return checked > 0;
}

/** The row's cells with a run split, the cells unchanged when none ran together, or why the run cannot be split. */
export function splitRunTogether(area: readonly SourceCell[], defs: readonly CellDef[]): RunTogetherSplit {
  if (!area.some((c) => c.runTogether)) return { cells: area };
  const printed = area.filter((c) => c.text !== '');
  const run = printed[0]!;
  const reason = `该行的数字“${printed.map((c) => c.text).join(' ')}”连在一起印出，无法确定各格的分界`;
  if (printed.length !== 1) return { reason };
  if (defs.length === 1) return { cells: [{ text: run.text }] };
  if (!/^\d+$/.test(run.text) || run.text.length !== defs.length) return { reason };
  const digits = Array.from(run.text, Number);
  if (digits.every((d) => d === 0) || sumsHold(digits, defs)) return { cells: digits.map((d) => ({ text: String(d) })) };
  return { reason };
}
