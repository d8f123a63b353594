/**
 * How alike two strings are, for matching labels that OCR or extraction garbled
 * (`T政处罚` for `行政处罚`). Compares code points, so a CJK character counts once.
 */

/** Levenshtein distance (insertions, deletions, substitutions) between two strings. */
function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(Array.from(a).length, Array.from(b).length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/**
 * Whether `similarity(a, b) >= threshold`, answered cheaply when it cannot be: an edit
 * makes at most one more shared character, so the similarity is at most the characters
 * the two share over the longer length. Most texts compared with a label share few.
 */
export function isSimilar(a: string, b: string, threshold: number): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return true;
  if (Math.min(x.length, y.length) < threshold * longer) return false;
  const counts = new Map<string, number>();
  for (const c of y) counts.set(c, (counts.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of x) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(c, n - 1);
    }
  }
  return shared >= threshold * longer && similarity(a, b) >= threshold;
}
