import { EXCHANGE_EXTENSION, exportExchangeFile } from '../../exchange/index.ts';
import type { Store } from '../../store/index.ts';
import type { Result } from '../../../shared/model/validation.ts';
import type { CliCommand, ParsedArgs } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { refuseOverwrite } from '../exportArgs.ts';
import { DATA_DIR_OPTION, storeFailure, withStore } from '../storeAccess.ts';

const NAME = 'export-json';

/** The report named by `--report 编号`, or by `--agency 名称 --year 年度`. */
function findReport(store: Store, parsed: ParsedArgs): Result<{ id: number; agencyName: string; year: number }> {
  const id = parsed.options.get('report');
  const agency = parsed.options.get('agency');
  const year = parsed.options.get('year');
  if (typeof id === 'string') {
    if (!/^\d+$/.test(id)) throw new UsageError(`报告编号“${id}”不对，应为正整数（见 nianbao list）`);
    const stored = store.getReport({ reportId: Number(id) });
    return stored.ok ? { ok: true, value: stored.value.summary } : stored;
  }
  if (typeof agency !== 'string' || typeof year !== 'string') throw new UsageError('请用 --report 编号，或 --agency 机关名称 --year 年度 指明报告');
  const reports = store.listReports();
  if (!reports.ok) return reports;
  const found = reports.value.find((r) => r.agencyName === agency.trim() && String(r.year) === year.trim());
  return found ? { ok: true, value: found } : { ok: false, error: `没有找到“${agency}”${year}年度的报告（见 nianbao list）。` };
}

export const exportJsonCommand: CliCommand = {
  name: NAME,
  usage: 'export-json --report ID|--agency 机关 --year 年度 [-o OUT.nianbao] [--force]',
  summary: '把一份报告导出为交换文件（.nianbao，带校验和）供上级导入',
  async run(args, io) {
    const parsed = parseArgs(args, ['report', 'agency', 'year', 'o', 'out', 'force', DATA_DIR_OPTION], ['force']);
    if (parsed.positional.length) throw new UsageError(`多余的参数：${parsed.positional.join(' ')}`);
    return withStore(parsed, io, { command: NAME, readOnly: false }, (store) => {
      const report = findReport(store, parsed);
      if (!report.ok) return storeFailure(io, NAME, report.error);
      const { id, agencyName, year } = report.value;
      const out = (parsed.options.get('o') ?? parsed.options.get('out') ?? `${agencyName}${year}年度报告${EXCHANGE_EXTENSION}`) as string;
      refuseOverwrite(out, parsed.options.has('force'));
      const exported = exportExchangeFile(store, { reportId: id, path: out });
      if (!exported.ok) return storeFailure(io, NAME, exported.error);
      io.out.write(`已导出 ${out}\n`);
      return 0;
    });
  },
};
