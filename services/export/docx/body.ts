import { Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import type { DocBlock, DocParagraph, DocumentModel } from '../../../shared/document/model.ts';
import { signatureIndents } from '../../../shared/document/signature.ts';
import { BODY_CHAR_PT, LINE_PITCH_PT } from '../../../shared/document/typography.ts';
import { leadStyle, STYLE } from './styles.ts';
import { renderTable } from './table.ts';
import { twipsFromPt } from './units.ts';

/** The document model's blocks as Word paragraphs and tables, in reading order. */

function textParagraph(paragraph: DocParagraph, keepNext = false): Paragraph {
  const runs: TextRun[] = [];
  if (paragraph.lead) {
    const style = leadStyle(paragraph.lead.level);
    runs.push(new TextRun({ text: paragraph.lead.text, ...(style ? { style } : {}) }));
  }
  if (paragraph.text) runs.push(new TextRun(paragraph.text));
  // A heading standing alone stays with the paragraph it heads.
  const heading = paragraph.lead !== undefined && !paragraph.text;
  return new Paragraph({
    style: STYLE.body,
    ...(heading || keepNext ? { keepNext: true } : {}),
    ...(paragraph.flush ? { indent: { firstLine: 0 } } : {}),
    children: runs,
  });
}

/** Agency and date right-aligned after one blank line, indented as GB/T 9704 7.3.5.2 says. */
function signature(model: DocumentModel): Paragraph[] {
  if (!model.signature) return [];
  const indents = signatureIndents(model.signature);
  const lines = [
    { text: model.signature.agency, indent: indents.agency },
    { text: model.signature.date, indent: indents.date },
  ].filter((line): line is { text: string; indent: number } => line.text !== undefined);
  return lines.map(
    (line, i) =>
      new Paragraph({
        style: STYLE.signature,
        indent: { right: twipsFromPt(line.indent * BODY_CHAR_PT) },
        ...(i === 0 ? { spacing: { before: twipsFromPt(LINE_PITCH_PT) } } : {}),
        children: [new TextRun(line.text)],
      }),
  );
}

export function documentBody(model: DocumentModel): FileChild[] {
  // The signature never stands alone on a page: the last paragraph goes with it.
  const last = model.signature ? model.sections.at(-1)?.blocks.at(-1) : undefined;
  const block = (item: DocBlock): FileChild =>
    item.kind === 'table' ? renderTable(item) : textParagraph(item, item === last);
  return [
    new Paragraph({
      style: STYLE.title,
      children: model.titleLines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
    }),
    ...model.preamble.map((paragraph) => textParagraph(paragraph)),
    ...model.sections.flatMap((section) => [
      new Paragraph({ style: STYLE.heading1, children: [new TextRun(section.heading)] }),
      ...section.blocks.map(block),
    ]),
    ...signature(model),
  ];
}
