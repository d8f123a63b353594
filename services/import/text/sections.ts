import type { ReportFormat, SectionDef } from '../../../shared/format/index.ts';
import { looseNorm } from '../../../shared/text/labels.ts';
import { similarity } from '../../../shared/text/similarity.ts';

/**
 * Finds a report's six sections by their headings. Headings are recognised by
 * normalised text, after Markdown marks (`#`, `**`) and list markers are stripped,
 * never by the numeral alone (`一、` also opens ordinary paragraphs). Also accepted: the
 * variant headings of the format, a heading without its numeral (Word's automatic
 * numbering is not part of the text) or numbered otherwise (`1.`, `第一部分`), and small
 * OCR errors after the right numeral.
 * When a heading occurs more than once, the last occurrence before the next section's
 * heading is taken (a 六、 quoted inside section 五 as a list item, a 一、 repeated after
 * a preamble), and the duplicate is reported.
 */

/** A line stripped of Markdown emphasis, heading marks and list bullets. */
export function plainLine(line: string): string {
  return line
    .replace(/\*\*|__|<\/?b>/g, '')
    .replace(/^\s*(?:#{1,6}\s*|[-*+•]\s+)/, '')
    .trim();
}

const OCR_MIN_SIMILARITY = 0.8;

interface HeadingForms {
  readonly numeral: string;
  readonly full: readonly string[];
  readonly bare: readonly string[];
}

function headingForms(section: SectionDef): HeadingForms {
  const headings = [section.heading, ...section.variants];
  const numeral = looseNorm(section.numeral);
  return {
    numeral,
    full: headings.map(looseNorm),
    bare: headings.map((h) => looseNorm(h.slice(section.numeral.length))),
  };
}

/**
 * Numbering a converter or an office writes instead of the format's numeral: `1.`, `1、`,
 * `第一部分`, `第1章`. Only ever taken off before the whole heading text (the numeral
 * alone proves nothing); `（一）`, the numbering of subsections, is not among them.
 */
const OTHER_NUMBERING = /^(?:第[一二三四五六七八九十\d]{1,3}(?:部分|章|节)|\d{1,2}(?:\s*[、.．]|\s))\s*/;

/** Whether a line is the section's heading: exact, without numeral or numbered otherwise, or with OCR errors. */
function isHeading(line: string, forms: HeadingForms): boolean {
  const plain = plainLine(line);
  const n = looseNorm(plain);
  if (n === '' || line.includes('\t')) return false;
  if (forms.full.includes(n) || forms.bare.includes(n)) return true;
  const renumbered = plain.replace(OTHER_NUMBERING, '');
  if (renumbered !== plain && forms.bare.includes(looseNorm(renumbered))) return true;
  return n.startsWith(forms.numeral) && forms.full.some((f) => similarity(n, f) >= OCR_MIN_SIMILARITY);
}

export interface SectionRange {
  readonly key: string;
  /** Index of the heading line. */
  readonly heading: number;
  /** First line after the heading, and the line after the section's last line. */
  readonly start: number;
  readonly end: number;
}

export interface SectionLocation {
  /** The sections found, in order. */
  readonly ranges: readonly SectionRange[];
  /** Index of the first heading (lines before it are the title and preamble). */
  readonly firstHeading: number;
  readonly missing: readonly string[];
  readonly duplicated: readonly string[];
  /** Lines of other occurrences of a heading (not taken), by section key. */
  readonly duplicateLines: Readonly<Record<string, readonly number[]>>;
}

/** Where each section starts and ends, by line index. */
export function locateSections(lines: readonly string[], format: ReportFormat): SectionLocation {
  const occurrences = format.sections.map((section) => {
    const forms = headingForms(section);
    return lines.flatMap((line, i) => (isHeading(line, forms) ? [i] : []));
  });
  const chosen: (number | undefined)[] = new Array(format.sections.length).fill(undefined);
  let limit = lines.length;
  for (let s = format.sections.length - 1; s >= 0; s--) {
    const before = occurrences[s]!.filter((i) => i < limit);
    const pick = before[before.length - 1];
    chosen[s] = pick;
    if (pick !== undefined) limit = pick;
  }
  const starts = chosen.filter((i): i is number => i !== undefined);
  const ranges: SectionRange[] = [];
  const missing: string[] = [];
  const duplicated: string[] = [];
  const duplicateLines: Record<string, number[]> = {};
  format.sections.forEach((section, s) => {
    const heading = chosen[s];
    if (occurrences[s]!.length > 1) {
      duplicated.push(section.key);
      duplicateLines[section.key] = occurrences[s]!.filter((i) => i !== heading);
    }
    if (heading === undefined) {
      missing.push(section.key);
      return;
    }
    const end = starts.find((i) => i > heading) ?? lines.length;
    ranges.push({ key: section.key, heading, start: heading + 1, end });
  });
  return { ranges, firstHeading: starts[0] ?? lines.length, missing, duplicated, duplicateLines };
}
