import { plainUnitName } from './unitNames.ts';
import type { UnitEntry } from './types.ts';

/**
 * The list of expected units as an office has it: typed or pasted (one unit a line),
 * or the rows of a spreadsheet. A row is the unit's name, then its other names
 * (简称, old names); a leading 序号 and a header row (单位名称 …) are left out.
 */

const HEADER = /^(序号|编号|单位|单位名称|单位全称|名称|下级单位|简称|别名|备注)$/;
const ORDINAL = /^\d{1,4}[.．、)）]?$/;
const LEADING_ORDINAL = /^\d{1,4}[.．、)）]\s*/;
/** Cells of a pasted line: tabs (spreadsheets), commas and semicolons (CSV, typed lists). */
const CELL_SEPARATORS = /[\t,，;；|]+/;

export interface UnitListReading {
  readonly units: readonly UnitEntry[];
  /** Names listed twice (the second is left out), as written. */
  readonly duplicates: readonly string[];
}

/** Units from rows of cells (a spreadsheet's or a CSV's). */
export function unitsFromRows(rows: readonly (readonly string[])[]): UnitListReading {
  const units: UnitEntry[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const cells = row.map((c) => c.trim()).filter((c) => c !== '' && !ORDINAL.test(c));
    if (cells.length === 0 || cells.every((c) => HEADER.test(plainUnitName(c)))) continue;
    const [first, ...rest] = cells.map((c) => c.replace(LEADING_ORDINAL, '').trim());
    const name = first!;
    const key = plainUnitName(name);
    if (!key) continue;
    if (seen.has(key)) {
      duplicates.push(name);
      continue;
    }
    seen.add(key);
    const aliases = [...new Set(rest.filter((a) => plainUnitName(a) !== key && !HEADER.test(plainUnitName(a))))];
    units.push({ name, aliases });
  }
  return { units, duplicates };
}

/** Units from typed or pasted text: one unit a line, other names after a tab or a comma. */
export function unitsFromText(text: string): UnitListReading {
  return unitsFromRows(text.split(/\r\n|\r|\n/).map((line) => line.split(CELL_SEPARATORS)));
}
