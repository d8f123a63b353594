import { existsSync } from 'node:fs';
import { checkReport } from '../../shared/checks/index.ts';
import type { Report } from '../../shared/model/report.ts';
import type { CliIo } from './command.ts';
import { parseArgs, UsageError } from './command.ts';
import { readReportFile } from './files.ts';

/** Refuses to overwrite an existing file unless `--force` was given. */
export function refuseOverwrite(out: string, force: boolean): void {
  if (existsSync(out) && !force) throw new UsageError(`“${out}”已存在；如要覆盖请加 --force`);
}

/**
 * The arguments every export command takes, `FILE.json [-o OUT.ext] [--force]`: the
 * report read and validated, and the output path (default: the input's name with `ext`).
 */
export async function readExportArgs(
  args: readonly string[],
  command: string,
  ext: string,
): Promise<{ file: string; out: string; report: Report }> {
  const parsed = parseArgs(args, ['o', 'out', 'force'], ['force']);
  const [file, ...extra] = parsed.positional;
  if (!file || extra.length) throw new UsageError(`请给出一个报告文件：nianbao ${command} FILE.json -o OUT${ext}`);
  const out = (parsed.options.get('o') ?? parsed.options.get('out') ?? `${file.replace(/\.json$/i, '')}${ext}`) as string;
  if (!out.toLowerCase().endsWith(ext)) throw new UsageError(`输出文件“${out}”应以 ${ext} 结尾`);
  refuseOverwrite(out, parsed.options.has('force'));
  return { file, out, report: await readReportFile(file) };
}

/** After an export: say where it went, and whether the report still has errors. */
export function reportExported(io: CliIo, out: string, file: string, report: Report): void {
  io.out.write(`已导出 ${out}\n`);
  const { error } = checkReport(report).counts;
  if (error > 0) io.out.write(`注意：报告还有 ${error} 个错误，请用 nianbao validate ${file} 查看，改正后重新导出。\n`);
}
