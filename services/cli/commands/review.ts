import { SEVERITY_LABELS } from '../../../shared/checks/index.ts';
import { REVIEW_STATE_LABELS } from '../../../shared/summary/index.ts';
import type { ReviewState } from '../../../shared/summary/index.ts';
import { reviewListXlsx } from '../../summary/outputs.ts';
import type { CliCommand } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { refuseOverwrite } from '../exportArgs.ts';
import { writeOutput } from '../files.ts';
import { readFolderArgs } from '../summaryArgs.ts';

export const reviewCommand: CliCommand = {
  name: 'review',
  usage: 'review DIR [--units units.txt] [-o review.xlsx] [--force] [--json]',
  summary: '审核收到的下级报告：每个单位的状态（未报送/有错误/有警告/通过）、问题数和所在位置，列出无法读取和无法对应单位的文件',
  async run(args, io) {
    const parsed = parseArgs(args, ['units', 'o', 'out', 'force', 'json'], ['force', 'json']);
    const out = (parsed.options.get('o') ?? parsed.options.get('out')) as string | undefined;
    if (out !== undefined && !/\.xlsx$/i.test(out)) throw new UsageError(`输出文件“${out}”应以 .xlsx 结尾`);
    if (out) refuseOverwrite(out, parsed.options.has('force'));
    const folder = await readFolderArgs('review', parsed.positional, parsed.options.get('units'), io);
    const { review } = folder;
    const carried = review.format.relations.carryOver?.words;
    if (parsed.options.has('json')) {
      io.out.write(
        `${JSON.stringify(
          {
            units: review.units.map((u) => ({ ...u.row, findings: u.findings.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, kind: f.kind, message: f.message })) })),
            unassigned: review.unassigned,
            unreadable: review.unreadable,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      review.units.forEach(({ row }, i) => {
        const counts = row.state === 'missing' ? '' : `  ${(['error', 'warning', 'hint'] as const).map((s) => `${SEVERITY_LABELS[s]}${row.counts[s]}`).join(' ')}`;
        const places = row.places.length ? `  问题在：${row.places.join('、')}` : '';
        const extra = [
          row.unreadable ? `文件无法读取：${row.unreadable}` : '',
          row.otherYear !== undefined ? `报告是${row.otherYear}年度的，不是${folder.year}年度的（未计入汇总）` : '',
          row.needsChoice ? `收到${row.revisions}份，显示最新一份，请选择` : '',
          carried && row.carryOver.status === 'mismatch' ? `${carried.to}与上年${carried.from}不一致：${row.carryOver.columns.join('、')}` : '',
          row.proseConflicts ? `文字与表格矛盾${row.proseConflicts}处` : '',
          row.uncertainCells ? `导入待核对${row.uncertainCells}格` : '',
        ].filter(Boolean);
        io.out.write(`${String(i + 1).padStart(3)}. ${row.unitName}  [${REVIEW_STATE_LABELS[row.state]}]${counts}${places}${row.fileName ? `  ${row.fileName}` : ''}\n`);
        if (extra.length) io.out.write(`       ${extra.join('；')}\n`);
      });
      for (const file of review.unreadable) if (file.match.status !== 'matched') io.out.write(`无法读取：${file.fileName}：${file.reading.status === 'unreadable' ? file.reading.reason : ''}\n`);
      for (const file of review.unassigned) {
        const candidates = file.match.status === 'matched' ? [] : file.match.candidates.map((id) => folder.units.find((u) => u.id === id)?.name).filter(Boolean);
        const agency = file.reading.status === 'read' ? file.reading.agency : null;
        io.out.write(
          `未对应单位：${file.fileName}（报告单位：${agency ?? '未印出'}）${file.match.status === 'ambiguous' ? `，可能是：${candidates.join('、')}，请在名单中写明简称` : candidates.length ? `，相近：${candidates.join('、')}` : ''}\n`,
        );
      }
      const tally = (['missing', 'errors', 'warnings', 'passed'] as ReviewState[]).map((s) => `${REVIEW_STATE_LABELS[s]} ${review.units.filter((u) => u.row.state === s).length}`);
      io.out.write(`共 ${review.units.length} 个单位：${tally.join('，')}；收到文件 ${folder.files.length} 份，无法读取 ${review.unreadable.length} 份，未对应单位 ${review.unassigned.length} 份。\n`);
    }
    if (out) {
      await writeOutput(out, await reviewListXlsx(review, { title: '年度报告审核结果', author: '年报' }));
      io.err.write(`已导出 ${out}\n`);
    }
    return 0;
  },
};
