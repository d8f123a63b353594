import { basename } from 'node:path';
import { cellIndex, formatById } from '../../../shared/format/index.ts';
import { serializeReport } from '../../../shared/model/serialize.ts';
import { importFile } from '../../import/index.ts';
import type { ImportResult } from '../../import/index.ts';
import type { CliCommand } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { refuseOverwrite } from '../exportArgs.ts';
import { writeOutput } from '../files.ts';

const STATUS_NAMES = { read: '读出', blank: '空白', missing: '缺失', unreadable: '无法识别', unplaced: '无法定位' } as const;

/** What the import found, for a person: counts, the cells to check, the warnings. */
function summary(result: ImportResult): string {
  const format = formatById(result.report.formatId)!;
  const cells = cellIndex(format);
  const counts = Object.entries(STATUS_NAMES).map(([status, name]) => `${name} ${result.cells.filter((c) => c.status === status).length}`);
  const found = result.sections.filter((s) => s.heading !== null).length;
  const lines = [
    `标题：${result.title ?? '（未找到）'}`,
    `机关：${result.agency ?? '（未印出）'}　年度：${result.year ?? '（未找到）'}　章节：找到 ${found}/${result.sections.length}`,
    `表格 ${result.cells.length} 格：${counts.join('，')}`,
  ];
  const doubtful = result.cells.filter((c) => c.confidence !== 'high' || c.status === 'unreadable' || c.status === 'unplaced');
  const byRow = new Map<string, string[]>();
  for (const c of doubtful) {
    const def = cells.byKey.get(c.key)!;
    const row = `${def.rowLabel || def.tableName}${c.note ? `：${c.note}` : ''}`;
    byRow.set(row, [...(byRow.get(row) ?? []), `${def.columnLabel} ${c.value ?? STATUS_NAMES[c.status]}`]);
  }
  if (byRow.size) lines.push('请核对：', ...[...byRow].map(([row, values]) => `  ${row}（${values.join('，')}）`));
  for (const issue of result.issues.filter((i) => i.level === 'warning')) lines.push(`注意：${issue.where}：${issue.message}`);
  return `${lines.join('\n')}\n`;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE.docx|.pdf|.html|.mht|.xlsx|.txt [-o OUT.json] [--force] [--json]',
  summary: '读入已发布的年度报告（Word、PDF、网页、Excel或文本），写成报告文件；列出需要核对的格，不猜测任何数字',
  async run(args, io) {
    const parsed = parseArgs(args, ['o', 'out', 'force', 'json'], ['force', 'json']);
    const [file, ...extra] = parsed.positional;
    if (!file || extra.length) throw new UsageError('请给出一个要导入的文件：nianbao import 报告.docx -o 报告.json');
    const out = (parsed.options.get('o') ?? parsed.options.get('out') ?? `${basename(file).replace(/\.[^.]+$/, '')}.json`) as string;
    if (!/\.json$/i.test(out)) throw new UsageError(`输出文件“${out}”应以 .json 结尾`);
    refuseOverwrite(out, parsed.options.has('force'));
    const result = await importFile({ path: file });
    if (!result.ok) {
      io.err.write(`nianbao import：${result.error}\n`);
      return 1;
    }
    await writeOutput(out, serializeReport(result.value.report));
    io.out.write(parsed.options.has('json') ? `${JSON.stringify(result.value, null, 2)}\n` : `${summary(result.value)}已写入 ${out}\n`);
    return 0;
  },
};
