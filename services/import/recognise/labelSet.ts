import { compareMatches, looseNorm, matchLabel } from '../../../shared/text/labels.ts';
import type { LabelMatch } from '../../../shared/text/labels.ts';

/**
 * The labels a table prints, for matching the cells of a source line: the data rows'
 * labels (in printed order) and the other labels (captions, headers, group labels,
 * notes) that must not be taken for a row.
 */
export interface RowLabel {
  readonly key: string;
  readonly label: string;
}

export interface RowMatch {
  readonly row: number;
  readonly match: LabelMatch;
}

/** A label's leading number (`一、`, `（三）`, `1.`), which extraction may put in a cell of its own. */
const LEADING_NUMBER = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、])\s*/;

/** Shortest start of a label inside a cell that counts (`2.没有现` but not `2.`). */
const MIN_INNER_PREFIX = 5;
/** Where a numbered label may start inside a cell. */
const INNER_NUMBER = /[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、]/g;

/** The better of matching the label and matching it without its leading number. */
function matchRowLabel(text: string, label: string): LabelMatch | undefined {
  const whole = matchLabel(text, label);
  const bareLabel = label.replace(LEADING_NUMBER, '');
  const bare = bareLabel === label ? undefined : matchLabel(text, bareLabel);
  if (!bare || bare.kind === 'prefix') return whole;
  return !whole || compareMatches(bare, whole) < 0 ? bare : whole;
}

export class LabelSet {
  readonly rows: readonly RowLabel[];
  readonly others: readonly string[];
  private readonly fragments: readonly string[];

  constructor(rows: readonly RowLabel[], others: readonly string[]) {
    this.rows = rows;
    this.others = others;
    this.fragments = [...rows.map((r) => r.label), ...others].map(looseNorm);
  }

  /**
   * The row a label cell starts: the best match among the rows after `after` (the rows
   * are printed in order), unless the cell matches another label at least as well.
   * Among equal matches the earliest row wins (`1.` after `（四）无法提供`).
   */
  rowStartedBy(text: string, after: number): RowMatch | undefined {
    const whole = this.rowStartedByWhole(text, after);
    const inside = whole?.match.kind === 'exact' ? undefined : this.rowStartedInside(text, after);
    if (!whole || !inside) return whole ?? inside;
    return compareMatches(inside.match, whole.match) < 0 ? inside : whole;
  }

  /**
   * A row label after the end of a group label in the same cell, where extraction ran
   * two cells together (`（五）不1.信访举报投诉类申请`, `三、（一）予以公开`).
   */
  private rowStartedInside(text: string, after: number): RowMatch | undefined {
    for (const match of text.matchAll(INNER_NUMBER)) {
      if (match.index === 0) continue;
      const rest = text.slice(match.index);
      const found = this.rowStartedByWhole(rest, after);
      const strong = found && (found.match.kind === 'exact' || found.match.kind === 'withSuffix' || (found.match.kind === 'prefix' && Array.from(looseNorm(rest)).length >= MIN_INNER_PREFIX));
      if (strong) return found;
    }
    return undefined;
  }

  private rowStartedByWhole(text: string, after: number): RowMatch | undefined {
    let best: RowMatch | undefined;
    for (let i = after + 1; i < this.rows.length; i++) {
      const match = matchRowLabel(text, this.rows[i]!.label);
      if (match && (!best || compareMatches(match, best.match) < 0)) best = { row: i, match };
    }
    if (!best) return undefined;
    const other = this.others.map((l) => matchLabel(text, l)).filter((m): m is LabelMatch => m !== undefined).sort(compareMatches)[0];
    return other && compareMatches(other, best.match) <= 0 ? undefined : best;
  }

  /** True when the text is part of a label the table prints (`结果`, `公开`): a broken label, not noise. */
  isKnownFragment(text: string): boolean {
    const t = looseNorm(text);
    return t !== '' && this.fragments.some((f) => f.includes(t));
  }
}
