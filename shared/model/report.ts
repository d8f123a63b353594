import type { z } from 'zod';
import { formatById, formatForYear } from '../format/index.ts';
import type { InfoFeeField, ReportFormat } from '../format/index.ts';
import { defaultExportOptions } from './exportOptions.ts';
import { noLocalRequirements } from './localRequirements.ts';
import type { agencySchema, infoFeeSchema, reportSchema } from './schemas.ts';

/**
 * The report model: what a clerk writes for one agency and one year. Figures are kept
 * as the text that was entered after normalisation (canonical digits), or as typed
 * when they could not be normalised, so nothing the user typed is ever lost; the
 * checks say what is wrong with such a value.
 */

export const AGENCY_LEVELS = {
  central: '中央',
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）',
  other: '其他',
} as const;
export type AgencyLevel = keyof typeof AGENCY_LEVELS;

/** The model's types, as main validates them (schemas.ts). */
export type Agency = z.infer<typeof agencySchema>;
export type InfoFee = z.infer<typeof infoFeeSchema>;
export type Report = z.infer<typeof reportSchema>;

/** How each fee figure is checked; its words are the format's (`ReportFormat.infoFee`). */
export const INFO_FEE_KINDS = {
  noticesIssued: 'count',
  noticeAmountYuan: 'yuan',
  collectedYuan: 'yuan',
} as const satisfies Record<InfoFeeField, 'count' | 'yuan'>;

/** The years a report may be for: 《条例》 took effect in 2008; a later year than this is a typing slip. */
export const YEARS = { first: 2008, last: 2100 } as const;


export function blankAgency(name = ''): Agency {
  return {
    name,
    level: 'county',
    contact: '',
    website: '',
    websiteUrl: '',
    address: '',
    phone: '',
    exportOptions: defaultExportOptions,
    kind: null,
    localRequirements: noLocalRequirements,
  };
}

/** A new, empty report, in the format of its year unless told. */
export function blankReport(agency: Agency, year: number, format: ReportFormat = formatForYear(year)): Report {
  return {
    formatId: format.id,
    year,
    agency,
    sections: {},
    values: {},
    statedTotals: {},
    infoFee: { noticesIssued: null, noticeAmountYuan: null, collectedYuan: null },
  };
}

/** The report's format (validated reports always have a known one). */
export function reportFormat(report: Pick<Report, 'formatId'>): ReportFormat {
  const format = formatById(report.formatId);
  if (!format) throw new Error(`未知的报告格式“${report.formatId}”`);
  return format;
}
