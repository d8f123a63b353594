import { cellIndex, currentFormat, tableLayouts } from '../../../shared/format/index.ts';
import type { ReportFormat, TableId } from '../../../shared/format/index.ts';
import { blankAgency, blankReport, reportSchema } from '../../../shared/model/report.ts';
import type { Report } from '../../../shared/model/report.ts';
import { validate } from '../../../shared/model/validation.ts';
import type { Result } from '../../../shared/model/validation.ts';
import { locateSections, plainLine } from '../../../shared/text/sections.ts';
import { parseTitle, yearFromPeriod } from '../../../shared/text/title.ts';
import type { SourceDocument } from '../source.ts';
import { lineText } from '../source.ts';
import type { CellReading, ImportedSection, ImportIssue, ImportResult, UnmatchedText } from '../types.ts';
import type { IndexedLine, TableReading } from './context.ts';
import { readCrossTable } from './crossTable.ts';
import { readInfoFeeSentence, readPreamble, readSignature, signatureOptions } from './printedParts.ts';
import { readTable2 } from './table2.ts';

/**
 * From a document's lines to an import result: title, agency and year; the six
 * sections by their headings; the three tables by their labels; and a report built
 * from what was read. Pure: the readers did all the file work.
 */

const TABLE_NAMES: Readonly<Record<TableId, string>> = { table2: '表二（主动公开）', table3: '表三（依申请公开）', table4: '表四（复议诉讼）' };
const MAX_AGENCY_CHARS = 100;
const MAX_SECTION_CHARS = 200_000;
/** Longest website, URL, address, phone and contact texts the report model keeps. */
const DETAIL_LIMITS = { website: 100, websiteUrl: 300, address: 200, phone: 60, contact: 300 } as const;
const MIN_REPORT_EVIDENCE = 2;

/** The year most often written as `20xx年` in a text (a last resort when title and period give none). */
function commonYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/((?:19|20)\d{2})\s*年/g)) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/** Text cut to what the report model keeps, saying so when it is cut. */
function clip(text: string, max: number, what: string, issues: ImportIssue[]): string {
  if (text.length <= max) return text;
  issues.push({ level: 'warning', where: what, message: `${what}超过${max}个字，已截断，请核对` });
  return text.slice(0, max);
}

