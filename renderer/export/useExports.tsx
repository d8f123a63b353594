import { reportReadiness } from '../../shared/ipc/reportStatus.ts';
import { useState } from 'react';
import { App as AntApp } from 'antd';
import type { CheckResult } from '../../shared/checks/index.ts';
import type { ReportSummary, SavedFile } from '../../shared/ipc/contract.ts';
import { nianbao, reason } from '../api.ts';

export type Output = 'docx' | 'pdf' | 'html' | 'xlsx' | 'print' | 'exchange';

/** What the app says once an output is done. */
export const OUTPUT_DONE: Readonly<Record<Output, string>> = {
  docx: '已导出 Word 文档',
  pdf: '已导出 PDF 文件',
  html: '已导出网页',
  xlsx: '已导出 Excel 表格',
  print: '已发送到打印机',
  exchange: '已导出交换文件',
};

/** What the app says when the platform does not tell whether the user printed or cancelled. */
export const PRINT_DIALOG_CLOSED = '打印对话框已关闭';

/** A file the last export wrote, shown with “在文件夹中显示”. */
export interface Written {
  readonly output: Output;
  readonly path: string;
}

export interface Exports {
  readonly run: (output: Output) => Promise<void>;
  readonly busy: Output | undefined;
  readonly written: Written | undefined;
  readonly showInFolder: (path: string) => void;
}

/**
 * Exporting and printing the saved report: what is typed is saved first, and when the
 * report is not complete or the checks still find errors the user confirms (warnings
 * alone never stop an export).
 */
export function useExports(reportId: ReportSummary['id'], checks: CheckResult, flush: () => Promise<void>, onShowChecks: () => void): Exports {
  const { modal, message } = AntApp.useApp();
  const [busy, setBusy] = useState<Output | undefined>(undefined);
  const [written, setWritten] = useState<Written | undefined>(undefined);

  const confirmErrors = (output: Output): Promise<boolean> => {
    const { status, mistakes, unfinished } = reportReadiness(checks);
    if (status === 'ready' || output === 'exchange') return Promise.resolve(true);
    return new Promise((resolve) => {
      modal.confirm({
        title: mistakes > 0 ? `报告中还有 ${mistakes} 个错误` : `报告还有 ${unfinished} 项未完成`,
        content:
          mistakes > 0
            ? '带着错误导出的报告可能被退回。建议先到“检查”中逐条修改。仍要继续吗？'
            : '有空格或尚未填写的部分，报告还不完整。建议先到“检查”中逐项补全。仍要继续吗？',
        okText: output === 'print' ? '仍然打印' : '仍然导出',
        cancelText: '去修改',
        onOk: () => resolve(true),
        onCancel: () => {
          resolve(false);
          onShowChecks();
        },
      });
    });
  };

  const wrote = (file: SavedFile, output: Output): void => {
    if (file) setWritten({ output, path: file.path });
  };

  const run = async (output: Output): Promise<void> => {
    if (busy || !(await confirmErrors(output))) return;
    setBusy(output);
    setWritten(undefined);
    try {
      await flush();
      if (output === 'docx') wrote(await nianbao.export.docx({ reportId }), output);
      else if (output === 'pdf') wrote(await nianbao.export.pdf({ reportId }), output);
      else if (output === 'html') wrote(await nianbao.export.html({ reportId }), output);
      else if (output === 'xlsx') wrote(await nianbao.export.xlsx({ reportId }), output);
      else if (output === 'exchange') wrote(await nianbao.exchange.export({ reportId }), output);
      else {
        const { outcome } = await nianbao.export.print({ reportId });
        // Only the platform can say the job went to the printer; on Linux it only says the dialog closed.
        if (outcome === 'printed') message.success(OUTPUT_DONE.print);
        else if (outcome === 'dialog-closed') message.info(PRINT_DIALOG_CLOSED);
      }
    } catch (error) {
      message.error(reason(error));
    } finally {
      setBusy(undefined);
    }
  };

  const showInFolder = (path: string): void => {
    nianbao.shell.showInFolder({ path }).catch((error: unknown) => message.error(reason(error)));
  };

  return { run, busy, written, showInFolder };
}
