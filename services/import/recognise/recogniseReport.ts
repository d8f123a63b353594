import { countInWords } from '../../../shared/document/build.ts';
import { currentFormat, formatForYear, formats } from '../../../shared/format/index.ts';
import type { ReportFormat } from '../../../shared/format/index.ts';
import type { Result } from '../../../shared/model/validation.ts';
import type { SectionLocation } from '../text/sections.ts';
import { locateSections, plainLine } from '../text/sections.ts';
import type { ParsedTitle } from '../text/title.ts';
import { parseTitle, yearFromPeriod } from '../text/title.ts';
import type { SourceDocument } from '../source.ts';
import { lineText } from '../source.ts';
import type { ImportedSection, ImportIssue, ImportResult } from '../types.ts';
import { buildReport, splitInfoFee } from './buildReport.ts';
import { readSignature } from './printedParts.ts';
import { readTables } from './tables.ts';

/**
 * From a document's lines to an import result: title, agency and year; the six
 * sections by their headings; the three tables by their labels; and a report built
 * from what was read. Pure: the readers did all the file work.
 */

/** At least this many of the six headings and three tables must be found for a file to be a report. */
const MIN_REPORT_EVIDENCE = 2;

function textOf(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** The year most often written as `20xx年` in a text (a last resort when title and period give none). */
function commonYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/((?:19|20)\d{2})\s*年/g)) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/** The reporting year: from the title, the statistics period, or (said so) the text; else last year, said so. */
function reportYear(title: ParsedTitle | undefined, text: string, format: ReportFormat, issues: ImportIssue[]): { year: number | null; reportYear: number } {
  if (!title) issues.push({ level: 'warning', where: '标题', message: `没有找到报告标题（如“××2024年${format.titleSuffix}”）` });
  else if (title.agency === null) issues.push({ level: 'warning', where: '标题', message: '标题中没有机关名称，请在导入后填写' });
  const stated = title?.year ?? yearFromPeriod(text);
  if (stated !== null) return { year: stated, reportYear: stated };
  const common = commonYear(text);
  if (common !== null) {
    issues.push({ level: 'warning', where: '标题', message: `没有找到报告年度，按正文中最常出现的年份暂定为${common}年，请核对` });
    return { year: common, reportYear: common };
  }
  const fallback = new Date().getFullYear() - 1;
  issues.push({ level: 'warning', where: '标题', message: `没有找到报告年度，暂定为${fallback}年，请核对` });
  return { year: null, reportYear: fallback };
}

function sectionIssues(location: SectionLocation, format: ReportFormat): ImportIssue[] {
  const heading = (key: string) => format.sections.find((s) => s.key === key)!.heading;
  return [
    ...location.missing.map((key): ImportIssue => ({ level: 'warning', where: heading(key), message: `没有找到章节标题“${heading(key)}”` })),
    ...location.duplicated.map((key): ImportIssue => ({
      level: 'info',
      where: heading(key),
      message: `章节标题“${heading(key)}”出现了不止一次（另见第${location.duplicateLines[key]!.map((i) => i + 1).join('、')}行），按与前后内容相符的一处划分章节`,
    })),
  ];
}

/** Why a file is refused as no report: it has too few of the format's headings and tables. */
function notAReport(fileName: string, format: ReportFormat): string {
  const tables = Object.values(format.tables);
  return (
    `“${fileName}”看起来不是${format.titleSuffix}：没有找到“${format.sections[0]!.heading}”等${countInWords(format.sections.length)}个章节标题，` +
    `也没有找到${tables.map((t) => t.subject).join('、')}${countInWords(tables.length)}张表格。请确认选择的文件。`
  );
}

/**
 * Reads a document in `format`, or else in the format of the year it reports on
 * (`formatForYear`): the year is read with the latest format's headings and title words
 * (or, when those find no report, an older format's), and a report on a year of another
 * format is read again in that one. `minEvidence`: how many of the headings and tables
 * must be found; pasted text may be a single table (1).
 */
export function recogniseReport(document: SourceDocument, fileName: string, format?: ReportFormat, minEvidence = MIN_REPORT_EVIDENCE): Result<ImportResult> {
  if (format) return recogniseIn(document, fileName, format, minEvidence);
  const candidates = [currentFormat, ...Object.values(formats).filter((f) => f !== currentFormat)];
  let refused: Result<ImportResult> | undefined;
  for (const candidate of candidates) {
    const reading = recogniseIn(document, fileName, candidate, minEvidence);
    if (!reading.ok) {
      refused ??= reading;
      continue;
    }
    const ofYear = formatForYear(reading.value.report.year);
    return ofYear === candidate ? reading : recogniseIn(document, fileName, ofYear, minEvidence);
  }
  return refused!;
}

function recogniseIn(document: SourceDocument, fileName: string, format: ReportFormat, minEvidence: number): Result<ImportResult> {
  const texts = document.lines.map(lineText);
  const location = locateSections(texts, format);
  const tables = readTables(document.lines, location, format);
  if (location.ranges.length + tables.found.size < minEvidence) {
    return {
      ok: false,
      error: notAReport(fileName, format),
    };
  }
  const issues: ImportIssue[] = [...sectionIssues(location, format), ...tables.issues];

  const before = texts.slice(0, location.firstHeading);
  const title = parseTitle(before, format);
  const titleLines = new Set(title?.lines ?? []);
  const preamble = textOf(before.filter((_, i) => !titleLines.has(i)).map(plainLine));
  const { year, reportYear: yearOfReport } = reportYear(title, texts.join('\n'), format, issues);
  const agency = title?.agency ?? null;

  const sectionLines = new Map(
    location.ranges.map((range) => {
      const repeated = new Set(location.duplicateLines[range.key] ?? []);
      const own = texts.slice(range.start, range.end).filter((_, i) => !tables.used.has(range.start + i) && !repeated.has(range.start + i));
      return [range.key, own.map((l) => l.trim()).filter(Boolean)] as const;
    }),
  );
  const last = location.ranges[location.ranges.length - 1];
  const signature = readSignature(last ? sectionLines.get(last.key)! : [], agency);
  if (last) sectionLines.set(last.key, sectionLines.get(last.key)!.slice(0, sectionLines.get(last.key)!.length - signature.lines));
  const printed: ImportedSection[] = format.sections.map((section) => {
    const range = location.ranges.find((r) => r.key === section.key);
    return { key: section.key, heading: range ? plainLine(texts[range.heading]!) : null, text: textOf(sectionLines.get(section.key) ?? []) };
  });
  const { infoFee, sections } = splitInfoFee(printed, format, yearOfReport);

  const report = buildReport({ format, year: yearOfReport, agency, preamble, sections, infoFee, tables, signature }, issues);
  if (!report.ok) return { ok: false, error: `“${fileName}”中读出的报告不完整：${report.error}` };
  return {
    ok: true,
    value: {
      fileName,
      sourceFormat: document.format,
      ...(document.pages === undefined ? {} : { pages: document.pages }),
      ...(document.pageSizes === undefined ? {} : { pageSizes: document.pageSizes }),
      sourceLines: texts,
      title: title?.title ?? null,
      agency,
      year,
      feesUnitNote: tables.feesUnitNote,
      sections,
      preamble,
      cells: tables.cells,
      unmatched: tables.unmatched,
      issues,
      report: report.value,
    },
  };
}
