import { existsSync } from 'node:fs';
import { checkReport } from '../../../shared/checks/index.ts';
import { buildDocument } from '../../../shared/document/build.ts';
import { launchChromiumPdfPrinter } from '../../export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../../export/pdf/exportPdf.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../fonts/fontRoot.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { readReportFile, writeOutput } from '../files.ts';

/** A failure of the machine, not of the arguments: the message alone, exit 1. */
function failure(io: CliIo, message: string): number {
  io.err.write(`nianbao export-pdf：${message}\n`);
  return 1;
}

export const exportPdfCommand: CliCommand = {
  name: 'export-pdf',
  usage: 'export-pdf FILE.json [-o OUT.pdf] [--force]',
  summary: '按公文格式（A4，GB/T 9704，与 Word 文档同一版式）导出 PDF；需要本机装有 Chromium',
  async run(args, io) {
    const parsed = parseArgs(args, ['o', 'out', 'force'], ['force']);
    const [file, ...extra] = parsed.positional;
    if (!file || extra.length) throw new UsageError('请给出一个报告文件：nianbao export-pdf FILE.json -o OUT.pdf');
    const out = (parsed.options.get('o') ?? parsed.options.get('out') ?? `${file.replace(/\.json$/i, '')}.pdf`) as string;
    if (!/\.pdf$/i.test(out)) throw new UsageError(`输出文件“${out}”应以 .pdf 结尾`);
    if (existsSync(out) && !parsed.options.has('force')) throw new UsageError(`“${out}”已存在；如要覆盖请加 --force`);
    const report = await readReportFile(file);
    const fonts = findFontRoot([DEVELOPMENT_FONT_ROOT]);
    if (!fonts.ok) return failure(io, fonts.error);
    const printer = await launchChromiumPdfPrinter();
    if (!printer.ok) return failure(io, printer.error);
    try {
      const pdf = await exportPdf(buildDocument(report), printer.value, fonts.value.url);
      if (!pdf.ok) return failure(io, pdf.error);
      await writeOutput(out, pdf.value);
    } finally {
      await printer.value.close();
    }
    io.out.write(`已导出 ${out}\n`);
    const { error } = checkReport(report).counts;
    if (error > 0) io.out.write(`注意：报告还有 ${error} 个错误，请用 nianbao validate ${file} 查看，改正后重新导出。\n`);
    return 0;
  },
};
