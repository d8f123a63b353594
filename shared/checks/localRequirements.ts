import { sectionWithRole } from '../format/index.ts';
import type { SectionDef } from '../format/index.ts';
import type { Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import type { FindingDraft } from './finding.ts';

/**
 * L-OVERVIEW-LENGTH, L-OVERVIEW-HEADINGS, L-PROBLEMS-ITEMISED: the requirements the
 * agency's superior office set (agency.localRequirements), as warnings like the official
 * rules; the message names who set them.
 */
/** Two or more items: 一是…二是…, （一）…（二）…, 1.…2.…, 第一…第二…. */
const ITEMS = [/一是[\s\S]*二是/, /（一）[\s\S]*（二）/, /(?:^|\n)\s*1[.、．][\s\S]*\n\s*2[.、．]/, /第一[，,、][\s\S]*第二[，,、]/];

function characters(text: string): number {
  return text.replace(/\s/g, '').length;
}

export function localRequirementFindings(report: Report): FindingDraft[] {
  const requirements = report.agency.localRequirements;
  const format = reportFormat(report);
  const by = requirements.issuer ? `${requirements.issuer}要求` : '本地要求';
  const findings: FindingDraft[] = [];
  const location = (section: SectionDef) => ({ section: section.key, cells: [] });
  const overviewSection = sectionWithRole(format, 'overview');
  const overview = overviewSection ? (report.sections[overviewSection.key] ?? '') : '';
  if (overviewSection && requirements.overviewMaxChars !== null && characters(overview) > requirements.overviewMaxChars) {
    findings.push({
      id: 'L-OVERVIEW-LENGTH',
      rule: 'L-OVERVIEW-LENGTH',
      severity: 'warning',
      location: location(overviewSection),
      message: `${by}「${overviewSection.heading}」不超过${requirements.overviewMaxChars}字，现有${characters(overview)}字，多${characters(overview) - requirements.overviewMaxChars}字。请精简。`,
    });
  }
  const compact = overview.replace(/\s/g, '');
  const missing = !overviewSection || overview.trim() === '' ? [] : requirements.overviewSubheadings.filter((h) => !compact.includes(h.replace(/\s/g, '')));
  if (overviewSection && missing.length) {
    findings.push({
      id: 'L-OVERVIEW-HEADINGS',
      rule: 'L-OVERVIEW-HEADINGS',
      severity: 'warning',
      location: location(overviewSection),
      message: `${by}「${overviewSection.heading}」包含以下小标题：${requirements.overviewSubheadings.join('、')}；还缺少“${missing.join('”“')}”。请补充。`,
    });
  }
 const problemsSection = sectionWithRole(format, 'problems');
  const problems = problemsSection ? (report.sections[problemsSection.key] ?? '') : '';
  if (problemsSection && requirements.problemsItemised && problems.trim() !== '' && !ITEMS.some((pattern) => pattern.test(problems))) {
    findings.push({
      id: 'L-PROBLEMS-ITEMISED',
      rule: 'L-PROBLEMS-ITEMISED',
      severity: 'warning',
      location: location(problemsSection),
      message: `${by}「${problemsSection.heading}」逐条列出存在的问题（如“一是……二是……”或“1.……2.……”），本部分没有分条。请逐条列出。`,
    });
  }
  return findings;
}