function textOf(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** 0.0000 printed under 保留4位小数 is the figure 0: the padding is the printer's, not a value. */
function withoutPadding(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function recogniseReport(document: SourceDocument, fileName: string, format: ReportFormat = currentFormat): Result<ImportResult> {
  const texts = document.lines.map(lineText);
  const location = locateSections(texts, format);
  const index = cellIndex(format);
  const layouts = tableLayouts(format);
  const issues: ImportIssue[] = [];
  const unmatched: UnmatchedText[] = [];

  const before = texts.slice(0, location.firstHeading);
  const title = parseTitle(before);
  const titleLines = new Set(title?.lines ?? []);
  const preamble = textOf(before.filter((_, i) => !titleLines.has(i)).map(plainLine));

  const readTable = (id: TableId, lines: readonly IndexedLine[]): TableReading =>
    id === 'table2'
      ? readTable2(lines, format, index, TABLE_NAMES.table2)
      : readCrossTable({ lines, table: format.tables[id], layout: layouts[id], index, name: TABLE_NAMES[id] });
  const linesOf = (start: number, end: number): IndexedLine[] => document.lines.slice(start, end).map((line, i) => ({ index: start + i, line }));

  const tableReadings = new Map<TableId, TableReading>();
  for (const range of location.ranges) {
    const table = format.sections.find((s) => s.key === range.key)!.table;
    if (table) tableReadings.set(table, readTable(table, linesOf(range.start, range.end)));
  }
  // A table whose heading was not found may still be printed (under a garbled heading): look for it anywhere.
  for (const section of format.sections) {
    if (!section.table || tableReadings.has(section.table)) continue;
    const taken = new Set([...tableReadings.values()].flatMap((r) => [...r.used]));
    const reading = readTable(section.table, linesOf(location.firstHeading, document.lines.length).filter((l) => !taken.has(l.index)));
    if (reading.found) {
      tableReadings.set(section.table, reading);
      issues.push({ level: 'warning', where: TABLE_NAMES[section.table], message: `没有找到“${section.heading}”标题，但在其他位置找到了${TABLE_NAMES[section.table]}，请核对` });
    }
  }
  const usedByTables = new Set([...tableReadings.values()].flatMap((r) => [...r.used]));
  const sectionTexts = new Map<string, string[]>();
  for (const range of location.ranges) {
    const duplicates = new Set(location.duplicateLines[range.key] ?? []);
    const lines = linesOf(range.start, range.end).filter((l) => !usedByTables.has(l.index) && !duplicates.has(l.index));
    sectionTexts.set(range.key, lines.map((l) => texts[l.index]!));
  }

  const tablesFound = [...tableReadings.values()].filter((r) => r.found).length;
  if (location.ranges.length + tablesFound < MIN_REPORT_EVIDENCE) {
    return {
      ok: false,
      error: `“${fileName}”看起来不是政府信息公开工作年度报告：没有找到“一、总体情况”等六个章节标题，也没有找到主动公开、依申请公开、复议诉讼三张表格。请确认选择的文件。`,
    };
  }

  for (const key of location.missing) {
    const section = format.sections.find((s) => s.key === key)!;
    issues.push({ level: 'warning', where: section.heading, message: `没有找到章节标题“${section.heading}”` });
  }
  for (const key of location.duplicated) {
    const section = format.sections.find((s) => s.key === key)!;
    const lines = location.duplicateLines[key]!.map((i) => i + 1).join('、');
    issues.push({ level: 'info', where: section.heading, message: `章节标题“${section.heading}”出现了不止一次（另见第${lines}行），按与前后内容相符的一处划分章节` });
  }

  const cells: CellReading[] = [];
  let feesUnitNote: string | null = null;
  for (const id of ['table2', 'table3', 'table4'] as const) {
    const reading = tableReadings.get(id);
    if (!reading?.found) issues.push({ level: 'warning', where: TABLE_NAMES[id], message: `没有找到${TABLE_NAMES[id]}，其中各格按空白处理` });
    if (reading) {
      issues.push(...reading.issues);
      unmatched.push(...reading.unmatched);
      if ('feesUnitNote' in reading) feesUnitNote = reading.feesUnitNote as string | null;
    }
    cells.push(...(reading?.cells ?? []));
  }
  const fourDecimals = feesUnitNote !== null && feesUnitNote.includes('4位小数');
  const readCells = cells.map((c) => (fourDecimals && c.value !== null && index.byKey.get(c.key)!.kind === 'money' ? { ...c, value: withoutPadding(c.value) } : c));

  if (!title) issues.push({ level: 'warning', where: '标题', message: '没有找到报告标题（如“××2024年政府信息公开工作年度报告”）' });
  else if (title.agency === null) issues.push({ level: 'warning', where: '标题', message: '标题中没有机关名称，请在导入后填写' });
  let year = title?.year ?? yearFromPeriod(texts.join('\n'));
  if (year === null) {
    year = commonYear(texts.join('\n'));
    if (year !== null) issues.push({ level: 'warning', where: '标题', message: `没有找到报告年度，按正文中最常出现的年份暂定为${year}年，请核对` });
  }
  const reportYear = year ?? new Date().getFullYear() - 1;
  if (year === null) issues.push({ level: 'warning', where: '标题', message: `没有找到报告年度，暂定为${reportYear}年，请核对` });
  const agency = title?.agency ?? null;
  const base = blankReport(blankAgency(clip(agency ?? '', MAX_AGENCY_CHARS, '机关名称', issues)), reportYear, format);

  const lastSection = location.ranges[location.ranges.length - 1];
  let signature = readSignature([], null);
  if (lastSection) {
    const lines = sectionTexts.get(lastSection.key)!;
    signature = readSignature(lines, agency);
    const printed = lines.map((l) => l.trim()).filter(Boolean);
    sectionTexts.set(lastSection.key, printed.slice(0, printed.length - signature.lines));
  }
  const otherKey = format.sections[format.sections.length - 1]!.key;
  const otherLines = (sectionTexts.get(otherKey) ?? []).map((l) => l.trim()).filter(Boolean);
  const infoFee = otherLines.length ? readInfoFeeSentence(otherLines[0]!, base) : undefined;
  if (infoFee) sectionTexts.set(otherKey, otherLines.slice(1));

  const sections: ImportedSection[] = format.sections.map((section) => {
    const range = location.ranges.find((r) => r.key === section.key);
    return { key: section.key, heading: range ? plainLine(texts[range.heading]!) : null, text: textOf(sectionTexts.get(section.key) ?? []) };
  });

  const values: Record<string, string> = {};
  const statedTotals: Record<string, string | null> = {};
  for (const reading of readCells) {
    const def = index.byKey.get(reading.key)!;
    if (def.sumOf) {
      if (tableReadings.get(def.table)?.found) statedTotals[def.key] = reading.value;
    } else if (reading.value !== null) {
      values[def.key] = reading.value;
    }
  }
  const read = readPreamble(preamble);
  const details = Object.fromEntries(
    Object.entries(DETAIL_LIMITS).map(([field, max]) => [field, clip(read[field as keyof typeof DETAIL_LIMITS], max, '前言中的联系方式', issues)]),
  );
  const report: Report = {
    ...base,
    agency: {
      ...base.agency,
      ...details,
      exportOptions: {
        ...base.agency.exportOptions,
        feeWording: fourDecimals ? 'fourDecimals' : 'official',
        includePreamble: preamble !== '',
        ...signatureOptions(signature, reportYear, agency, base.agency.exportOptions),
      },
    },
    sections: Object.fromEntries(sections.filter((s) => s.text !== '').map((s) => [s.key, clip(s.text, MAX_SECTION_CHARS, s.heading ?? s.key, issues)])),
    values,
    statedTotals,
    ...(infoFee ? { infoFee } : {}),
  };

  const valid = validate(reportSchema, report);
  if (!valid.ok) return { ok: false, error: `“${fileName}”中读出的报告不完整：${valid.error}` };
  return {
    ok: true,
    value: {
      fileName,
      sourceFormat: document.format,
      ...(document.pages === undefined ? {} : { pages: document.pages }),
      sourceLines: texts,
      title: title?.title ?? null,
      agency,
      year,
      feesUnitNote,
      sections,
      preamble,
      cells: readCells,
      unmatched,
      issues,
      report: valid.value,
    },
  };
}
