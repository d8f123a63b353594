import { chineseDate, defaultSignatureDate, infoFeeSentence } from '../../../shared/document/build.ts';
import type { InfoFeeWords } from '../../../shared/format/index.ts';
import { reportFormat } from '../../../shared/model/report.ts';
import type { InfoFee, Report } from '../../../shared/model/report.ts';
import { escapeRegExp } from '../../../shared/text/escapeRegExp.ts';
import { norm } from '../../../shared/text/norm.ts';

/**
 * The parts of a report that Nianbao (and many offices) print around the sections:
 * the contact details in the preamble, the fee sentence that opens the section holding the fee (六),
 * and the signature (agency and date) at the end. Reading them back keeps a report
 * exported by Nianbao identical when it is imported again.
 */

export interface PreambleDetails {
  readonly website: string;
  readonly websiteUrl: string;
  readonly address: string;
  readonly phone: string;
  readonly contact: string;
}

const PUBLISHED = /本报告电子版可在“([^”]+)”[^（(。]*?(?:[（(]([^）)]+)[）)])?\s*查阅或下载/;
const CONTACT = /如对本报告有疑问，请与.+?联系[（(](.+)[）)]。?\s*$/m;
const ADDRESS_PHONE = /^(?:地址：(.+?))?(?:，)?(?:联系电话：(.+))?$/;

/** Website, its address and the contact details stated in a preamble. */
export function readPreamble(preamble: string): PreambleDetails {
  const published = PUBLISHED.exec(preamble);
  const contact = CONTACT.exec(preamble)?.[1]?.trim() ?? '';
  const parts = contact ? ADDRESS_PHONE.exec(contact) : null;
  const structured = parts !== null && (parts[1] !== undefined || parts[2] !== undefined);
  return {
    website: published?.[1]?.trim() ?? '',
    websiteUrl: published?.[2]?.trim() ?? '',
    address: structured ? (parts[1]?.trim() ?? '') : '',
    phone: structured ? (parts[2]?.trim() ?? '') : '',
    contact: structured ? '' : contact,
  };
}

/** The fee figures stated by the format's sentence for them (`infoFee.sentence`), read by its words. */
function feesStated(text: string, words: InfoFeeWords): InfoFee | undefined {
  if (text === words.sentence.none) return { noticesIssued: '0', noticeAmountYuan: '0', collectedYuan: '0' };
  const stated = words.figures.map((f) => `${escapeRegExp(f.words)}(\\S+?)${escapeRegExp(f.unit)}`).join('，');
  const match = new RegExp(`^${escapeRegExp(words.sentence.lead)}${stated}。$`).exec(text);
  if (!match) return undefined;
  const fee: InfoFee = { noticesIssued: null, noticeAmountYuan: null, collectedYuan: null };
  for (const [i, f] of words.figures.entries()) fee[f.field] = match[i + 1]!;
  return fee;
}

/**
 * The fee figures, when a line is exactly the sentence Nianbao prints for them
 * (checked by printing the figures read and comparing).
 */
export function readInfoFeeSentence(line: string, report: Report): InfoFee | undefined {
  const words = reportFormat(report).infoFee;
  const text = line.trim();
  const fee = words && feesStated(text, words);
  return fee && infoFeeSentence({ ...report, infoFee: fee }) === text ? fee : undefined;
}

const DATE = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;

export interface Signature {
  readonly agency: boolean;
  /** `YYYY-MM-DD`, when a date closes the report. */
  readonly date?: string;
  /** How many trailing lines the signature takes. */
  readonly lines: number;
}

/** The agency name and date closing the report (only the agency of the title counts as a signature). */
export function readSignature(lines: readonly string[], agency: string | null): Signature {
  const printed = lines.map((l) => l.trim()).filter(Boolean);
  let taken = 0;
  let date: string | undefined;
  const last = printed[printed.length - 1];
  const dateMatch = last === undefined ? null : DATE.exec(norm(last));
  if (dateMatch) {
    date = `${dateMatch[1]}-${dateMatch[2]!.padStart(2, '0')}-${dateMatch[3]!.padStart(2, '0')}`;
    taken++;
  }
  const candidate = printed[printed.length - 1 - taken];
  const signed = agency !== null && candidate !== undefined && norm(candidate) === norm(agency);
  if (signed) taken++;
  return { agency: signed, ...(date ? { date } : {}), lines: taken };
}

/**
 * The export options a signature implies: no date stored when it is the default one.
 * Without an agency name a printed signature cannot be told from none; the default stays.
 */
export function signatureOptions(
  signature: Signature,
  year: number,
  agency: string | null,
  defaults: { readonly includeSignature: boolean },
): { includeSignature: boolean; includeDate: boolean; signatureDate: string | null } {
  const isDefault = signature.date !== undefined && chineseDate(signature.date) === chineseDate(defaultSignatureDate(year));
  return {
    includeSignature: agency === null ? defaults.includeSignature : signature.agency,
    includeDate: signature.date !== undefined,
    signatureDate: signature.date === undefined || isDefault ? null : signature.date,
  };
}
