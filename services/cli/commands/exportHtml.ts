import { buildDocument } from '../../../shared/document/build.ts';
import { renderWebHtml } from '../../../shared/web/renderWebHtml.ts';
import type { CliCommand } from '../command.ts';
import { readExportArgs, reportExported } from '../exportArgs.ts';
import { writeOutput } from '../files.ts';

export const exportHtmlCommand: CliCommand = {
  name: 'export-html',
  usage: 'export-html FILE.json [-o OUT.html] [--force]',
  summary: '导出网页（单个HTML文件，不含脚本、字体和外部文件，表格带合并单元格），供上传到网站或粘贴到网站后台',
  async run(args, io) {
    const { file, out, report } = await readExportArgs(args, 'export-html', '.html');
    await writeOutput(out, renderWebHtml(buildDocument(report)));
    reportExported(io, out, file, report);
    return 0;
  },
};
