import { cellIndex, cellName, formatById } from '../../../shared/format/index.ts';
import { checkSum, summedReport } from '../../../shared/summary/index.ts';
import { sumExchangeFile, sumXlsx } from '../../summary/outputs.ts';
import type { CliCommand } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { refuseOverwrite } from '../exportArgs.ts';
import { writeOutput } from '../files.ts';
import { readFolderArgs } from '../summaryArgs.ts';

const OUTPUTS = /\.(json|xlsx|nianbao)$/i;

export const sumCommand: CliCommand = {
  name: 'sum',
  usage: 'sum DIR [--units units.txt] [--agency 上级机关] [-o sum.json|sum.xlsx|sum.nianbao] [--force]',
  summary: '汇总下级报告的三张表：每格为已填写单位之和，并列出空白的单位（不当作0）；对汇总结果做勾稽检查',
  async run(args, io) {
    const parsed = parseArgs(args, ['units', 'agency', 'o', 'out', 'force'], ['force']);
    const out = (parsed.options.get('o') ?? parsed.options.get('out')) as string | undefined;
    if (out !== undefined && !OUTPUTS.test(out)) throw new UsageError(`输出文件“${out}”应以 .json、.xlsx 或 .nianbao 结尾`);
    if (out) refuseOverwrite(out, parsed.options.has('force'));
    const folder = await readFolderArgs('sum', parsed.positional, parsed.options.get('units'), io);
    const { sum } = folder;
    if (sum.units.length === 0) {
      io.err.write('nianbao sum：没有可以汇总的报告（文件都无法读取或未对应单位）。\n');
      return 1;
    }
    const agency = typeof parsed.options.get('agency') === 'string' ? (parsed.options.get('agency') as string) : '汇总';
    const year = folder.year!;
    const cells = cellIndex(formatById(sum.formatId)!).byKey;
    const check = checkSum(sum, agency, year);
    const identities = check.findings.filter((f) => /^T\d-/.test(f.rule));
    const incomplete = sum.cells.filter((c) => !c.complete);
    if (out && /\.json$/i.test(out)) {
      const json = {
        year,
        units: sum.units,
        cells: sum.cells.map((c) => ({ key: c.key, name: cellName(cells.get(c.key)!), total: c.total, complete: c.complete, blankUnits: c.blankUnits, values: c.values })),
        findings: check.findings.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, message: f.message })),
      };
      await writeOutput(out, `${JSON.stringify(json, null, 2)}\n`);
    } else if (out && /\.xlsx$/i.test(out)) {
      await writeOutput(out, await sumXlsx(sum, { title: `${agency}${year}年度报告汇总`, author: agency }));
    } else if (out) {
      await writeOutput(out, sumExchangeFile(sum, agency, year, new Date()));
    }
    io.out.write(`汇总 ${sum.units.length} 个单位（${year}年度）：${sum.units.map((u) => u.unitName).join('、')}\n`);
    for (const c of incomplete.filter((c) => c.total !== null || c.blankUnits.length < sum.units.length)) {
      io.out.write(`  ${cellName(cells.get(c.key)!)} = ${c.total ?? '—'}（只含已填写的单位；空白：${c.blankUnits.join('、')}）\n`);
    }
    const allBlank = incomplete.filter((c) => c.total === null && c.blankUnits.length === sum.units.length).length;
    if (allBlank) io.out.write(`  另有 ${allBlank} 格所有单位都空白。\n`);
    io.out.write(`有空白的格 ${incomplete.length} 个；汇总后勾稽检查：${identities.length ? identities.map((f) => f.message).join('\n  ') : '无错误'}\n`);
    if (out) io.out.write(`已导出 ${out}${/\.nianbao$/i.test(out) ? `（${agency}；有单位空白的格留空：${Object.keys(summedReport(sum, agency, year).values).length} 格有数）` : ''}\n`);
    return 0;
  },
};
