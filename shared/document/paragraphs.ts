import type { DocParagraph, LeadLevel } from './model.ts';

/**
 * Reads a section's text as the user typed it into paragraphs, recognising the usual
 * heading levels at the start of a line: （一） (楷体), 1. and （1） (仿宋), and the
 * inline enumeration 一是/二是. The text itself is kept exactly as typed.
 */

const MARKERS: readonly { readonly level: LeadLevel; readonly pattern: RegExp }[] = [
  { level: 'level2', pattern: /^[（(][一二三四五六七八九十]{1,3}[）)]/ },
  { level: 'level4', pattern: /^[（(]\d{1,2}[）)]/ },
  { level: 'level3', pattern: /^\d{1,2}[.．、](?!\d)/ },
  { level: 'ordinal', pattern: /^[一二三四五六七八九十]{1,3}是/ },
];

/** A heading that runs into its paragraph ends at the first full stop, if that comes soon. */
const MAX_LEAD_CHARS = 40;

function splitLead(line: string): DocParagraph {
  for (const { level, pattern } of MARKERS) {
    const marker = pattern.exec(line);
    if (!marker) continue;
    if (level === 'ordinal') return { kind: 'paragraph', lead: { level, text: marker[0] }, text: line.slice(marker[0].length) };
    const stop = line.search(/[。：:！？]/);
    if (stop === -1 && line.length <= MAX_LEAD_CHARS) return { kind: 'paragraph', lead: { level, text: line }, text: '' };
    if (stop !== -1 && stop < MAX_LEAD_CHARS) {
      return { kind: 'paragraph', lead: { level, text: line.slice(0, stop + 1) }, text: line.slice(stop + 1) };
    }
    return { kind: 'paragraph', lead: { level, text: marker[0] }, text: line.slice(marker[0].length) };
  }
  return { kind: 'paragraph', text: line };
}

export function parseParagraphs(text: string): DocParagraph[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(splitLead);
}
