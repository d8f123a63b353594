import { norm } from './norm.ts';
import { similarity } from './similarity.ts';

/**
 * Matching printed text against an official label, tolerant of what real reports do:
 * full/half-width punctuation and spaces (via `norm`), `1、` for `1.`, a label broken
 * over cells (`(二)` | `部分公开…`), a label followed by noise, and small OCR errors.
 */

const normalised = new Map<string, string>();
/** Labels and cell texts repeat; beyond this many distinct texts the memo starts over. */
const MEMO_LIMIT = 20_000;

/** `norm`, with the separators `.,:;` made equal and trailing full stops dropped. */
export function looseNorm(text: string): string {
  let result = normalised.get(text);
  if (result === undefined) {
    result = norm(text)
      .replace(/[.,:;。，、：；]/g, '.')
      .replace(/\.+$/, '');
    if (normalised.size >= MEMO_LIMIT) normalised.clear();
    normalised.set(text, result);
  }
  return result;
}

/**
 * - `exact`: the same label;
 * - `withSuffix`: the label followed by something else (`T政处罚` after `行政处罚`);
 * - `prefix`: the start of the label (`(二)`, `三、本年度办理`), the rest being elsewhere;
 * - `fuzzy`: close to the label or to its start (OCR errors).
 */
export type MatchKind = 'exact' | 'withSuffix' | 'prefix' | 'fuzzy';

/** Better kinds rank higher. */
const MATCH_RANK: Readonly<Record<MatchKind, number>> = { exact: 3, withSuffix: 2, prefix: 1, fuzzy: 0 };

export interface LabelMatch {
  readonly kind: MatchKind;
  /** How much of the label (prefix) or of the text (suffix) matched, or the similarity (fuzzy). */
  readonly score: number;
}

const FUZZY_MIN_CHARS = 4;
const FUZZY_MIN_SIMILARITY = 0.75;

function length(text: string): number {
  return Array.from(text).length;
}

function head(text: string, chars: number): string {
  return Array.from(text).slice(0, chars).join('');
}

/** Characters of a label and how often each occurs, for a quick bound on the similarity. */
const labelChars = new Map<string, Map<string, number>>();

function charCounts(text: string): Map<string, number> {
  let counts = labelChars.get(text);
  if (!counts) {
    counts = new Map();
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (labelChars.size >= MEMO_LIMIT) labelChars.clear();
    labelChars.set(text, counts);
  }
  return counts;
}

/**
 * An edit turns at most one character into a shared one, so the similarity of two texts
 * is at most (characters they share) / (the longer length): a cheap test that rules out
 * most label comparisons before the edit distance is computed.
 */
function mayBeSimilar(text: string, label: string, textLength: number): boolean {
  const counts = charCounts(label);
  const used = new Map<string, number>();
  let shared = 0;
  for (const c of text) {
    const n = used.get(c) ?? 0;
    if (n < (counts.get(c) ?? 0)) {
      shared++;
      used.set(c, n + 1);
    }
  }
  return shared >= FUZZY_MIN_SIMILARITY * textLength;
}

/** Matches by label, then by text. */
const matches = new Map<string, Map<string, LabelMatch | null>>();

/** How the printed text matches the label, if it does (memoised: tables repeat their texts). */
export function matchLabel(text: string, label: string): LabelMatch | undefined {
  let byText = matches.get(label);
  if (!byText) {
    byText = new Map();
    matches.set(label, byText);
  }
  let match = byText.get(text);
  if (match === undefined) {
    match = computeMatch(text, label) ?? null;
    if (byText.size >= MEMO_LIMIT) byText.clear();
    byText.set(text, match);
  }
  return match ?? undefined;
}

function computeMatch(text: string, label: string): LabelMatch | undefined {
  const t = looseNorm(text);
  const l = looseNorm(label);
  if (t === '' || l === '') return undefined;
  if (t === l) return { kind: 'exact', score: 1 };
  if (t.startsWith(l) && length(l) >= 2) return { kind: 'withSuffix', score: length(l) / length(t) };
  if (l.startsWith(t) && length(t) >= 2) return { kind: 'prefix', score: length(t) / length(l) };
  // Similarity is at most the shorter length over the longer, so a text far longer than the
  // label cannot match: it is not compared (slow on a long text). `t.length / 2` is a floor of its code points.
  if (l.length < (FUZZY_MIN_SIMILARITY * t.length) / 2) return undefined;
  const textLength = length(t);
  if (textLength < FUZZY_MIN_CHARS || length(l) < FUZZY_MIN_SIMILARITY * textLength) return undefined;
  if (!mayBeSimilar(t, l, textLength)) return undefined;
  const score = Math.max(similarity(t, l), similarity(t, head(l, textLength)));
  return score >= FUZZY_MIN_SIMILARITY ? { kind: 'fuzzy', score } : undefined;
}

/** Orders matches: better kind first, then higher score. */
export function compareMatches(a: LabelMatch, b: LabelMatch): number {
  return MATCH_RANK[b.kind] - MATCH_RANK[a.kind] || b.score - a.score;
}

/** True when the whole text is the label, allowing OCR errors but no missing part. */
export function isLabel(text: string, label: string): boolean {
  const match = matchLabel(text, label);
  return match !== undefined && (match.kind === 'exact' || (match.kind === 'fuzzy' && similarity(looseNorm(text), looseNorm(label)) >= FUZZY_MIN_SIMILARITY));
}
