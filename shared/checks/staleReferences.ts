import type { Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import { escapeRegExp } from '../text/escapeRegExp.ts';
import type { FindingDraft } from './finding.ts';
import { quoteAround } from './quote.ts';

/**
 * Last year's words left in this year's text (warnings at the words):
 * X-STALE-YEAR, a past year where the report's year is expected ("2025年，我局…" in the
 * 2026 report); X-STALE-AGENCY, last year's agency name after the agency was renamed.
 * A past year is fine where the phrase names it on purpose: a comparison (与2025年相比,
 * 较2025年), last year's carry-over or report (2025年度结转, 2025年度报告), a span
 * (2021—2025年), a document's or item's name in 《》 or “”, when a law was issued or amended.
 */
const YEAR = /(?<!\d)(\d{4})年/g;
const COMPARISON_BEFORE = /(?:与|较|比|同比|上年|上一年)[（(]?$/;
const SPAN_BEFORE = /\d{4}年?\s*[—–\-－~～至到]\s*$/;
/** After the year: a carry-over, a report (by the format's title endings too), a comparison, a span, a law's dates. */
function namedAfter(titleSuffixForms: readonly string[]): RegExp {
  const names = ['结转', '报告', ...titleSuffixForms.map(escapeRegExp), '年度报告', '所列', '相比', '同期', '以前', '之前', '起施行'];
  return new RegExp(`^年(?:度)?(?:的)?(?:${names.join('|')})|^年?\\s*[—–\\-－~～至到]\\s*\\d{4}|^年(?:\\d{1,2}月(?:\\d{1,2}日)?)?(?:起)?(?:修订|修正|施行|颁布|公布)`);
}

/** Inside 《…》 or “…”: the name of a document or of a published item (“2020年部门决算”). */
function insideTitle(text: string, index: number): boolean {
  const before = text.slice(0, index);
  if ((before.match(/"/g)?.length ?? 0) % 2 === 1) return true;
  return [['《', '》'], ['“', '”']].some(([open, close]) => before.lastIndexOf(open!) > before.lastIndexOf(close!));
}

function staleYears(report: Report): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const named = namedAfter(reportFormat(report).titleSuffixForms);
  for (const [section, text] of Object.entries(report.sections)) {
    for (const match of text.matchAll(YEAR)) {
      const year = Number(match[1]);
      if (year < 2000 || year >= report.year) continue;
      const before = text.slice(Math.max(0, match.index - 8), match.index);
      const after = text.slice(match.index + 4, match.index + 20);
      if (COMPARISON_BEFORE.test(before) || SPAN_BEFORE.test(before) || named.test(after) || insideTitle(text, match.index)) continue;
      findings.push({
        id: `X-STALE-YEAR.${section}.${match.index}`,
        rule: 'X-STALE-YEAR',
        severity: 'warning',
        location: { section, cells: [], words: { start: match.index, text: match[0] } },
        message: `正文说“${quoteAround(text, match.index, match.index + match[0].length)}”，本报告是${report.year}年度的，这里的“${match[0]}”可能是沿用上年文字未改。如确指${year}年，可写明“与${year}年相比”“${year}年度结转”等。`,
      });
    }
  }
  return findings;
}

function staleAgency(report: Report, previous: Report): FindingDraft[] {
  const [name, old] = [report.agency.name.trim(), previous.agency.name.trim()];
  if (!name || !old || name === old) return [];
  const findings: FindingDraft[] = [];
  for (const [section, text] of Object.entries(report.sections)) {
    for (let at = text.indexOf(old); at !== -1; at = text.indexOf(old, at + old.length)) {
      // The old name inside the new one (XX局 → XX管理局 does not, XX局 → 市XX局 does) is the new name.
      const within = name.indexOf(old);
      if (within !== -1 && text.startsWith(name, at - within)) continue;
      findings.push({
        id: `X-STALE-AGENCY.${section}.${at}`,
        rule: 'X-STALE-AGENCY',
        severity: 'warning',
        location: { section, cells: [], words: { start: at, text: old } },
        message: `正文说“${quoteAround(text, at, at + old.length)}”，这是${previous.year}年度报告中的机关名称；本机关现名“${name}”。请改为现名。`,
      });
    }
  }
  return findings;
}

export function staleReferenceFindings(report: Report, previous?: Report): FindingDraft[] {
  return [...staleYears(report), ...(previous ? staleAgency(report, previous) : [])];
}
