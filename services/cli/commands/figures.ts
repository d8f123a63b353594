import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { computeFigures } from '../../../shared/figures/figures.ts';
import { reportFormat } from '../../../shared/model/report.ts';
import type { Report } from '../../../shared/model/report.ts';
import { toFixtureFigures } from '../../../shared/model/fixtureFigures.ts';
import { parseReport } from '../../../shared/model/serialize.ts';
import { importFile } from '../../import/index.ts';
import type { CliCommand } from '../command.ts';
import { UsageError, parseArgs } from '../command.ts';

/**
 * The figures of a report in the stable-key shape of the fixture schema (`source`,
 * `agency`, `year`, `sections`, `table2`/`table3`/`table4`; `null` for blank), from a
 * report file or from any file the import reads, so they can be compared and analysed.
 */

function figuresOf(report: Report, source: string, sections: readonly string[], feesUnitNote?: string): object {
  return { source, agency: report.agency.name || null, year: report.year, sections, ...toFixtureFigures(computeFigures(report), feesUnitNote) };
}

function looksLikeJson(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{');
}

export const figuresCommand: CliCommand = {
  name: 'figures',
  usage: 'figures FILE.json|.docx|.pdf|.html|.mht|.xlsx|.txt',
  summary: '以稳定键名的JSON输出报告的全部数字（报告文件或任何可导入的文件），空白为null',
  async run(args, io) {
    const parsed = parseArgs(args, []);
    const [file, ...extra] = parsed.positional;
    if (!file || extra.length) throw new UsageError('请给出一个报告文件或要导入的文件：nianbao figures 报告.json');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`无法读取“${file}”：${code === 'ENOENT' ? '文件不存在' : (error as Error).message}`);
    }
    let output: object;
    if (looksLikeJson(bytes)) {
      const report = parseReport(new TextDecoder().decode(bytes));
      if (!report.ok) {
        io.err.write(`nianbao figures：“${file}”：${report.error}\n`);
        return 1;
      }
      const headings = reportFormat(report.value).sections.map((s) => s.heading);
      output = figuresOf(report.value, basename(file), headings);
    } else {
      const result = await importFile({ bytes, name: basename(file) });
      if (!result.ok) {
        io.err.write(`nianbao figures：${result.error}\n`);
        return 1;
      }
      const { report, sections, feesUnitNote } = result.value;
      const headings = sections.flatMap((s) => (s.heading === null ? [] : [s.heading]));
      output = figuresOf(report, basename(file), headings, feesUnitNote ?? undefined);
    }
    io.out.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  },
};
