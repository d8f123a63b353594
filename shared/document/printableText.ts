/**
 * U+FFFE and U+FFFF are not characters: XML cannot hold them (Word and Excel call a DOCX or
 * XLSX with one damaged) and a page has nothing to show for them. They come only from a
 * mangled source (a file decoded wrongly, a paste). The documents show U+FFFD (�) in their
 * place, so the spot stays visible rather than a figure closing up around it (a figure with
 * one is reported by the checks anyway). Control characters other than tab and line breaks
 * are left out by the DOCX and XLSX writers themselves, but not these two. Applied where
 * documents are made: every document model when it is built (a report's, build.ts; a 审核意见,
 * shared/summary), and every workbook as it is written (workbookBytes: the 汇总's sheets are
 * not made from a model).
 */
const NONCHARACTER = /[\uFFFE\uFFFF]/g;

/** `value` (a report, or any part of one) with every text printable; copied only where a text changes. */
export function printable<T>(value: T): T {
  if (typeof value === 'string') return value.replace(NONCHARACTER, '\uFFFD') as T;
  if (Array.isArray(value)) {
    const items = value.map(printable);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, member] of Object.entries(value)) {
    const shown = printable(member);
    if (shown === member) continue;
    copy ??= { ...(value as Record<string, unknown>) };
    // Defined, not assigned: a key `__proto__` stays a key.
    Object.defineProperty(copy, key, { value: shown, enumerable: true, writable: true, configurable: true });
  }
  return (copy ?? value) as T;
}
