import type { DocumentModel } from './model.ts';
import { widthInChars } from './typography.ts';

/** Right indents of the signature lines, in 字. */
export interface SignatureIndents {
  readonly agency: number;
  readonly date: number;
}

/**
 * GB/T 9704-2012 7.3.5.2 (a document without seal): the agency name right-aligned two
 * 字 in (右空二字), the date on the next line starting two 字 to the right of the name's
 * first character; a date longer than that stays two 字 in and the name moves left.
 */
export function signatureIndents(signature: NonNullable<DocumentModel['signature']>): SignatureIndents {
  const { agency, date } = signature;
  if (agency === undefined || date === undefined) return { agency: 2, date: 2 };
  const agencyIndent = Math.max(2, widthInChars(date) - widthInChars(agency) + 4);
  return { agency: agencyIndent, date: agencyIndent + widthInChars(agency) - widthInChars(date) - 2 };
}
