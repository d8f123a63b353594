import { existsSync } from 'node:fs';
import { checkReport } from '../../../shared/checks/index.ts';
import { buildDocument } from '../../../shared/document/build.ts';
import { renderDocx } from '../../export/docx/renderDocx.ts';
import type { CliCommand } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { readReportFile, writeOutput } from '../files.ts';

export const exportDocxCommand: CliCommand = {
  name: 'export-docx',
  usage: 'export-docx FILE.json [-o OUT.docx] [--force]',
  summary: '按公文格式（GB/T 9704，表格为官方样式）导出 Word 文档；导出选项取自报告中的机关设置',
  async run(args, io) {
    const parsed = parseArgs(args, ['o', 'out', 'force'], ['force']);
    const [file, ...extra] = parsed.positional;
    if (!file || extra.length) throw new UsageError('请给出一个报告文件：nianbao export-docx FILE.json -o OUT.docx');
    const out = (parsed.options.get('o') ?? parsed.options.get('out') ?? `${file.replace(/\.json$/i, '')}.docx`) as string;
    if (!/\.docx$/i.test(out)) throw new UsageError(`输出文件“${out}”应以 .docx 结尾`);
    if (existsSync(out) && !parsed.options.has('force')) throw new UsageError(`“${out}”已存在；如要覆盖请加 --force`);
    const report = await readReportFile(file);
    await writeOutput(out, await renderDocx(buildDocument(report)));
    io.out.write(`已导出 ${out}\n`);
    const { error } = checkReport(report).counts;
    if (error > 0) io.out.write(`注意：报告还有 ${error} 个错误，请用 nianbao validate ${file} 查看，改正后重新导出。\n`);
    return 0;
  },
};
