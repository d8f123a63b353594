import type { DocCell, DocParagraph, DocTable, DocumentModel } from '../../shared/document/model.ts';

/** What a document model prints, as the PDF tests compare it with the text layer. */

/** Text without whitespace: the text layer breaks lines and spaces words where the layout does. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function paragraphText(paragraph: DocParagraph): string {
  return `${paragraph.lead?.text ?? ''}${paragraph.text}`;
}

export function tables(model: DocumentModel): DocTable[] {
  return model.sections.flatMap((section) => section.blocks.filter((block) => block.kind === 'table'));
}

/** The cells that start on each row of a table, left to right: the table's reading order. */
export function rowsOf(table: DocTable): DocCell[][] {
  const rows: DocCell[][] = Array.from({ length: table.rowCount }, () => []);
  for (const cell of table.cells) rows[cell.row]!.push(cell);
  return rows.map((row) => row.sort((a, b) => a.col - b.col));
}

/** Every text the model prints, in reading order. */
export function printedTexts(model: DocumentModel): string[] {
  return [
    ...model.titleLines,
    ...model.preamble.map(paragraphText),
    ...model.sections.flatMap((section) => [
      section.heading,
      ...section.blocks.flatMap((block) =>
        block.kind === 'table' ? rowsOf(block).flatMap((row) => row.map((cell) => cell.text)) : [paragraphText(block)],
      ),
    ]),
    ...[model.signature?.agency, model.signature?.date].filter((text): text is string => text !== undefined),
  ].filter((text) => text !== '');
}

/** The texts of `expected` that are missing from `text` in that order (none when all follow each other). */
export function missingInOrder(text: string, expected: readonly string[]): string[] {
  const haystack = squash(text);
  const missing: string[] = [];
  let from = 0;
  for (const item of expected) {
    const at = haystack.indexOf(squash(item), from);
    if (at === -1) missing.push(item);
    else from = at + squash(item).length;
  }
  return missing;
}

/** Chinese characters and Chinese punctuation: what a missing font would show as tofu. */
export function cjkCharacters(text: string): Set<string> {
  return new Set(text.match(/[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/gu) ?? []);
}
