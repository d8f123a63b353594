import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Result } from '../../shared/model/validation.ts';
import { unitsFromRows, unitsFromText } from '../../shared/summary/index.ts';
import type { UnitListReading } from '../../shared/summary/index.ts';
import { readXlsx } from '../import/readers/xlsx.ts';
import { decodeText } from '../import/sniff.ts';

/** The list of expected units from a file: a workbook (XLSX), a CSV or a text file, one unit a row. */

/** Larger than any list of units. */
const MAX_UNIT_LIST_BYTES = 5 * 1024 * 1024;

/** CSV rows (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

export async function readUnitList(path: string): Promise<Result<UnitListReading>> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `无法读取单位名单“${path}”：${code === 'ENOENT' ? '文件不存在' : (error as Error).message}。` };
  }
  if (bytes.length > MAX_UNIT_LIST_BYTES) return { ok: false, error: `单位名单“${name}”太大，超过5 MB，不像是单位名单。` };
  const ext = extname(name).toLowerCase();
  let reading: UnitListReading;
  if (ext === '.xlsx') {
    const workbook = readXlsx(bytes, name);
    if (!workbook.ok) return workbook;
    reading = unitsFromRows(workbook.value.lines.map((line) => line.cells.map((c) => c.text)));
  } else if (ext === '.csv') {
    reading = unitsFromRows(csvRows(decodeText(bytes)));
  } else if (ext === '.txt' || ext === '') {
    reading = unitsFromText(decodeText(bytes));
  } else {
    return { ok: false, error: `单位名单“${name}”的类型不认识：请用 Excel 工作簿（.xlsx）、CSV（.csv）或文本文件（.txt），每行一个单位。` };
  }
  if (reading.units.length === 0) return { ok: false, error: `单位名单“${name}”中没有找到单位名称：每行写一个单位（可在其后用制表符或逗号写简称）。` };
  return { ok: true, value: reading };
}
