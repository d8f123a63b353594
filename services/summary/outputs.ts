import type { Borders, Worksheet } from 'exceljs';
import { cellIndex, cellName, formatById } from '../../shared/format/index.ts';
import type { CarryOverWords } from '../../shared/format/index.ts';
import type { Agency } from '../../shared/model/report.ts';
import { REVIEW_STATE_LABELS, buildReviewOpinion, summedReport } from '../../shared/summary/index.ts';
import type { ReceivedFile, ReviewOpinionInput, ReviewRow, WorkspaceReview, WorkspaceSum } from '../../shared/summary/index.ts';
import { writeExchangeFile } from '../exchange/index.ts';
import { renderDocx } from '../export/docx/renderDocx.ts';
import { workbookBytes } from '../export/xlsx/workbookBytes.ts';

/**
 * The review's outputs: the 审核意见 of a unit (DOCX, in the report's own layout), the
 * review list and the sum (XLSX, one row per unit), and the sum as an exchange file the
 * superior agency starts its own report from.
 */

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const ALL_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Light red behind a sum that leaves units out: it is not the area's total. */
const INCOMPLETE_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4E4' } } as const;

/** 审核意见 of one unit as DOCX. */
export function reviewOpinionDocx(input: ReviewOpinionInput): Promise<Uint8Array> {
  return renderDocx(buildReviewOpinion(input));
}

async function newWorkbook(title: string, author: string) {
  // Loaded on first use, as the report's XLSX export does: exceljs is slow to load.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = author;
  workbook.title = title;
  return workbook;
}

function header(sheet: Worksheet, labels: readonly string[], widths: readonly number[]): void {
  const row = sheet.addRow([...labels]);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

function bordered(sheet: Worksheet): void {
  sheet.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => (cell.border = ALL_BORDERS)));
}

function carryOverText(row: ReviewRow, words: CarryOverWords): string {
  if (row.carryOver.status === 'unknown') return '无上年数据';
  return row.carryOver.status === 'consistent' ? `与上年${words.from}一致` : `与上年${words.from}不一致：${row.carryOver.columns.join('、')}`;
}

/** What keeps a unit's file from the sum or needs the reviewer, for the 文件 column. */
function rowProblem(row: ReviewRow): string {
  return [
    row.unreadable ? `文件无法读取：${row.unreadable}` : '',
    row.otherYear !== undefined ? `报告是${row.otherYear}年度的（未计入汇总）` : '',
    row.needsChoice ? `收到${row.revisions}份，请选择` : '',
  ]
    .filter(Boolean)
    .join('；');
}

function fileProblem(file: ReceivedFile): string {
  if (file.reading.status === 'unreadable') return `无法读取：${file.reading.reason}`;
  return file.match.status === 'ambiguous' ? '对应多个单位，请指定' : '未找到对应的单位，请指定';
}

