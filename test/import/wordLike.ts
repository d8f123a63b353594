import { AlignmentType, DeletedTextRun, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { currentFormat } from '../../shared/format/index.ts';

/**
 * A report as offices write it in Word or WPS, not as Nianbao exports it: headings
 * numbered automatically (the numeral is not in the text), table 2 as four separate
 * tables, table 3 without the 其他 column and with merged header and label cells, a
 * tracked deletion inside a figure, a dash for "none", and table 3 continued in a
 * second table without a header.
 */

const format = currentFormat;
const t3 = format.tables.table3;

function cell(text: string, options: { columnSpan?: number; rowSpan?: number; deleted?: string } = {}): TableCell {
  const runs = [new TextRun(text), ...(options.deleted ? [new DeletedTextRun({ text: options.deleted, id: 1, author: '审核人', date: '2022-01-10T00:00:00Z' })] : [])];
  return new TableCell({
    children: [new Paragraph({ children: runs })],
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ text: text.replace(/^[一二三四五六]、/, ''), numbering: { reference: 'headings', level: 0 } });
}

/** Table 3's columns in this document: the official ones without 其他 (otherOrg). */
const PRINTED_COLUMNS = t3.columns.filter((c) => c.key !== 'otherOrg');

/** Figures of table 3 rows by row key, one per printed column (a dash prints as —). */
export const TABLE3_ROWS: Record<string, string[]> = {
  newReceived: ['5', '2', '0', '0', '1', '8'],
  carriedOver: ['1', '0', '0', '0', '0', '1'],
  granted: ['3', '1', '0', '0', '1', '5'],
  partiallyGranted: ['1', '—', '0', '0', '0', '1'],
  'denied.stateSecret': ['', '', '', '', '', ''],
};

function table2Blocks(trackedDeletion: boolean): Table[] {
  const values: Record<string, string[]> = {
    regulations: ['1', '0', '4'],
    normativeDocuments: ['12', '3', '40'],
    licensing: ['356'],
    punishment: ['1,024'],
    coercion: ['0'],
    fees: ['1.25'],
  };
  return format.tables.table2.blocks.map(
    (block) =>
      new Table({
        rows: [
          new TableRow({ children: [cell(block.caption, { columnSpan: 4 })] }),
          new TableRow({
            children: [
              cell(block.labelHeader),
              ...block.columns.map((c) =>
                cell(block.rows[0]!.kind === 'money' ? format.feeColumn!.header.fourDecimals : c.label, { columnSpan: 3 / block.columns.length }),
              ),
            ],
          }),
          ...block.rows.map(
            (row) =>
              new TableRow({
                children: [cell(row.label), ...values[row.key]!.map((v, i) => cell(v, { columnSpan: 3 / block.columns.length, ...(trackedDeletion && row.key === 'normativeDocuments' && i === 0 ? { deleted: '9' } : {}) }))],
              }),
          ),
        ],
      }),
  );
}

function table3Header(): TableRow[] {
  const organisations = PRINTED_COLUMNS.filter((c) => c.path.length === 3);
  return [
    new TableRow({ children: [cell(t3.corner!, { columnSpan: 3, rowSpan: 3 }), cell('申请人情况', { columnSpan: PRINTED_COLUMNS.length })] }),
    new TableRow({ children: [cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: organisations.length }), cell('总计', { rowSpan: 2 })] }),
    new TableRow({ children: organisations.map((c) => cell(c.path[2]!)) }),
  ];
}

function table3Rows(keys: readonly string[]): TableRow[] {
  return keys.map((key) => {
    const row = t3.rows.find((r) => r.key === key)!;
    const label = row.path.length === 1 ? [cell(row.path[0]!, { columnSpan: 3 })] : row.path.length === 2 ? [cell(row.path[0]!), cell(row.path[1]!, { columnSpan: 2 })] : row.path.map((p) => cell(p));
    return new TableRow({ children: [...label, ...TABLE3_ROWS[key]!.map((v) => cell(v))] });
  });
}

export const TABLE4 = ['1', '0', '0', '1', '2', '0', '0', '0', '0', '0', '0', '1', '0', '0', '1'];

function table4(): Table {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return new Table({
    rows: [
      new TableRow({ children: [cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })] }),
      new TableRow({ children: [...outcomes.map((o) => cell(o, { rowSpan: 2 })), cell('未经复议直接起诉', { columnSpan: 5 }), cell('复议后起诉', { columnSpan: 5 })] }),
      new TableRow({ children: [...outcomes, ...outcomes].map((o) => cell(o)) }),
      new TableRow({ children: TABLE4.map((v) => cell(v)) }),
    ],
  });
}

/** The document; `trackedDeletion: false` leaves out the deleted figure (a PDF printed with changes shown would show it). */
export async function wordLikeDocx({ trackedDeletion = true } = {}): Promise<Uint8Array> {
  const [overview, proactive, requests, review, problems, other] = format.sections.map((s) => s.heading);
  const document = new Document({
    numbering: { config: [{ reference: 'headings', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: '青山县自然资源局', alignment: AlignmentType.CENTER }),
          new Paragraph({ text: '2023年政府信息公开工作年度报告', alignment: AlignmentType.CENTER }),
          heading(overview!),
          new Paragraph('2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。'),
          heading(proactive!),
          ...table2Blocks(trackedDeletion),
          heading(requests!),
          new Table({ rows: [...table3Header(), ...table3Rows(['newReceived', 'carriedOver', 'granted'])] }),
          new Paragraph(''),
          new Table({ rows: table3Rows(['partiallyGranted', 'denied.stateSecret']) }),
          heading(review!),
          table4(),
          heading(problems!),
          new Paragraph('一是公开内容不够全面。'),
          heading(other!),
          new Paragraph('无。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
