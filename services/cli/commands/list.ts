import type { CliCommand } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { DATA_DIR_OPTION, storeFailure, withStore } from '../storeAccess.ts';
import { describeTime } from '../../store/time.ts';
import type { AgencySummary, ReportEntry } from '../../store/index.ts';

function describe(agencies: readonly AgencySummary[], reports: readonly ReportEntry[], deleted: boolean): string {
  const lines: string[] = [];
  if (deleted) {
    lines.push('回收站：', ...agencies.map((a) => `  机关  ${a.name || '未命名机关'}（机关编号${a.id}，${describeTime(a.deletedAt!)}删除）`));
    lines.push(...reports.map((r) => `  报告  #${r.id}  ${r.agencyName} ${r.year}年度${r.label ? `“${r.label}”` : ''}（${describeTime(r.deletedAt!)}删除）`));
    if (agencies.length + reports.length === 0) lines.push('  （空）');
    return `${lines.join('\n')}\n`;
  }
  for (const agency of agencies) {
    lines.push(`${agency.name || '未命名机关'}（机关编号${agency.id}）`);
    const own = reports.filter((r) => r.agencyId === agency.id);
    if (own.length === 0) lines.push('  （还没有报告）');
    for (const r of own) lines.push(`  #${r.id}  ${r.year}年度${r.label ? `“${r.label}”` : ''}  更新于${describeTime(r.updatedAt)}`);
  }
  if (agencies.length === 0) lines.push('还没有任何机关和报告。');
  return `${lines.join('\n')}\n`;
}

const NAME = 'list';

export const listCommand: CliCommand = {
  name: NAME,
  usage: 'list [--deleted] [--json] [--data-dir DIR]',
  summary: '列出数据中的机关和报告（--deleted：回收站）；年报程序开着时也能用',
  async run(args, io) {
    const parsed = parseArgs(args, ['deleted', 'json', DATA_DIR_OPTION], ['deleted', 'json']);
    if (parsed.positional.length) throw new UsageError(`多余的参数：${parsed.positional.join(' ')}`);
    return withStore(parsed, io, { command: NAME, readOnly: true }, (store) => {
      const deleted = parsed.options.has('deleted');
      const agencies = store.listAgencies({ deleted });
      const reports = store.listReports({ deleted });
      if (!agencies.ok) return storeFailure(io, NAME, agencies.error);
      if (!reports.ok) return storeFailure(io, NAME, reports.error);
      const text = parsed.options.has('json')
        ? `${JSON.stringify({ dataDir: store.dataDir, agencies: agencies.value, reports: reports.value }, null, 2)}\n`
        : describe(agencies.value, reports.value, deleted);
      io.out.write(text);
      return 0;
    });
  },
};