/** The review list: one row per expected unit, and the files that need the reviewer (unreadable, no unit). */
export async function reviewListXlsx(review: WorkspaceReview, options: { readonly title: string; readonly author: string }): Promise<Uint8Array> {
  const workbook = await newWorkbook(options.title, options.author);
  const sheet = workbook.addWorksheet('审核结果', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  // The carry-over column (上年结转 against last year) only where the workspace's format carries a row over.
  const carried = review.format.relations.carryOver?.words;
  const columns: readonly { readonly label: string; readonly width: number; readonly value: (row: ReviewRow) => string | number | null }[] = [
    { label: '状态', width: 9, value: (row) => REVIEW_STATE_LABELS[row.state] },
    { label: '错误', width: 6, value: (row) => row.counts.error },
    { label: '警告', width: 6, value: (row) => row.counts.warning },
    { label: '提示', width: 6, value: (row) => row.counts.hint },
    { label: '未完成', width: 7, value: (row) => row.kinds.unfinished },
    { label: '问题所在', width: 28, value: (row) => row.places.join('、') },
    ...(carried ? [{ label: `${carried.to}（对照上年）`, width: 18, value: (row: ReviewRow) => (row.state === 'missing' ? '' : carryOverText(row, carried)) }] : []),
    { label: '文字与表格矛盾', width: 8, value: (row) => row.proseConflicts },
    { label: '导入待核对', width: 8, value: (row) => row.uncertainCells },
    { label: '文件', width: 30, value: (row) => [row.fileName ?? '', rowProblem(row)].filter(Boolean).join('；') },
    { label: '版本', width: 6, value: (row) => row.revision ?? '' },
    { label: '审核意见', width: 30, value: (row) => row.note },
  ];
  header(sheet, ['序号', '单位', ...columns.map((c) => c.label)], [6, 28, ...columns.map((c) => c.width)]);
  review.units.forEach(({ row }, i) => {
    sheet.addRow([i + 1, row.unitName, ...columns.map((c) => c.value(row))]).alignment = { vertical: 'top', wrapText: true };
  });
  bordered(sheet);
  const pending = [...review.unreadable, ...review.unassigned];
  if (pending.length > 0) {
    const files = workbook.addWorksheet('待处理文件', { views: [{ state: 'frozen', ySplit: 1 }] });
    header(files, ['文件', '问题'], [40, 60]);
    for (const file of pending) files.addRow([file.fileName, fileProblem(file)]).alignment = { vertical: 'top', wrapText: true };
    bordered(files);
  }
  return workbookBytes(workbook);
}

/**
 * The sum as the sheet offices build by hand: one row per unit, one column per cell
 * (table, then the cell's row and column as the format names them), a blank where the
 * unit left the cell blank, the 合计 row (known figures; a cell leaving units out is
 * shaded and its note names them) and the number of units blank per cell.
 */
export async function sumXlsx(sum: WorkspaceSum, options: { readonly title: string; readonly author: string }): Promise<Uint8Array> {
  const format = formatById(sum.formatId);
  if (!format) throw new Error(`unknown format ${sum.formatId}`);
  const cells = cellIndex(format).byKey;
  const workbook = await newWorkbook(options.title, options.author);
  const sheet = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const defs = sum.cells.map((c) => cells.get(c.key)!);
  header(sheet, ['序号', '单位', ...defs.map((d) => d.tableName)], [6, 28, ...defs.map(() => 14)]);
  header(sheet, ['', '', ...defs.map((d) => (d.rowLabel ? `${d.rowLabel}—${cellName(d, 'inRow')}` : cellName(d, 'inRow')))], []);
  sheet.getRow(2).height = 90;
  // One merged table name over its columns.
  let start = 0;
  defs.forEach((d, i) => {
    if (i + 1 < defs.length && defs[i + 1]!.table === d.table) return;
    if (i > start) sheet.mergeCells(1, start + 3, 1, i + 3);
    start = i + 1;
  });
  sheet.mergeCells(1, 1, 2, 1);
  sheet.mergeCells(1, 2, 2, 2);
  const numFmt = defs.map((d) => (d.kind === 'money' ? '0.0000' : '0'));
  sum.units.forEach((unit, u) => {
    const row = sheet.addRow([u + 1, unit.unitName, ...sum.cells.map((c) => c.values[u] ?? null)]);
    numFmt.forEach((fmt, i) => (row.getCell(i + 3).numFmt = fmt));
  });
  const total = sheet.addRow(['', '合计', ...sum.cells.map((c) => c.total)]);
  total.font = { bold: true };
  sum.cells.forEach((c, i) => {
    const cell = total.getCell(i + 3);
    cell.numFmt = numFmt[i]!;
    if (!c.complete && c.blankUnits.length < sum.units.length) {
      cell.fill = INCOMPLETE_FILL;
      cell.note = `只含已填写的单位；空白：${c.blankUnits.join('、')}`;
    }
  });
  sheet.addRow(['', '空白单位数', ...sum.cells.map((c) => c.blankUnits.length)]);
  bordered(sheet);
  return workbookBytes(workbook);
}

/** The sum as an exchange file of the superior agency (cells some units left blank stay blank). */
export function sumExchangeFile(sum: WorkspaceSum, agency: Agency | string, year: number, now: Date): string {
  return writeExchangeFile(summedReport(sum, agency, year), now);
}
