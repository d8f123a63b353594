/**
 * How much of this year's text is still last year's: character n-grams shared with last
 * year's text. Whitespace is ignored and every digit counts as the same digit, so a
 * paragraph whose figures were updated but whose wording was kept still counts as
 * repeated (that is what evaluators count).
 */

/** Length of the runs compared: 8 characters is a short clause, longer than a set term such as 政府信息公开. */
const NGRAM_LENGTH = 8;

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Overlap {
  /** Characters counted (whitespace excluded). */
  readonly characters: number;
  /** Of those, the ones inside a run found in last year's text. */
  readonly repeated: number;
  /** repeated / characters, 0 for an empty text. */
  readonly share: number;
  /** The repeated runs, as ranges of the original text. */
  readonly ranges: readonly TextRange[];
}

interface Normalised {
  readonly chars: string[];
  /** Index in the original text of each normalised character. */
  readonly at: number[];
}

function normalise(text: string): Normalised {
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) continue;
    chars.push(/[0-9０-９]/.test(c) ? '0' : c);
    at.push(i);
  }
  return { chars, at };
}

const gramCache = new Map<string, Set<string>>();

function grams(text: string): Set<string> {
  const cached = gramCache.get(text);
  if (cached) return cached;
  const { chars } = normalise(text);
  const set = new Set<string>();
  for (let i = 0; i + NGRAM_LENGTH <= chars.length; i++) set.add(chars.slice(i, i + NGRAM_LENGTH).join(''));
  // Last year's texts are few and fixed while a report is edited; keep the latest ones.
  if (gramCache.size > 32) gramCache.clear();
  gramCache.set(text, set);
  return set;
}

/** The part of `text` that repeats runs of `previous`. */
export function overlapWith(text: string, previous: string): Overlap {
  const { chars, at } = normalise(text);
  const before = grams(previous);
  const covered = new Array<boolean>(chars.length).fill(false);
  // A text shorter than a run is repeated when last year's holds all of it.
  if (chars.length < NGRAM_LENGTH && normalise(previous).chars.join('').includes(chars.join(''))) covered.fill(true);
  for (let i = 0; i + NGRAM_LENGTH <= chars.length; i++) {
    if (before.has(chars.slice(i, i + NGRAM_LENGTH).join(''))) covered.fill(true, i, i + NGRAM_LENGTH);
  }
  const ranges: TextRange[] = [];
  let repeated = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!covered[i]) continue;
    repeated++;
    const last = ranges[ranges.length - 1];
    if (last && covered[i - 1]) ranges[ranges.length - 1] = { start: last.start, end: at[i]! + 1 };
    else ranges.push({ start: at[i]!, end: at[i]! + 1 });
  }
  return { characters: chars.length, repeated, share: chars.length ? repeated / chars.length : 0, ranges };
}

/** A share as reports and the app show it: 37 %. */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}
