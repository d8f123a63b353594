import type { InfoFeeWords, ReportFormat, SectionDef, SectionRole } from './types.ts';

/** The section that has a role (e.g. holds the 信息处理费 figures), if the format has one. */
export function sectionWithRole(format: ReportFormat, role: SectionRole): SectionDef | undefined {
  return format.sections.find((s) => s.role === role);
}

/** A section's numeral without its 、: `六`. */
export function sectionNumber(section: SectionDef): string {
  return section.numeral.replace(/[、.．]$/, '');
}

/** How prose refers to a section: `第六部分`. */
export function sectionOrdinal(section: SectionDef): string {
  return `第${sectionNumber(section)}部分`;
}

/** The section that reports the fee figures (role `infoFee`) with the figures' words, if the format has both. */
export function infoFeeSection(format: ReportFormat): { readonly section: SectionDef; readonly words: InfoFeeWords } | undefined {
  const section = sectionWithRole(format, 'infoFee');
  return section && format.infoFee && { section, words: format.infoFee };
}
