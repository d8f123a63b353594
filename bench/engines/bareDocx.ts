import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocTable, DocumentModel } from '../../shared/document/model.ts';

/**
 * The bare engine of the DOCX export: the `docx` library packing a document with the same
 * paragraphs and the same three tables (cells, spans, column widths), without our styles,
 * fonts, page set-up or footers. Our export writes its tables' XML itself (most of what
 * docx's formatter would spend, services/export/docx/table.ts), so it can be as fast as this.
 */

function bareTable(table: DocTable): Table {
  const rows = Array.from({ length: table.rowCount }, (_, r) => table.cells.filter((cell) => cell.row === r));
  return new Table({
    columnWidths: table.columnWidthsMm.map((mm) => Math.round(mm * 56.7)),
    rows: rows
      .filter((cells) => cells.length > 0)
      .map(
        (cells) =>
          new TableRow({
            children: cells.map(
              (cell) =>
                new TableCell({
                  columnSpan: cell.colSpan,
                  rowSpan: cell.rowSpan,
                  width: { size: 1000 * cell.colSpan, type: WidthType.DXA },
                  children: [new Paragraph({ children: cell.text ? [new TextRun(cell.text)] : [] })],
                }),
            ),
          }),
      ),
  });
}

export async function bareDocx(model: DocumentModel): Promise<Uint8Array> {
  const body = [
    ...model.titleLines.map((line) => new Paragraph(line)),
    ...model.preamble.map((p) => new Paragraph(p.text)),
    ...model.sections.flatMap((section) => [
      new Paragraph(section.heading),
      ...section.blocks.map((block) => (block.kind === 'table' ? bareTable(block) : new Paragraph({ children: [new TextRun(`${block.lead?.text ?? ''}${block.text}`)] }))),
    ]),
  ];
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: body }] })));
}
