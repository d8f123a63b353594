import type { z } from 'zod';
import type { exportOptionsSchema } from './schemas.ts';

/** How a report is printed; remembered per agency. */
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export const defaultExportOptions: ExportOptions = {
  feeWording: 'official',
  includePreamble: true,
  includeSignature: true,
  includeDate: true,
  markDraft: true,
  signatureDate: null,
};
