import { writeFile } from 'node:fs/promises';
import { reportTitle } from '../../shared/document/build.ts';
import type { Report } from '../../shared/model/report.ts';
import { UserFacingError } from './registry.ts';

/**
 * Files written for the user (exports, backups). Only these may later be shown with
 * "在文件夹中显示": the page never makes main reveal a path of its own choosing.
 */
export class UserFiles {
  readonly #written = new Set<string>();

  remember(path: string): void {
    this.#written.add(path);
  }

  wasWritten(path: string): boolean {
    return this.#written.has(path);
  }

  /** Writes `bytes` to `path` (chosen in a save dialog) and remembers it. */
  async write(path: string, bytes: Uint8Array): Promise<void> {
    try {
      await writeFile(path, bytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const hint =
        code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
          ? '文件可能正被其他程序（如Word、WPS）打开，或该位置不允许写入。请关闭该文件或换一个位置后重试。'
          : code === 'ENOSPC'
            ? '磁盘空间不足，请清理后重试。'
            : '请换一个位置后重试。';
      throw new UserFacingError(`无法保存到“${path}”（${(error as Error).message}）。${hint}`);
    }
    this.remember(path);
  }
}

/** Characters that no file name on Windows or Linux may hold. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu;

/** `name` usable as a file name on Windows and Linux (`fallback` when nothing is left). */
export function safeFileName(name: string, fallback: string): string {
  return name.replace(UNSAFE, '_').trim() || fallback;
}

/** A suggested file name for a report: its official title, e.g. `XX局2024年政府信息公开工作年度报告.docx`. */
export function reportFileName(report: Report, extension: string): string {
  return `${safeFileName(reportTitle(report), '年度报告')}.${extension}`;
}
