import { buildDocument } from '../../../shared/document/build.ts';
import { launchChromiumPdfPrinter } from '../../export/pdf/chromiumPdfPrinter.ts';
import { exportPdf } from '../../export/pdf/exportPdf.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../fonts/fontRoot.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { readExportArgs, reportExported } from '../exportArgs.ts';
import { writeOutput } from '../files.ts';

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
    const { file, out, report } = await readExportArgs(args, 'export-pdf', '.pdf');
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
    reportExported(io, out, file, report);
    return 0;
  },
};
