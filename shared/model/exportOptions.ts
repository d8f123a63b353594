import { z } from 'zod';

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
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export const defaultExportOptions: ExportOptions = {
  feeWording: 'official',
  includePreamble: true,
  includeSignature: true,
  includeDate: true,
  markDraft: true,
  signatureDate: null,
};
