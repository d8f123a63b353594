import { buildDocument } from '../../../shared/document/build.ts';
import { renderXlsx } from '../../export/xlsx/renderXlsx.ts';
import type { CliCommand } from '../command.ts';
import { readExportArgs, reportExported } from '../exportArgs.ts';
import { writeOutput } from '../files.ts';

export const exportXlsxCommand: CliCommand = {
  name: 'export-xlsx',
  usage: 'export-xlsx FILE.json [-o OUT.xlsx] [--force]',
  summary: '把三张表导出为 Excel 工作簿（每表一个工作表，官方表头和合并单元格，数字为数值）',
  async run(args, io) {
    const { file, out, report } = await readExportArgs(args, 'export-xlsx', '.xlsx');
    await writeOutput(out, await renderXlsx(buildDocument(report)));
    reportExported(io, out, file, report);
    return 0;
  },
};
