/**
 * Label comparison: NFKC (full-width brackets, colons, commas and
 * digits become ASCII), no whitespace or line breaks, no quotation marks, 、 as `,`.
 * For comparing only; exported documents always use the exact labels.
 */
export function norm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000\u200B\uFEFF]+/g, '')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/、/g, ',');
}
