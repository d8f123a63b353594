import { cellName, infoFeeSection, sectionOrdinal } from '../format/index.ts';
import type { CellFigure, Figures } from '../figures/figures.ts';
import { normaliseFigure } from '../figures/normalise.ts';
import { INFO_FEE_KINDS } from '../model/report.ts';
import type { Report } from '../model/report.ts';
import type { FindingDraft } from './finding.ts';

/** V-COUNT / V-FEE: a cell holds something that is not a count (or not an amount). */
function invalidValueFindings(figures: Figures): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const figure of figures.cells.values()) {
    if (figure.entered?.status !== 'invalid') continue;
    const { cell } = figure;
    const rule = cell.kind === 'money' ? 'V-FEE' : 'V-COUNT';
    const stated = cell.sumOf ? '（来源文件所列合计）' : '';
    findings.push({
      id: `${rule}.${cell.key}`,
      rule,
      severity: 'error',
      location: { table: cell.table, row: cell.rowKey, column: cell.columnKey, cells: [cell.key] },
      message: `${cellName(cell)}${stated}：${figure.entered.message}`,
    });
  }
  return findings;
}

/**
 * V-BLANK: an official table cell must never be empty (zero is written 0). One finding
 * per table row, naming its blank columns. Derived totals are blank only because an
 * operand is, so only typed cells and totals stated blank by a source are reported.
 */
function blankFindings(figures: Figures): FindingDraft[] {
  const byRow = new Map<string, CellFigure[]>();
  for (const figure of figures.cells.values()) {
    if (figure.entered?.status !== 'blank') continue;
    const rowId = `${figure.cell.table}.${figure.cell.rowKey}`;
    byRow.set(rowId, [...(byRow.get(rowId) ?? []), figure]);
  }
  return [...byRow.entries()].map(([rowId, blanks]) => {
    const { cell } = blanks[0]!;
    const columns = blanks.map((b) => cellName(b.cell, 'inRow'));
    const rowName = cell.rowLabel ? `「${cell.rowLabel}」行` : '';
    const what = columns.filter(Boolean).length ? `「${columns.join('」「')}」` : '';
    return {
      id: `V-BLANK.${rowId}`,
      rule: 'V-BLANK',
      severity: 'error',
      location: { table: cell.table, row: cell.rowKey, cells: blanks.map((b) => b.cell.key) },
      message: `${cell.tableName}${rowName}${what}未填写（共${blanks.length}格）。官方表格每格都要填写，没有的填0。`,
    } satisfies FindingDraft;
  });
}

/** V-INFOFEE: the structured fee figures (信息处理费), in the section whose role they are. */
function infoFeeFindings(report: Report, figures: Figures): FindingDraft[] {
  const fees = infoFeeSection(figures.format);
  if (!fees) return [];
  const { section, words } = fees;
  const findings: FindingDraft[] = [];
  for (const { field, label } of words.figures) {
    const raw = report.infoFee[field];
    const result = normaliseFigure(raw ?? '', INFO_FEE_KINDS[field]);
    const location = { section: section.key, cells: [`infoFee.${field}`], field: `infoFee.${field}` };
    if (!result.ok) {
      findings.push({ id: `V-INFOFEE.${field}`, rule: 'V-INFOFEE', severity: 'error', location, message: `${words.name}「${label}」：${result.message}` });
    } else if (result.value === null) {
      findings.push({
        id: `V-INFOFEE.${field}`,
        rule: 'V-INFOFEE',
        severity: 'warning',
        location,
        message: `${words.name}「${label}」未填写。${sectionOrdinal(section)}应报告${words.name}的收取情况，没有的填0。`,
      });
    }
  }
  return findings;
}

export function valueFindings(report: Report, figures: Figures): FindingDraft[] {
  return [...invalidValueFindings(figures), ...blankFindings(figures), ...infoFeeFindings(report, figures)];
}
