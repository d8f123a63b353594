import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { DocCell, DocCellRole, DocTable } from '../../../shared/document/model.ts';
import { TABLE_CELL_PADDING_MM } from '../../../shared/document/typography.ts';
import { STYLE } from './styles.ts';
import { gridTwips, halfPoints, twipsFromMm } from './units.ts';

/**
 * A table of the document model as a Word table that Word, WPS and LibreOffice lay out
 * alike: the grid in `w:tblGrid`, a DXA width on the table and on every cell, fixed
 * layout; horizontal spans as `gridSpan`, vertical spans as `vMerge` restart with a
 * continuation cell on every covered row; head rows repeated, no row split.
 */

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

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

function cellParagraph(cell: DocCell | undefined): Paragraph {
  return new Paragraph({
    style: cell ? CELL_STYLE[cell.role] : STYLE.table,
    children: cell?.text ? [new TextRun({ text: cell.text, ...(cell.sizePt ? { size: halfPoints(cell.sizePt) } : {}) })] : [],
  });
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

export function renderTable(table: DocTable): Table {
  const columns = gridTwips(table.columnWidthsMm);
  const spanWidth = (cell: DocCell) => columns.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  const covered = coverage(table);
  const rows = covered.map((line, r) => {
    const cells: TableCell[] = [];
    const owners: DocCell[] = [];
    for (let c = 0; c < table.columnCount; ) {
      const owner = line[c];
      if (!owner || owner.col !== c) throw new Error(`表格 ${table.id} 第${r + 1}行第${c + 1}列没有单元格`);
      const starts = owner.row === r;
      cells.push(
        new TableCell({
          children: [cellParagraph(starts ? owner : undefined)],
          width: { size: spanWidth(owner), type: WidthType.DXA },
          ...(owner.colSpan > 1 ? { columnSpan: owner.colSpan } : {}),
          ...(owner.rowSpan > 1 ? { verticalMerge: starts ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
          verticalAlign: VerticalAlignTable.CENTER,
        }),
      );
      owners.push(owner);
      c += owner.colSpan;
    }
    const headsNext = owners.every((o) => HEADING_ROLES.has(o.role));
    return new TableRow({
      children: cells,
      cantSplit: true,
      ...(r < table.headerRows ? { tableHeader: true } : {}),
      ...(headsNext ? { keepNext: true } : {}),
    });
  });
  const pad = twipsFromMm(TABLE_CELL_PADDING_MM);
  return new Table({
    rows,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    margins: { left: pad, right: pad, top: 0, bottom: 0, marginUnitType: WidthType.DXA },
  });
}
