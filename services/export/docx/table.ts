import { FileChild } from 'docx';
import type { IXmlableObject } from 'docx';
import type { DocCell, DocCellRole, DocTable } from '../../../shared/document/model.ts';
import { TABLE_CELL_PADDING_MM } from '../../../shared/document/typography.ts';
import { STYLE } from './styles.ts';
import { gridTwips, halfPoints, twipsFromMm } from './units.ts';

/**
 * A table of the document model as a Word table that Word, WPS and LibreOffice lay out
 * alike: the grid in `w:tblGrid`, a DXA width on the table and on every cell, fixed
 * layout; horizontal spans as `gridSpan`, vertical spans as `vMerge` restart with a
 * continuation cell on every covered row; head rows repeated, no row split.
 *
 * Written as the element objects docx hands its XML writer, not through docx's Table,
 * TableRow and TableCell: its formatter spends some 5 µs on every element, and the three
 * tables are ~2,500 of them, most of an export's time. The bytes are those docx wrote
 * (compared for every seed report when this was changed); the rest of the document is docx's.
 */

type Xml = IXmlableObject;
type Attributes = Readonly<Record<string, string | number>>;

/** An element in docx's XML-writer form: attributes only, empty, or with children. */
function element(name: string, attributes?: Attributes, children: readonly (Xml | string)[] = []): Xml {
  if (children.length === 0) return { [name]: attributes ? { _attr: attributes } : {} };
  return { [name]: attributes ? [{ _attr: attributes }, ...children] : children };
}

const LINE: Attributes = { 'w:val': 'single', 'w:color': '000000', 'w:sz': 4 };
const BORDERS = element(
  'w:tblBorders',
  undefined,
  ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((side) => element(side, LINE)),
);
const PAD = twipsFromMm(TABLE_CELL_PADDING_MM);
const CELL_MARGINS = element(
  'w:tblCellMar',
  undefined,
  (['top', 'left', 'bottom', 'right'] as const).map((side) =>
    element(`w:${side}`, { 'w:type': 'dxa', 'w:w': side === 'left' || side === 'right' ? PAD : 0 }),
  ),
);
const CENTRED = element('w:vAlign', { 'w:val': 'center' });
const CANT_SPLIT = element('w:cantSplit');
const TABLE_HEADER = element('w:tblHeader');
const KEEP_NEXT = element('w:keepNext');
const PRESERVE_SPACE: Attributes = { 'xml:space': 'preserve' };

/** Row labels flush left, every other cell centred: by style, not repeated in every cell. */
const CELL_STYLE: Readonly<Record<DocCellRole, string>> = {
  caption: STYLE.table,
  header: STYLE.table,
  note: STYLE.table,
  rowLabel: STYLE.tableLabel,
  value: STYLE.table,
  total: STYLE.table,
};

/** A row that only heads what follows (a table-2 caption or header row) stays with the next row. */
const HEADING_ROLES: ReadonlySet<DocCellRole> = new Set(['caption', 'header', 'note']);

/** The paragraph properties of each cell style, with and without keep-with-next, made once. */
const PARAGRAPH_PROPERTIES = new Map<string, { alone: Xml; keptWithNext: Xml }>(
  [STYLE.table, STYLE.tableLabel].map((style) => {
    const styleElement = element('w:pStyle', { 'w:val': style });
    return [style, { alone: element('w:pPr', undefined, [styleElement]), keptWithNext: element('w:pPr', undefined, [styleElement, KEEP_NEXT]) }];
  }),
);

function cellParagraph(cell: DocCell | undefined, keepNext: boolean): Xml {
  const properties = PARAGRAPH_PROPERTIES.get(cell ? CELL_STYLE[cell.role] : STYLE.table)!;
  const children = [keepNext ? properties.keptWithNext : properties.alone];
  if (cell?.text) {
    const size = cell.sizePt ? [element('w:rPr', undefined, [element('w:sz', { 'w:val': halfPoints(cell.sizePt) }), element('w:szCs', { 'w:val': halfPoints(cell.sizePt) })])] : [];
    children.push(element('w:r', undefined, [...size, element('w:t', PRESERVE_SPACE, [cell.text])]));
  }
  return element('w:p', undefined, children);
}

/** Which model cell covers each grid position (row, column). */
function coverage(table: DocTable): DocCell[][] {
  const grid: DocCell[][] = Array.from({ length: table.rowCount }, () => new Array<DocCell>(table.columnCount));
  for (const cell of table.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) grid[r]![c] = cell;
    }
  }
  return grid;
}

/** The table as a child of the document body: its XML made here, handed to docx as it is. */
class WordTable extends FileChild {
  readonly #xml: Xml;

  constructor(xml: Xml) {
    super('w:tbl');
    this.#xml = xml;
  }

  override prepForXml(): Xml {
    return this.#xml;
  }
}

export function renderTable(table: DocTable): FileChild {
  const columns = gridTwips(table.columnWidthsMm);
  const spanWidth = (cell: DocCell) => columns.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  const rows = coverage(table).map((line, r) => {
    const owners: DocCell[] = [];
    for (let c = 0; c < table.columnCount; ) {
      const owner = line[c];
      if (!owner || owner.col !== c) throw new Error(`表格 ${table.id} 第${r + 1}行第${c + 1}列没有单元格`);
      owners.push(owner);
      c += owner.colSpan;
    }
    const headsNext = owners.every((o) => HEADING_ROLES.has(o.role));
    const cells = owners.map((owner) => {
      const starts = owner.row === r;
      const properties = [
        element('w:tcW', { 'w:type': 'dxa', 'w:w': spanWidth(owner) }),
        ...(owner.colSpan > 1 ? [element('w:gridSpan', { 'w:val': owner.colSpan })] : []),
        ...(owner.rowSpan > 1 ? [element('w:vMerge', { 'w:val': starts ? 'restart' : 'continue' })] : []),
        CENTRED,
      ];
      return element('w:tc', undefined, [element('w:tcPr', undefined, properties), cellParagraph(starts ? owner : undefined, headsNext)]);
    });
    const rowProperties = element('w:trPr', undefined, r < table.headerRows ? [CANT_SPLIT, TABLE_HEADER] : [CANT_SPLIT]);
    return element('w:tr', undefined, [rowProperties, ...cells]);
  });
  const tableProperties = element('w:tblPr', undefined, [
    element('w:tblW', { 'w:type': 'dxa', 'w:w': columns.reduce((a, b) => a + b, 0) }),
    element('w:jc', { 'w:val': 'center' }),
    BORDERS,
    element('w:tblLayout', { 'w:type': 'fixed' }),
    CELL_MARGINS,
  ]);
  const grid = element('w:tblGrid', undefined, columns.map((width) => element('w:gridCol', { 'w:w': width })));
  return new WordTable(element('w:tbl', undefined, [tableProperties, grid, ...rows]));
}
