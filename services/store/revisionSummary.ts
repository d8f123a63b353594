import { cellIndex, formatById } from '../../shared/format/index.ts';
import type { TableId } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { reportFormat } from '../../shared/model/report.ts';
import { canonicalJson } from './canonicalJson.ts';

/**
 * A short Chinese description of what changed between two versions of a report, for
 * the revision list: `修改了表三3格、第一、五部分文字`.
 */

const TABLE_NAMES: Readonly<Record<TableId, string>> = { table2: '表二', table3: '表三', table4: '表四' };

/** Keys whose values differ; a missing key counts as `blank` (null cell, empty section). */
function changedKeys(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, blank: unknown = null): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => (before[key] ?? blank) !== (after[key] ?? blank));
}

function tableOf(key: string, reports: readonly Report[]): TableId | undefined {
  for (const report of reports) {
    const format = formatById(report.formatId);
    const table = format && cellIndex(format).byKey.get(key)?.table;
    if (table) return table;
  }
  return undefined;
}

function tableChanges(before: Report, after: Report): string[] {
  const counts = new Map<TableId, number>();
  const keys = [...changedKeys(before.values, after.values), ...changedKeys(before.statedTotals, after.statedTotals)];
  for (const key of keys) {
    const table = tableOf(key, [after, before]);
    if (table) counts.set(table, (counts.get(table) ?? 0) + 1);
  }
  return (Object.keys(TABLE_NAMES) as TableId[])
    .filter((t) => counts.has(t))
    .map((t) => `${TABLE_NAMES[t]}${counts.get(t)}格`);
}

function sectionChanges(before: Report, after: Report): string[] {
  const changed = new Set(changedKeys(before.sections, after.sections, ''));
  if (changed.size === 0) return [];
  const numerals = reportFormat(after)
    .sections.filter((s) => changed.has(s.key))
    .map((s) => s.numeral.replace('、', ''));
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
    ...(changedKeys(before.infoFee, after.infoFee).length ? ['信息处理费'] : []),
  ];
  return parts.length ? `修改了${parts.join('、')}` : '无改动';
}
