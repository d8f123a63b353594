import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocTable } from '../../shared/document/model.ts';
import { renderXlsx } from '../../services/export/xlsx/renderXlsx.ts';
import { exportCases } from '../support/expectedTables.ts';
import type { ExpectedTable } from '../support/expectedTables.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';

/**
 * The XLSX export read back twice: with exceljs (values, types, merges, frozen panes,
 * widths) and as LibreOffice Calc opens it (each sheet converted to CSV headless): every
 * label and figure where the format's grid has it, for the five seeds and a report whose
 * every cell holds a different figure.
 */

/** The report's title and the table's title stand above each grid. */
const TITLE_ROWS = 2;

const cases = exportCases().map((c) => ({ ...c, model: buildDocument(c.report) }));

function modelTables(model: ReturnType<typeof buildDocument>): DocTable[] {
  return model.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
}

/** Columns whose labels and figures lie under the frozen panes. */
function labelColumns(table: ExpectedTable): number {
  return Math.min(...table.cells.filter((c) => c.key !== undefined).map((c) => c.col));
}

/** CSV as LibreOffice writes it: fields quoted when they hold a comma, a quote or a line break. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') field += text[++i];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      rows[rows.length - 1]!.push(field);
      field = '';
    } else if (char === '\n') {
      rows[rows.length - 1]!.push(field);
      field = '';
      rows.push([]);
    } else field += char;
  }
  if (rows[rows.length - 1]!.length === 0 && field === '') rows.pop();
  else rows[rows.length - 1]!.push(field);
  return rows;
}

const files = await Promise.all(cases.map(async (c) => ({ ...c, xlsx: await renderXlsx(c.model) })));

describe.each(files)('XLSX of $name read with exceljs', ({ model, xlsx, tables }) => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  });

  it('has one sheet per table, named by its title, under the report title', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.title));
    expect(workbook.title).toBe(model.title);
    workbook.worksheets.forEach((sheet, t) => {
      expect(sheet.getCell(1, 1).value).toBe(model.title);
      expect(sheet.getCell(2, 1).value).toBe(tables[t]!.title);
    });
  });

  it('holds the official labels, the merges and every figure as a number in its cell, blanks empty', () => {
    tables.forEach((table, t) => {
      const sheet = workbook.worksheets[t]!;
      const merges: string[] = [];
      for (const cell of table.cells) {
        const row = TITLE_ROWS + cell.row + 1;
        const col = cell.col + 1;
        const target = sheet.getCell(row, col);
        const where = `${table.id} ${target.address} ${cell.key ?? cell.label}`;
        if (cell.label !== undefined) expect(target.value, where).toBe(cell.label);
        else if (cell.figure === null) expect(target.value, where).toBeNull();
        else expect(target.value, where).toBe(cell.figure);
        for (let r = 0; r < cell.rowSpan; r++) {
          for (let c = 0; c < cell.colSpan; c++) {
            expect(sheet.getCell(row + r, col + c).master.address, where).toBe(target.address);
          }
        }
        if (cell.rowSpan > 1 || cell.colSpan > 1) merges.push(`${target.address}:${sheet.getCell(row + cell.rowSpan - 1, col + cell.colSpan - 1).address}`);
      }
      const titleMerges = [1, 2].map((row) => `A${row}:${sheet.getCell(row, table.columnCount).address}`);
      expect(new Set(sheet.model.merges)).toEqual(new Set([...titleMerges, ...merges]));
      expect(sheet.rowCount).toBe(TITLE_ROWS + table.rowCount);
      expect(sheet.columnCount).toBe(table.columnCount);
    });
  });

  it('freezes the header rows and the label columns, and is wide enough for every figure and label', () => {
    tables.forEach((table, t) => {
      const sheet = workbook.worksheets[t]!;
      const headerRows = modelTables(model)[t]!.headerRows;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: TITLE_ROWS + headerRows, xSplit: labelColumns(table) });
      for (const cell of modelTables(model)[t]!.cells.filter((c) => c.colSpan === 1)) {
        const width = sheet.getColumn(cell.col + 1).width!;
        // A figure never shows as ####; a label wraps at most onto three lines.
        if (cell.key !== undefined) expect(width, cell.text).toBeGreaterThan(cell.text.length + 1);
        else if (cell.rowSpan === 1) expect(width * 3, cell.text).toBeGreaterThan([...cell.text].length * 2);
      }
    });
  });
});

describe.skipIf(!toolsAvailable('soffice'))('XLSX opened by LibreOffice Calc (each sheet converted to CSV)', () => {
  const out = testOutputDir('xlsx');
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));

  beforeAll(() => {
    for (const old of readdirSync(out)) rmSync(join(out, old));
    for (const { name, xlsx } of files) writeFileSync(join(out, `${name}.xlsx`), xlsx);
    // Token 9 true: cells as shown (number formats applied); token 12 -1: every sheet to its own file.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', filter, '--outdir', out, ...files.map((f) => join(out, `${f.name}.xlsx`))],
      { stdio: 'ignore', timeout: 240_000 },
    );
  }, 300_000);

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it.each(files)('$name: every label and figure where the grid has it, as printed; blanks and covered cells empty', ({ name, model, tables }) => {
    tables.forEach((table, t) => {
      const rows = csvRows(readFileSync(join(out, `${name}-${table.title}.csv`), 'utf8'));
      expect(rows[0]![0]).toBe(model.title);
      expect(rows[1]![0]).toBe(table.title);
      expect(rows).toHaveLength(TITLE_ROWS + table.rowCount);
      const printed = new Map(modelTables(model)[t]!.cells.map((c) => [`${c.row},${c.col}`, c.text]));
      const grid = rows.slice(TITLE_ROWS);
      for (const cell of table.cells) {
        const where = `${table.id} row ${cell.row} col ${cell.col} ${cell.key ?? cell.label}`;
        const text = grid[cell.row]![cell.col];
        if (cell.label !== undefined) expect(text, where).toBe(cell.label);
        else if (cell.figure === null) expect(text, where).toBe('');
        else expect([Number(text), text], where).toEqual([cell.figure, printed.get(`${cell.row},${cell.col}`)]);
        for (let r = 0; r < cell.rowSpan; r++) {
          for (let c = 0; c < cell.colSpan; c++) if (r || c) expect(grid[cell.row + r]![cell.col + c], `${where} covers`).toBe('');
        }
      }
    });
  });
});
