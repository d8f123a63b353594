import { cellIndex, sectionWithRole } from '../../../shared/format/index.ts';
import type { ReportFormat } from '../../../shared/format/index.ts';
import { blankAgency, blankReport } from '../../../shared/model/report.ts';
import { reportSchema } from '../../../shared/model/schemas.ts';
import type { InfoFee, Report } from '../../../shared/model/report.ts';
import { validate } from '../../../shared/model/validation.ts';
import type { Result } from '../../../shared/model/validation.ts';
import type { ImportedSection, ImportIssue } from '../types.ts';
import type { Signature } from './printedParts.ts';
import { readInfoFeeSentence, readPreamble, signatureOptions } from './printedParts.ts';
import { feeWordingOf } from './tables.ts';
import type { TablesReading } from './tables.ts';

/**
 * The report an import creates: figures as read (totals as stated), sections, the agency
 * as printed with the contact details of the preamble, and export options that print
 * it as the source was printed. Texts are cut to what the model keeps, saying so.
 */

const MAX_AGENCY_CHARS = 100;
const MAX_SECTION_CHARS = 200_000;
/** Longest website, URL, address, phone and contact texts the report model keeps. */
const DETAIL_LIMITS = { website: 100, websiteUrl: 300, address: 200, phone: 60, contact: 300 } as const;

function clip(text: string, max: number, what: string, issues: ImportIssue[]): string {
  if (text.length <= max) return text;
  issues.push({ level: 'warning', where: what, message: `${what}超过${max}个字，已截断，请核对` });
  return text.slice(0, max);
}

export interface ReportParts {
  readonly format: ReportFormat;
  readonly year: number;
  readonly agency: string | null;
  readonly preamble: string;
  readonly sections: readonly ImportedSection[];
  readonly infoFee: InfoFee | undefined;
  readonly tables: TablesReading;
  readonly signature: Signature;
}

/** The 信息处理费 figures, when their section opens with Nianbao's sentence for them; and the sections without it. */
export function splitInfoFee(
  sections: readonly ImportedSection[],
  format: ReportFormat,
  year: number,
): { infoFee: InfoFee | undefined; sections: readonly ImportedSection[] } {
  const feeKey = sectionWithRole(format, 'infoFee')?.key;
  const holder = sections.find((s) => s.key === feeKey);
  const [first, ...rest] = (holder?.text ?? '').split('\n');
  const infoFee = first ? readInfoFeeSentence(first, blankReport(blankAgency(), year, format)) : undefined;
  return { infoFee, sections: infoFee ? sections.map((s) => (s.key === feeKey ? { ...s, text: rest.join('\n') } : s)) : sections };
}

export function buildReport(parts: ReportParts, issues: ImportIssue[]): Result<Report> {
  const { format, year, tables, signature } = parts;
  const base = blankReport(blankAgency(clip(parts.agency ?? '', MAX_AGENCY_CHARS, '机关名称', issues)), year, format);
  const index = cellIndex(format);
  const values: Record<string, string> = {};
  const statedTotals: Record<string, string | null> = {};
  for (const reading of tables.cells) {
    const def = index.byKey.get(reading.key)!;
    if (def.sumOf) {
      if (tables.found.has(def.table)) statedTotals[def.key] = reading.value;
    } else if (reading.value !== null) {
      values[def.key] = reading.value;
    }
  }
  const preamble = readPreamble(parts.preamble);
  const details = Object.fromEntries(
    Object.entries(DETAIL_LIMITS).map(([field, max]) => [field, clip(preamble[field as keyof typeof DETAIL_LIMITS], max, '前言中的联系方式', issues)]),
  );
  const { infoFee, sections } = parts;
  const report: Report = {
    ...base,
    agency: {
      ...base.agency,
      ...details,
      exportOptions: {
        ...base.agency.exportOptions,
        feeWording: feeWordingOf(format, tables.feesUnitNote),
        includePreamble: parts.preamble !== '',
        ...signatureOptions(signature, year, parts.agency, base.agency.exportOptions),
      },
    },
    sections: Object.fromEntries(sections.filter((s) => s.text !== '').map((s) => [s.key, clip(s.text, MAX_SECTION_CHARS, s.heading ?? s.key, issues)])),
    values,
    statedTotals,
    ...(infoFee ? { infoFee } : {}),
  };
  return validate(reportSchema, report);
}
