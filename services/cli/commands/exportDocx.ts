import { buildDocument } from '../../../shared/document/build.ts';
import { renderDocx } from '../../export/docx/renderDocx.ts';
import type { CliCommand } from '../command.ts';
import { readExportArgs, reportExported } from '../exportArgs.ts';
import { writeOutput } from '../files.ts';

export const exportDocxCommand: CliCommand = {
  name: 'export-docx',
  usage: 'export-docx FILE.json [-o OUT.docx] [--force]',
  summary: '按公文格式（GB/T 9704，表格为官方样式）导出 Word 文档；导出选项取自报告中的机关设置',
  async run(args, io) {
    const { file, out, report } = await readExportArgs(args, 'export-docx', '.docx');
    await writeOutput(out, await renderDocx(buildDocument(report)));
    reportExported(io, out, file, report);
    return 0;
  },
};
