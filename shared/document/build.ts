import { tableById, tableLayouts } from '../format/index.ts';
import type { FeeColumn, FeeUnitWording, ReportFormat, TableId } from '../format/index.ts';
import { checkReport } from '../checks/index.ts';
import { computeFigures } from '../figures/figures.ts';
import type { CellFigure, Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import type { DocCell, DocParagraph, DocSection, DocTable, DocumentModel } from './model.ts';
import { figureSizePt } from './figureSize.ts';
import { parseParagraphs } from './paragraphs.ts';
import { printable } from './printableText.ts';
import { DRAFT_MARK, TABLE_FONT_PT, TITLE_EM_PER_LINE, widestWidthInEm } from './typography.ts';

/** `湖滨区政府办2024年政府信息公开工作年度报告` (agency first, on one line). */
export function reportTitle(report: Report, format: ReportFormat = reportFormat(report)): string {
  return `${report.agency.name.trim()}${report.year}年${format.titleSuffix}`;
}

/** The title broken between agency and year when it may not fit on one line on any machine. */
export function titleLines(report: Report, format: ReportFormat = reportFormat(report)): string[] {
  const title = reportTitle(report, format);
  if (widestWidthInEm(title) <= TITLE_EM_PER_LINE) return [title];
  return [report.agency.name.trim(), `${report.year}年${format.titleSuffix}`];
}

/** `2025年1月31日`: GB/T 9704-2012 writes dates in Arabic numerals. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The default signature date: the 31 January deadline after the reporting year (《条例》第四十九条). */
export function defaultSignatureDate(year: number): string {
  return `${year + 1}-01-31`;
}

/** The printed text of a figure: as entered, the fee column's amount padded to its decimals when its header says so. */
function figureText(figure: CellFigure, feeColumn: FeeColumn | undefined, feeWording: FeeUnitWording): string {
  if (!feeColumn || feeWording !== 'fourDecimals' || figure.cell.key !== feeColumn.cell) return figure.text;
  if (!new RegExp(`^\\d+(\\.\\d{0,${feeColumn.decimals}})?$`).test(figure.text)) return figure.text;
  const [integer, decimals = ''] = figure.text.split('.');
  return `${integer}.${decimals.padEnd(feeColumn.decimals, '0')}`;
}

function buildTable(id: TableId, report: Report, figures: Figures): DocTable {
  const { feeWording } = report.agency.exportOptions;
  const layout = tableLayouts(figures.format, { feeWording })[id]!;
  const cells: DocCell[] = layout.cells.map((cell) => {
    const { row, col, rowSpan, colSpan, content } = cell;
    if (content.type === 'label') return { row, col, rowSpan, colSpan, text: content.text, role: content.role };
    const figure = figures.get(content.key);
    const text = figureText(figure, figures.format.feeColumn, feeWording);
    const sizePt = figureSizePt(text, layout.columnWidthsMm.slice(col, col + colSpan).reduce((a, b) => a + b, 0));
    return {
      row,
      col,
      rowSpan,
      colSpan,
      text,
      role: figure.cell.sumOf ? 'total' : 'value',
      key: content.key,
      ...(sizePt < TABLE_FONT_PT ? { sizePt } : {}),
    };
  });
  return {
    kind: 'table',
    id,
    title: tableById(figures.format, id).title,
    rowCount: layout.rowCount,
    columnCount: layout.columnCount,
    headerRows: layout.headerRows,
    columnWidthsMm: layout.columnWidthsMm,
    cells,
  };
}

/**
 * The fee sentence (the format's `infoFee.sentence`) that opens the section holding the
 * fee figures, when they are all filled in: the figures as entered, or the sentence for
 * none when no notice was issued and nothing collected.
 */
export function infoFeeSentence(report: Report, format: ReportFormat = reportFormat(report)): string | undefined {
  const words = format.infoFee;
  if (!words) return undefined;
  const fee = report.infoFee;
  if (words.figures.some((f) => fee[f.field] === null)) return undefined;
  if (Number(fee.noticesIssued) === 0 && Number(fee.collectedYuan) === 0) return words.sentence.none;
  return `${words.sentence.lead}${words.figures.map((f) => `${f.words}${fee[f.field]}${f.unit}`).join('，')}。`;
}

const CHINESE_NUMERALS = '〇一二三四五六七八九十';

/** A small count in words, as prose writes it (`六部分`). */
export function countInWords(n: number): string {
  return n <= 10 ? CHINESE_NUMERALS[n]! : String(n);
}

function preamble(report: Report, format: ReportFormat): DocParagraph[] {
  const { agency, year } = report;
  const name = agency.name.trim();
  const lines = [
    `本报告${name ? `由${name}` : ''}按照《中华人民共和国政府信息公开条例》（以下简称《条例》）和《${format.name}》（${format.basis}）要求编制。`,
    // A heading's own 、 (行政复议、行政诉讼) reads as 和 inside this 、-separated list.
    `本报告内容包括${format.sections.map((s) => s.heading.slice(s.numeral.length).replaceAll('、', '和')).join('、')}等${countInWords(format.sections.length)}部分内容。`,
  ];
  let period = `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
  if (agency.website.trim()) {
    const url = agency.websiteUrl.trim() ? `（${agency.websiteUrl.trim()}）` : '';
    period += `本报告电子版可在“${agency.website.trim()}”${url}查阅或下载。`;
  }
  lines.push(period);
  const contact =
    [agency.address.trim() && `地址：${agency.address.trim()}`, agency.phone.trim() && `联系电话：${agency.phone.trim()}`]
      .filter(Boolean)
      .join('，') || agency.contact.trim();
  if (contact) lines.push(`如对本报告有疑问，请${name ? `与${name}` : ''}联系（${contact}）。`);
  return lines.map((text) => ({ kind: 'paragraph', text }));
}

/**
 * Builds the document model of a report: title, preamble, six sections with tables,
 * signature, and the draft mark while the checks find errors.
 */
export function buildDocument(source: Report): DocumentModel {
  const report = printable(source);
  const format = reportFormat(report);
  const figures = computeFigures(report);
  const options = report.agency.exportOptions;
  const title = reportTitle(report, format);
  const sections: DocSection[] = format.sections.map((section) => {
    const paragraphs = parseParagraphs(report.sections[section.key] ?? '');
    const fee = section.role === 'infoFee' ? infoFeeSentence(report, format) : undefined;
    const blocks = [
      ...(section.table ? [buildTable(section.table, report, figures)] : []),
      ...(fee ? [{ kind: 'paragraph', text: fee } as const] : []),
      ...paragraphs,
    ];
    return { key: section.key, heading: section.heading, blocks };
  });
  const date = options.includeDate ? chineseDate(options.signatureDate ?? defaultSignatureDate(report.year)) : undefined;
  const agency = options.includeSignature ? report.agency.name.trim() : undefined;
  const draft = options.markDraft && checkReport(source).counts.error > 0;
  return {
    title,
    titleLines: titleLines(report, format),
    properties: { title, author: report.agency.name.trim(), subject: `${format.name}（${format.basis}）` },
    preamble: options.includePreamble ? preamble(report, format) : [],
    sections,
    ...(agency || date ? { signature: { ...(agency ? { agency } : {}), ...(date ? { date } : {}) } } : {}),
    ...(draft ? { draftMark: DRAFT_MARK } : {}),
  };
}
