import type { ReportFormat, SectionDef } from '../format/index.ts';
import { norm } from './norm.ts';

/**
 * Splits a report's plain text into its six sections by their headings. Headings are
 * recognised by normalised text, after Markdown marks (`#`, `**`) and list markers are
 * stripped, never by the numeral alone (`一、` also opens ordinary paragraphs). When a
 * heading occurs more than once, the last occurrence before the next section's heading
 * is taken (a 六、 quoted inside section 五 as a list item, a 一、 repeated after a
 * preamble), and the duplicate is reported.
 */

export interface SplitSections {
  /** Text before the first section heading (title, preamble). */
  readonly before: string;
  /** Text of each section found, by section key, without its heading line. */
  readonly sections: Readonly<Record<string, string>>;
  /** The heading line as printed, by section key. */
  readonly headings: Readonly<Record<string, string>>;
  readonly missing: readonly string[];
  readonly duplicated: readonly string[];
}

/** A line stripped of Markdown emphasis, heading marks and list bullets. */
export function plainLine(line: string): string {
  return line
    .replace(/\*\*|__|<\/?b>/g, '')
    .replace(/^\s*(?:#{1,6}\s*|[-*+•]\s+)/, '')
    .trim();
}

function headingForms(section: SectionDef): string[] {
  return [section.heading, ...section.variants].map(norm);
}

function isHeading(line: string, forms: readonly string[]): boolean {
  const n = norm(plainLine(line)).replace(/[。.:：]$/, '');
  return forms.includes(n);
}

export function splitSections(text: string, format: ReportFormat): SplitSections {
  const lines = text.split(/\r\n|\r|\n/);
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
  const sections: Record<string, string> = {};
  const headings: Record<string, string> = {};
  const missing: string[] = [];
  const duplicated: string[] = [];
  const starts = chosen.filter((i): i is number => i !== undefined);
  format.sections.forEach((section, s) => {
    const start = chosen[s];
    if (occurrences[s]!.length > 1) duplicated.push(section.key);
    if (start === undefined) {
      missing.push(section.key);
      return;
    }
    const end = starts.find((i) => i > start) ?? lines.length;
    headings[section.key] = plainLine(lines[start]!);
    sections[section.key] = lines
      .slice(start + 1, end)
      .filter((line) => !isHeading(line, headingForms(section)))
      .join('\n')
      .trim();
  });
  const first = starts[0] ?? lines.length;
  return { before: lines.slice(0, first).join('\n').trim(), sections, headings, missing, duplicated };
}
