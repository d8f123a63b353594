import { z } from 'zod';
import { cellIndex, formatById, formatForYear } from '../format/index.ts';
import type { InfoFeeField, ReportFormat } from '../format/index.ts';
import { AGENCY_KINDS } from './deadline.ts';
import type { AgencyKind } from './deadline.ts';
import { defaultExportOptions, exportOptionsSchema } from './exportOptions.ts';
import { localRequirementsSchema, noLocalRequirements } from './localRequirements.ts';

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

const text = (max: number) => z.string().max(max, { error: `不能超过${max}个字符` });
/** A figure as entered: canonical digits, or the raw text the user typed. */
const figureText = text(64);

export const agencySchema = z.strictObject({
  name: text(100),
  level: z.enum(Object.keys(AGENCY_LEVELS) as [AgencyLevel, ...AgencyLevel[]]),
  /** One line for the preamble: 地址、电话 etc. as the office writes it. */
  contact: text(300),
  website: text(100),
  websiteUrl: text(300),
  address: text(200),
  phone: text(60),
  exportOptions: exportOptionsSchema,
  /** Decides the publishing deadline; null until chosen (never guessed). */
  kind: z.enum(Object.keys(AGENCY_KINDS) as [AgencyKind, ...AgencyKind[]]).nullable().default(null),
  /** What the superior office requires beyond the official format. */
  localRequirements: localRequirementsSchema.default(noLocalRequirements),
});
export type Agency = z.infer<typeof agencySchema>;

/** 信息处理费 (section 六): the structured figures, in 元. */
export const infoFeeSchema = z.strictObject({
  noticesIssued: figureText.nullable(),
  noticeAmountYuan: figureText.nullable(),
  collectedYuan: figureText.nullable(),
} satisfies Record<InfoFeeField, z.ZodType>);
export type InfoFee = z.infer<typeof infoFeeSchema>;
/** How each fee figure is checked; its words are the format's (`ReportFormat.infoFee`). */
export const INFO_FEE_KINDS = {
  noticesIssued: 'count',
  noticeAmountYuan: 'yuan',
  collectedYuan: 'yuan',
} as const satisfies Record<InfoFeeField, 'count' | 'yuan'>;

/** The years a report may be for: 《条例》 took effect in 2008; a later year than this is a typing slip. */
export const YEARS = { first: 2008, last: 2100 } as const;

export const yearSchema = z
  .number()
  .int({ error: '年度应为整数' })
  .min(YEARS.first, { error: `年度应为${YEARS.first}年以后` })
  .max(YEARS.last, { error: '年度不合理' });

export const reportSchema = z
  .strictObject({
    formatId: z.string(),
    year: yearSchema,
    agency: agencySchema,
    /** Section texts by section key; a missing key is an empty section. */
    sections: z.record(z.string(), text(200_000)),
    /** Figures entered by the user, by cell key; a missing key is a blank cell. */
    values: z.record(z.string(), figureText),
    /**
     * Totals as printed in a source the report was imported from (null: printed blank).
     * Totals are derived in the app; stated ones are kept to show differences.
     */
    statedTotals: z.record(z.string(), figureText.nullable()),
    infoFee: infoFeeSchema,
  })
  .superRefine((report, ctx) => {
    const format = formatById(report.formatId);
    if (!format) {
      ctx.addIssue({ code: 'custom', path: ['formatId'], message: `未知的报告格式“${report.formatId}”` });
      return;
    }
    const cells = cellIndex(format);
    const sectionKeys = new Set(format.sections.map((s) => s.key));
    for (const key of Object.keys(report.sections)) {
      if (!sectionKeys.has(key)) ctx.addIssue({ code: 'custom', path: ['sections', key], message: '未知的章节' });
    }
    for (const key of Object.keys(report.values)) {
      const cell = cells.byKey.get(key);
      if (!cell) ctx.addIssue({ code: 'custom', path: ['values', key], message: '未知的表格单元格' });
      else if (cell.sumOf) {
        ctx.addIssue({ code: 'custom', path: ['values', key], message: '合计由软件计算，不能直接填写' });
      }
    }
    for (const key of Object.keys(report.statedTotals)) {
      if (!cells.byKey.get(key)?.sumOf) {
        ctx.addIssue({ code: 'custom', path: ['statedTotals', key], message: '不是合计单元格' });
      }
    }
  });
export type Report = z.infer<typeof reportSchema>;

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
