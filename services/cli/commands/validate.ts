import { checkReport, SEVERITY_LABELS } from '../../../shared/checks/index.ts';
import type { CliCommand } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { readReportFile } from '../files.ts';

export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate FILE.json [--previous LAST_YEAR.json] [--json]',
  summary: '检查报告：列出所有问题，有错误时以非零状态退出',
  async run(args, io) {
    const parsed = parseArgs(args, ['previous', 'json'], ['json']);
    const [file, ...extra] = parsed.positional;
    if (!file || extra.length) throw new UsageError('请给出一个报告文件：nianbao validate FILE.json');
    const report = await readReportFile(file);
    const previousPath = parsed.options.get('previous');
    const previous = typeof previousPath === 'string' ? await readReportFile(previousPath) : undefined;
    const { findings, counts } = checkReport(report, previous ? { previous } : {});
    if (parsed.options.has('json')) {
      io.out.write(`${JSON.stringify({ counts, findings }, null, 2)}\n`);
    } else {
      for (const f of findings) io.out.write(`[${SEVERITY_LABELS[f.severity]}] ${f.id}  ${f.message}\n`);
      io.out.write(`${file}：错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.hint} 个。\n`);
    }
    return counts.error > 0 ? 1 : 0;
  },
};
