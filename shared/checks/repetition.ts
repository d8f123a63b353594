import type { Report } from '../model/report.ts';
import { reportFormat } from '../model/report.ts';
import { overlapWith, percentText } from '../text/overlap.ts';
import type { Overlap } from '../text/overlap.ts';
import type { FindingDraft } from './finding.ts';

/**
 * X-REPEAT: how much of a section's text is still last year's. Evaluators deduct points
 * when a report repeats more than half of the previous year's (宿迁's scoring rules), and
 * reports have been published word for word identical to an earlier year's.
 */
export const REPEAT_WARNING_ABOVE = 0.5;
export const REPEAT_HINT_ABOVE = 0.3;

/** Per prose section with text in both years: the overlap with last year's same section. */
export function repetitionBySection(report: Report, previous: Report): Map<string, Overlap> {
  const shares = new Map<string, Overlap>();
  for (const section of reportFormat(report).sections) {
    if (section.table) continue;
    const [text, before] = [report.sections[section.key] ?? '', previous.sections[section.key] ?? ''];
    if (text.trim() === '' || before.trim() === '') continue;
    shares.set(section.key, overlapWith(text, before));
  }
  return shares;
}

export function repetitionFindings(report: Report, previous: Report): FindingDraft[] {
  const format = reportFormat(report);
  const findings: FindingDraft[] = [];
  for (const [key, overlap] of repetitionBySection(report, previous)) {
    if (overlap.share <= REPEAT_HINT_ABOVE) continue;
    const heading = format.sections.find((s) => s.key === key)!.heading;
    const warning = overlap.share > REPEAT_WARNING_ABOVE;
    findings.push({
      id: `X-REPEAT.${key}`,
      rule: 'X-REPEAT',
      severity: warning ? 'warning' : 'hint',
      location: { section: key, cells: [] },
      message:
        `「${heading}」与${previous.year}年度报告重复${percentText(overlap.share)}（连续8个字相同即计为重复，数字不计差别）。` +
        (warning ? '重复超过一半的报告在评估中会被扣分，' : '') +
        '请按本年实际情况改写标出的沿用文字。',
    });
  }
  return findings;
}
