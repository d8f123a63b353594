import type { ReportFormat } from '../../../shared/format/index.ts';
import { norm } from '../../../shared/text/norm.ts';
import { isPageNumber } from './pageFurniture.ts';
import { plainLine } from './sections.ts';

/**
 * The title of a published report and what it says: the issuing body (agency) and the
 * year. Accepted forms, as published reports print them: agency first
 * (`湖滨区政府办2021年政府信息公开工作年度报告`), year first
 * (`2019年上海市人民政府办公厅政府信息公开工作年度报告`), the agency on its own line
 * above `2021年政府信息公开工作年度报告`, a title wrapped over lines anywhere, and a
 * bare year (`2021`) when the agency is not printed.
 */

export interface ParsedTitle {
  /** The title as printed (its lines joined). */
  readonly title: string;
  readonly agency: string | null;
  readonly year: number | null;
  /** Indexes of the lines the title occupies. */
  readonly lines: readonly number[];
}

/** How many leading non-empty lines a wrapped title may occupy. */
const MAX_TITLE_LINES = 3;
const MAX_AGENCY_CHARS = 60;

const AGENCY_FIRST = /^(.*?)((?:19|20)\d{2})年(?:度)?$/;
const YEAR_FIRST = /^((?:19|20)\d{2})年(?:度)?(.*)$/;
const BARE_YEAR = /^((?:19|20)\d{2})年?(?:度)?$/;
/** A page's metadata field naming the title (`标题: …`, as a crawler or a CMS export writes it). */
const TITLE_FIELD = /^标题\s*[:：]\s*/;

/** A line as the title would print it: without Markdown marks and without a `标题:` field name. */
function titleText(line: string): string {
  return plainLine(line).replace(TITLE_FIELD, '');
}

/** The agency (with its offset in the normalised text) and the year of a title. */
function readTitle(text: string, format: ReportFormat): { agency: string | null; offset: number; year: number } | undefined {
  // The format's title endings (`政府信息公开工作年度报告` and its shorter forms); a `年度` before one belongs to the year.
  const suffix = format.titleSuffixForms.filter((form) => text.endsWith(norm(form))).sort((a, b) => b.length - a.length)[0];
  if (suffix === undefined) return undefined;
  const rest = text.slice(0, text.length - norm(suffix).length);
  const agencyFirst = AGENCY_FIRST.exec(rest);
  if (agencyFirst) return { agency: agencyFirst[1] || null, offset: 0, year: Number(agencyFirst[2]) };
  const yearFirst = YEAR_FIRST.exec(rest);
  if (yearFirst) return { agency: yearFirst[2] || null, offset: rest.length - yearFirst[2]!.length, year: Number(yearFirst[1]) };
  return undefined;
}

/** Reads the title from the lines before the first section heading. */
export function parseTitle(lines: readonly string[], format: ReportFormat): ParsedTitle | undefined {
  const candidates = lines
    .map((line, index) => ({ index, text: norm(titleText(line)) }))
    .filter((l) => l.text !== '' && !isPageNumber(l.text))
    .slice(0, MAX_TITLE_LINES + 1);
  for (let first = 0; first < candidates.length; first++) {
    for (let count = 1; count <= MAX_TITLE_LINES && first + count <= candidates.length; count++) {
      const part = candidates.slice(first, first + count);
      const read = readTitle(part.map((c) => c.text).join(''), format);
      if (read && (read.agency === null || Array.from(read.agency).length <= MAX_AGENCY_CHARS)) {
        return {
          title: part.map((c) => titleText(lines[c.index]!)).join(''),
          agency: read.agency === null ? null : printedAgency(part.map((c) => titleText(lines[c.index]!)).join(''), read.offset, read.agency),
          year: read.year,
          lines: part.map((c) => c.index),
        };
      }
    }
  }
  const bare = candidates.find((c) => BARE_YEAR.test(c.text));
  if (bare) {
    return { title: titleText(lines[bare.index]!), agency: null, year: Number(BARE_YEAR.exec(bare.text)![1]), lines: [bare.index] };
  }
  return undefined;
}

/**
 * The agency as printed: `norm` dropped spaces and made brackets half-width, so the
 * agency is cut from the printed title at its place in the normalised one.
 */
function printedAgency(printed: string, offset: number, normalised: string): string {
  let taken = '';
  let position = 0;
  for (const char of printed) {
    if (position >= offset + normalised.length) break;
    if (position >= offset) taken += char;
    position += norm(char).length;
  }
  return taken.trim();
}

const PERIOD = /统计期限自?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;

/** The year of the statistics period sentence (`本报告所列数据的统计期限自2021年1月1日起…`). */
export function yearFromPeriod(text: string): number | null {
  const match = PERIOD.exec(text.normalize('NFKC'));
  return match ? Number(match[1]) : null;
}
