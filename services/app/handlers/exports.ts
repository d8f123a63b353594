import { basename } from 'node:path';
import { buildDocument } from '../../../shared/document/build.ts';
import type { Report } from '../../../shared/model/report.ts';
import { renderPrintHtml } from '../../../shared/print/renderPrintHtml.ts';
import { renderWebHtml } from '../../../shared/web/renderWebHtml.ts';
import { exportPdf } from '../../export/pdf/exportPdf.ts';
import { createPreviewCache } from '../previewCache.ts';
import type { AppDeps, FileFilter } from '../deps.ts';
import type { Implementations } from '../registry.ts';
import { unwrap } from '../registry.ts';
import type { UserFiles } from '../userFiles.ts';
import { reportFileName } from '../userFiles.ts';

type ExportChannel = `nianbao:export:${string}` & keyof Implementations;

interface Output {
  readonly title: string;
  readonly extension: string;
  readonly filter: FileFilter;
  readonly render: (report: Report) => Promise<Uint8Array>;
}

export function exportHandlers(deps: AppDeps, files: UserFiles): Implementations<ExportChannel> {
  const { store, dialogs, pdfPrinter, systemPrinter, fontBaseUrl, heavy } = deps;
  const pdfOf = async (report: Report) => unwrap(await exportPdf(buildDocument(report), pdfPrinter, fontBaseUrl));
  const previews = createPreviewCache();
  const printHtml = (report: Report) => renderPrintHtml(buildDocument(report), { fontBaseUrl });
  const printOf = (html: string) => async () => unwrap(await pdfPrinter.print(html));

  /**
   * Exports the saved report: asks where first (nothing is generated for a cancelled
   * dialog), writes the file, and keeps a revision of what was exported.
   */
  async function exportSaved(reportId: number, output: Output) {
    const { report } = unwrap(store.getReport({ reportId }));
    const path = await dialogs.chooseSavePath({
      title: output.title,
      defaultName: reportFileName(report, output.extension),
      filters: [output.filter],
    });
    if (path === null) return null;
    await files.write(path, await output.render(report));
    unwrap(store.keepRevision({ reportId, reason: 'exported', note: basename(path) }));
    return { path };
  }

  return {
    'nianbao:export:docx': ({ reportId }) =>
      exportSaved(reportId, {
        title: '导出Word文档',
        extension: 'docx',
        filter: { name: 'Word文档', extensions: ['docx'] },
        render: (report) => heavy.renderDocx(buildDocument(report)),
      }),
    'nianbao:export:pdf': ({ reportId }) =>
      exportSaved(reportId, { title: '导出PDF', extension: 'pdf', filter: { name: 'PDF文档', extensions: ['pdf'] }, render: pdfOf }),
    'nianbao:export:html': ({ reportId }) =>
      exportSaved(reportId, {
        title: '导出网页',
        extension: 'html',
        filter: { name: '网页', extensions: ['html', 'htm'] },
        render: async (report) => new TextEncoder().encode(renderWebHtml(buildDocument(report))),
      }),
    'nianbao:export:xlsx': ({ reportId }) =>
      exportSaved(reportId, {
        title: '导出Excel表格',
        extension: 'xlsx',
        filter: { name: 'Excel工作簿', extensions: ['xlsx'] },
        render: (report) => heavy.renderXlsx(buildDocument(report)),
      }),
    'nianbao:export:preview': async ({ report }) => {
      const html = printHtml(report);
      const pdf = await previews.get(html, printOf(html));
      return { pdfBase64: Buffer.from(pdf).toString('base64') };
    },
    'nianbao:export:printAhead': async ({ report }) => {
      const html = printHtml(report);
      previews.printAhead(html, printOf(html));
      return null;
    },
    'nianbao:export:print': async ({ reportId }) => {
      const { report } = unwrap(store.getReport({ reportId }));
      const outcome = unwrap(await systemPrinter.print(printHtml(report)));
      return { outcome };
    },
  };
}
