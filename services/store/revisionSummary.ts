import { cellIndex, formatById, sectionNumber } from '../../shared/format/index.ts';
import type { CellDef } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { reportFormat } from '../../shared/model/report.ts';
import { canonicalJson } from './canonicalJson.ts';

/**
 * A short Chinese description of what changed between two versions of a report, for
 * the revision list: `修改了表三3格、第一、五部分文字`.
 */

/** Keys whose values differ; a missing key counts as `blank` (null cell, empty section). */
function changedKeys(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, blank: unknown = null): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => (before[key] ?? blank) !== (after[key] ?? blank));
}

function cellOf(key: string, reports: readonly Report[]): CellDef | undefined {
  for (const report of reports) {
    const format = formatById(report.formatId);
    const cell = format && cellIndex(format).byKey.get(key);
    if (cell) return cell;
  }
  return undefined;
}

/** Changed cells per table, tables in printed order. */
function tableChanges(before: Report, after: Report): string[] {
  const counts = new Map<string, number>();
  const keys = [...changedKeys(before.values, after.values), ...changedKeys(before.statedTotals, after.statedTotals)];
  const cells = keys.flatMap((key) => cellOf(key, [after, before]) ?? []);
  const order: readonly string[] = Object.keys(reportFormat(after).tables);
  cells.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
  for (const cell of cells) counts.set(cell.tableName, (counts.get(cell.tableName) ?? 0) + 1);
  return [...counts].map(([name, count]) => `${name}${count}格`);
}

function sectionChanges(before: Report, after: Report): string[] {
  const changed = new Set(changedKeys(before.sections, after.sections, ''));
  if (changed.size === 0) return [];
  const numerals = reportFormat(after)
    .sections.filter((s) => changed.has(s.key))
    .map(sectionNumber);
  return numerals.length ? [`第${numerals.join('、')}部分文字`] : ['正文文字'];
}

export function describeChanges(before: Report | undefined, after: Report): string {
  if (!before) return '首个版本';
  const parts = [
    ...(before.formatId !== after.formatId ? ['报告格式'] : []),
    ...(before.year !== after.year ? ['年度'] : []),
    ...(canonicalJson(before.agency) !== canonicalJson(after.agency) ? ['机关信息'] : []),
    ...tableChanges(before, after),
    ...sectionChanges(before, after),
    ...(changedKeys(before.infoFee, after.infoFee).length ? [reportFormat(after).infoFee?.name ?? '收费数字'] : []),
  ];
  return parts.length ? `修改了${parts.join('、')}` : '无改动';
}
