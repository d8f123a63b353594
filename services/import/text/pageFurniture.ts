import { DRAFT_MARK } from '../../../shared/document/typography.ts';
import { formats } from '../../../shared/format/index.ts';
import { norm } from '../../../shared/text/norm.ts';
import { isSimilar } from '../../../shared/text/similarity.ts';

/**
 * Page headers and footers that extraction leaves in the middle of the text, even inside
 * a table: page numbers (`- 3 -`, `第3页`, `1/29`) and the report's running title, often
 * garbled (`川汇区信访问2021年政府信息公开工作中度报告`), and Nianbao's own draft mark.
 */

const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** A running title may be of a report in any format the app knows (the file is read before its format is known). */
const TITLE_SUFFIXES = [...new Set(Object.values(formats).map((f) => f.titleSuffix))];
const TITLE_MIN_SIMILARITY = 0.75;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.normalize('NFKC').trim());
}

/** The draft mark Nianbao prints at the top of every page of a report that still has errors. */
export function isDraftMark(text: string): boolean {
  return norm(text) === DRAFT_MARK;
}

/** A report title repeated as a page header: ends like `…政府信息公开工作年度报告`, allowing OCR errors. */
function isRunningTitle(text: string): boolean {
  const characters = Array.from(norm(text));
  return TITLE_SUFFIXES.some((suffix) => {
    const suffixLength = Array.from(suffix).length;
    if (characters.length < suffixLength) return false;
    return isSimilar(characters.slice(-suffixLength).join(''), suffix, TITLE_MIN_SIMILARITY);
  });
}

const furniture = new Map<string, boolean>();
/** Texts repeat (tables are read more than once); beyond this many the memo starts over. */
const MEMO_LIMIT = 20_000;

function isFurniture(text: string): boolean {
  let answer = furniture.get(text);
  if (answer === undefined) {
    answer = isPageNumber(text) || isDraftMark(text) || isRunningTitle(text);
    if (furniture.size >= MEMO_LIMIT) furniture.clear();
    furniture.set(text, answer);
  }
  return answer;
}

/** A line whose every printed cell is a page number or a running title. */
export function isPageFurniture(cells: readonly string[]): boolean {
  const printed = cells.map((c) => c.trim()).filter((c) => c !== '');
  return printed.length > 0 && printed.every(isFurniture);
}
