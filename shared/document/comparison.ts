import { compareYears } from '../figures/comparison.ts';
import type { ComparisonRow } from '../figures/comparison.ts';
import type { Report } from '../model/report.ts';
import { formatFigure, formatPercent } from '../sentences/change.ts';
import type { DocCell, DocSection, DocTable, DocumentModel } from './model.ts';

/**
 * The year-over-year comparison as a document of its own (exported beside the report as
 * DOCX): one table per part — 项目, 本年, 上年, 增减, 增减幅度 — for every figure.
 */
const HEADER = ['项目', '本年', '上年', '增减', '增减幅度'];
const WIDTHS_MM = [72, 21, 21, 21, 21];

function figureText(value: number | null): string {
  return value === null ? '—' : formatFigure(value);
}

export function changeText(row: Pick<ComparisonRow, 'change'>): string {
  if (row.change === null) return '—';
  return row.change > 0 ? `+${formatFigure(row.change)}` : formatFigure(row.change);
}

export function percentText(row: Pick<ComparisonRow, 'percent'>): string {
  if (row.percent === null) return '—';
  return row.percent > 0 ? `+${formatPercent(row.percent)}` : formatPercent(row.percent);
}

function comparisonTable(title: string, rows: readonly ComparisonRow[]): DocTable {
  const cells: DocCell[] = HEADER.map((text, col) => ({ row: 0, col, rowSpan: 1, colSpan: 1, text, role: 'header' }));
  rows.forEach((row, i) => {
    const r = i + 1;
    const role = row.isTotal ? 'total' : 'value';
    const texts = [`${row.label}（${row.unit}）`, figureText(row.now), figureText(row.before), changeText(row), percentText(row)];
    texts.forEach((text, col) => cells.push({ row: r, col, rowSpan: 1, colSpan: 1, text, role: col === 0 ? 'rowLabel' : role, ...(col === 1 ? { key: row.key } : {}) }));
  });
  return { kind: 'table', id: 'comparison', title, rowCount: rows.length + 1, columnCount: HEADER.length, headerRows: 1, columnWidthsMm: WIDTHS_MM, cells };
}

export function comparisonTitle(report: Report, previousYear: number): string {
  return `${report.agency.name.trim()}${report.year}年与${previousYear}年政府信息公开工作数据对比`;
}

export function buildComparisonDocument(report: Report, previous: Report): DocumentModel {
  const rows = compareYears(report, previous);
  const groups = [...new Set(rows.map((r) => r.groupTitle))];
  const sections: DocSection[] = groups.map((title) => ({
    key: `comparison:${title}`,
    heading: title,
    blocks: [comparisonTable(title, rows.filter((r) => r.groupTitle === title))],
  }));
  const title = comparisonTitle(report, previous.year);
  const agency = report.agency.name.trim();
  return {
    title,
    // Broken after the agency, as the report's own title is, rather than inside a word.
    titleLines: agency ? [agency, title.slice(agency.length)] : [title],
    properties: { title, author: report.agency.name.trim(), subject: `${report.year}年与${previous.year}年数据对比` },
    preamble: [{ kind: 'paragraph', text: `本表列出${report.year}年度报告各项数据与${previous.year}年度报告的对比。“—”表示该年未填写或无法计算（上年为0时不计增减幅度）。` }],
    sections,
  };
}
