import { blankAgency, blankReport, YEARS } from '../../../shared/model/report.ts';
import { serializeReport } from '../../../shared/model/serialize.ts';
import type { CliCommand } from '../command.ts';
import { parseArgs, requireOption, UsageError } from '../command.ts';
import { refuseOverwrite } from '../exportArgs.ts';
import { writeOutput } from '../files.ts';

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'new --agency 机关名称 --year 年度 [-o OUT.json] [--force]',
  summary: '新建一份空白报告文件',
  async run(args, io) {
    const parsed = parseArgs(args, ['agency', 'year', 'o', 'out', 'force'], ['force']);
    if (parsed.positional.length) throw new UsageError(`多余的参数：${parsed.positional.join(' ')}`);
    const agency = requireOption(parsed, 'agency', '机关名称').trim();
    const yearText = requireOption(parsed, 'year', '报告年度，如 2025');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < YEARS.first || year > YEARS.last) throw new UsageError(`年度“${yearText}”不对，应为四位数年份，如 2025`);
    if (agency.length > 100) throw new UsageError('机关名称不能超过100个字符');
    const out = (parsed.options.get('o') ?? parsed.options.get('out') ?? `${agency}${year}年度报告.json`) as string;
    refuseOverwrite(out, parsed.options.has('force'));
    await writeOutput(out, serializeReport(blankReport(blankAgency(agency), year)));
    io.out.write(`已新建 ${out}\n`);
    return 0;
  },
};
