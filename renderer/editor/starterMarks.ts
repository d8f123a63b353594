/**
 * Where starter paragraphs the user inserted still stand unedited in a section's text.
 * A starter counts as edited as soon as its exact text is gone (the checks' S-STARTER
 * rule uses the same test), so the mark disappears with the first change to it.
 */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export function uneditedStarters(text: string, starters: readonly string[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const starter of starters) {
    const needle = starter.trim();
    if (!needle) continue;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      ranges.push({ start: at, end: at + needle.length });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** The text with a starter inserted at the caret, as its own paragraph. */
export function insertParagraph(text: string, at: number, paragraph: string): { text: string; caret: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const tail = after === '' || after.startsWith('\n') ? '' : '\n';
  const inserted = `${lead}${paragraph}${tail}`;
  return { text: before + inserted + after, caret: before.length + lead.length + paragraph.length };
}

/** Characters a clerk counts: everything but whitespace. */
export function countCharacters(text: string): number {
  return text.replace(/\s/g, '').length;
}
