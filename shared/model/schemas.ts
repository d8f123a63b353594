import { z } from 'zod';
import { cellIndex, formatById } from '../format/index.ts';
import type { InfoFeeField, ReportFormat } from '../format/index.ts';
import { AGENCY_KINDS } from './deadline.ts';
import type { AgencyKind } from './deadline.ts';
import { noLocalRequirements } from './localRequirements.ts';
import { AGENCY_LEVELS, YEARS } from './report.ts';
import type { AgencyLevel } from './report.ts';
import { textsByKey, textsOrBlankByKey } from './textsByKey.ts';

/**
 * The zod schemas of the model: what main checks at each IPC call, store write, import
 * and file read. Apart from the model's values and helpers (report.ts and its
 * neighbours, whose types come from here) because the page validates nothing: it does not
 * load zod nor build these schemas when it starts.
 */

/** How a report is printed; remembered per agency. */
export const exportOptionsSchema = z.strictObject({
  /** Fee column header: official `（单位：万元）` or the variant `（单位：万元，保留4位小数）`. */
  feeWording: z.enum(['official', 'fourDecimals']),
  /** Print the unnumbered preamble (basis, period, where published, contact). */
  includePreamble: z.boolean(),
  /** Print the agency name and date at the end. */
  includeSignature: z.boolean(),
  includeDate: z.boolean(),
  /** Date printed under the signature, `YYYY-MM-DD`; null: 31 January of the following year. */
  /** Mark every page 草稿 while the report still has errors (never once it has none). */
  markDraft: z.boolean().default(true),
  signatureDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
    .nullable(),
});
/**
 * Requirements a superior office adds to the official format for its units (e.g. 总体情况
 * 原则上不超过一千字; 总体情况 must have the five sub-headings; 五 lists problems item by
 * item). Kept with the agency, so next year's report has them too; checked as warnings.
 * One file carries them from the superior office to every unit.
 */
export const localRequirementsSchema = z.strictObject({
  /** Who issued them, e.g. 区政务公开办. */
  issuer: z.string().trim().max(100, { error: '不能超过100个字符' }),
  /** Most characters 一、总体情况 may have (whitespace not counted); null: no limit. */
  overviewMaxChars: z.number().int({ error: '字数应为整数' }).min(100, { error: '字数上限至少为100' }).max(100_000, { error: '字数上限不合理' }).nullable(),
  /** Sub-headings 一、总体情况 must contain, e.g. 主动公开. */
  overviewSubheadings: z
    .array(z.string().trim().min(1, { error: '小标题不能为空' }).max(30, { error: '小标题不能超过30个字符' }))
    .max(12, { error: '小标题最多12个' }),
  /** 五 must list its problems item by item (一是…二是…, 1.…2.…). */
  problemsItemised: z.boolean(),
});
const text = (max: number) => z.string().max(max, { error: `不能超过${max}个字符` });
/** A figure as entered: canonical digits, or the raw text the user typed. */
const FIGURE_MAX_LENGTH = 64;
const figureText = text(FIGURE_MAX_LENGTH);
const SECTION_MAX_LENGTH = 200_000;

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
/** 信息处理费 (section 六): the structured figures, in 元. */
export const infoFeeSchema = z.strictObject({
  noticesIssued: figureText.nullable(),
  noticeAmountYuan: figureText.nullable(),
  collectedYuan: figureText.nullable(),
} satisfies Record<InfoFeeField, z.ZodType>);
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
    sections: textsByKey(SECTION_MAX_LENGTH),
    /** Figures entered by the user, by cell key; a missing key is a blank cell. */
    values: textsByKey(FIGURE_MAX_LENGTH),
    /**
     * Totals as printed in a source the report was imported from (null: printed blank).
     * Totals are derived in the app; stated ones are kept to show differences.
     */
    statedTotals: textsOrBlankByKey(FIGURE_MAX_LENGTH),
    infoFee: infoFeeSchema,
  })
  .superRefine((report, ctx) => {
    const format = formatById(report.formatId);
    if (!format) {
      ctx.addIssue({ code: 'custom', path: ['formatId'], message: `未知的报告格式“${report.formatId}”` });
      return;
    }
    checkRecordKeys(format, report, ctx, (record, key) => [record, key]);
  });

/** The records of a report that are kept key by key (sections, figures, stated totals). */
type KeyedRecords = Partial<Pick<z.output<typeof reportSchema>, 'sections' | 'values' | 'statedTotals'>>;

/**
 * Every key of the records must be one of the format's: a section, a cell one fills in (a
 * total is derived), or for stated totals a total. `pathOf` says where each key sits in the
 * checked value (a report, or an autosave's changes).
 */
function checkRecordKeys(format: ReportFormat, records: KeyedRecords, ctx: z.RefinementCtx, pathOf: (record: keyof KeyedRecords, key: string) => PropertyKey[]): void {
  const cells = cellIndex(format);
  for (const key of Object.keys(records.sections ?? {})) {
    if (!format.sections.some((section) => section.key === key)) ctx.addIssue({ code: 'custom', path: pathOf('sections', key), message: '未知的章节' });
  }
  for (const key of Object.keys(records.values ?? {})) {
    const cell = cells.byKey.get(key);
    if (!cell) ctx.addIssue({ code: 'custom', path: pathOf('values', key), message: '未知的表格单元格' });
    else if (cell.sumOf) {
      ctx.addIssue({ code: 'custom', path: pathOf('values', key), message: '合计由软件计算，不能直接填写' });
    }
  }
  for (const key of Object.keys(records.statedTotals ?? {})) {
    if (!cells.byKey.get(key)?.sumOf) {
      ctx.addIssue({ code: 'custom', path: pathOf('statedTotals', key), message: '不是合计单元格' });
    }
  }
}

/** Members of a record set (added or changed) and removed. */
const recordChanges = <S extends z.ZodType>(set: S) =>
  z.strictObject({ set, removed: z.array(z.string().max(200, { error: '不能超过200个字符' })).max(10_000, { error: '删除的项目过多' }) });

/**
 * An autosave of what changed since the last save (shared/model/reportChanges.ts): checked as
 * the report would be, member by member, so a report with these changes applied to a valid
 * one is valid. A change of format is not one (the whole report is saved then).
 */
export const reportChangesSchema = z
  .strictObject({
    /** The content hash of the saved report the changes apply to. */
    base: z.string().regex(/^[0-9a-f]{64}$/, { error: '应为报告内容的校验值' }),
    /** The format of that report. */
    formatId: z.string(),
    year: yearSchema.optional(),
    agency: agencySchema.optional(),
    infoFee: infoFeeSchema.optional(),
    sections: recordChanges(textsByKey(SECTION_MAX_LENGTH)).optional(),
    values: recordChanges(textsByKey(FIGURE_MAX_LENGTH)).optional(),
    statedTotals: recordChanges(textsOrBlankByKey(FIGURE_MAX_LENGTH)).optional(),
  })
  .superRefine((changes, ctx) => {
    const format = formatById(changes.formatId);
    if (!format) {
      ctx.addIssue({ code: 'custom', path: ['formatId'], message: `未知的报告格式“${changes.formatId}”` });
      return;
    }
    const { sections, values, statedTotals } = changes;
    checkRecordKeys(format, { sections: sections?.set, values: values?.set, statedTotals: statedTotals?.set }, ctx, (record, key) => [record, 'set', key]);
  });
