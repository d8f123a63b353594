import type { ReportFormat } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { Report } from '../model/report.ts';
import { filledStarters } from '../sentences/starters.ts';
import type { FindingDraft } from './finding.ts';

/** Placeholders left in templates: 【】, 【填写】, XX, ××, ＸＸ. */
const PLACEHOLDER = /【[^】]{0,12}】|[XxＸｘ×]{2,}/;

function excerpt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 8), index + 12).replace(/\s+/g, ' ');
}

/**
 * S-AGENCY: the title needs the agency's name. S-EMPTY, S-PLACEHOLDER, S-STARTER: the
 * prose sections are written and free of template text.
 */
export function sectionFindings(report: Report, format: ReportFormat, figures: Figures, hasInfoFee: boolean): FindingDraft[] {
  const findings: FindingDraft[] = [];
  if (report.agency.name.trim() === '') {
    findings.push({
      id: 'S-AGENCY',
      rule: 'S-AGENCY',
      severity: 'error',
      location: { cells: [], field: 'agency.name' },
      message: `没有填写机关名称。报告标题应为“机关名称＋${report.year}年${format.titleSuffix}”，请在机关信息中填写。`,
    });
  }
  for (const section of format.sections) {
    if (section.table) continue;
    const written = report.sections[section.key] ?? '';
    const text = written.trim();
    const location = { section: section.key, cells: [] };
    // The section holding the 信息处理费 may consist of their sentence alone.
    if (text === '' && !(section.role === 'infoFee' && hasInfoFee)) {
      findings.push({
        id: `S-EMPTY.${section.key}`,
        rule: 'S-EMPTY',
        severity: 'warning',
        location,
        message: `「${section.heading}」还没有内容。本部分应写：${section.guidance}`,
      });
      continue;
    }
    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) {
      findings.push({
        id: `S-PLACEHOLDER.${section.key}`,
        rule: 'S-PLACEHOLDER',
        severity: 'warning',
        location: { ...location, words: { start: written.length - written.trimStart().length + placeholder.index, text: placeholder[0] } },
        message: `「${section.heading}」中仍有模板占位内容“${placeholder[0]}”（…${excerpt(text, placeholder.index)}…），请替换为实际情况。`,
      });
    }
    // A starter counts as inserted as offered (figures filled in) or as the format words it.
    const starters = new Set([...section.starters, ...filledStarters(section.starters, format, figures, report.infoFee)]);
    const unedited = [...starters].filter((starter) => text.includes(starter.trim()));
    if (unedited.length) {
      findings.push({
        id: `S-STARTER.${section.key}`,
        rule: 'S-STARTER',
        severity: 'warning',
        location,
        message: `「${section.heading}」中有${unedited.length}段示例文字尚未修改，请按本单位实际情况改写。`,
      });
    }
  }
  return findings;
}
