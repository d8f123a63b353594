import type { XmlProblem } from './xml.ts';
import type { ZipProblem } from './zip.ts';

/**
 * What to tell the user when an Office file (DOCX, XLSX) cannot be read: which file, what
 * is wrong, and what to do with the program that writes it.
 */

export interface OfficeKind {
  /** The programs that open and save the file, e.g. `Word或WPS`. */
  readonly programs: string;
  /** The extension to save as, e.g. `.docx`. */
  readonly extension: string;
}

export const WORD: OfficeKind = { programs: 'Word或WPS', extension: '.docx' };
export const EXCEL: OfficeKind = { programs: 'Excel或WPS表格', extension: '.xlsx' };

export function zipProblemMessage(problem: ZipProblem, name: string, kind: OfficeKind): string {
  switch (problem.kind) {
    case 'bomb':
      return `“${name}”异常：${problem.message}，可能是恶意构造的压缩文件（“压缩炸弹”），已停止读取。`;
    case 'encrypted':
      return `“${name}”的内容已加密（${problem.message}），无法读取。请取消加密后另存为${kind.extension}再导入。`;
    case 'unsupported':
      return `“${name}”无法读取：${problem.message}。请在${kind.programs}中打开并另存为${kind.extension}后再导入。`;
    case 'corrupt':
      return `“${name}”已损坏，无法读取：${problem.message}。请在${kind.programs}中打开，另存为${kind.extension}后再导入。`;
  }
}

export function xmlProblemMessage(problem: XmlProblem, name: string, kind: OfficeKind): string {
  if (problem.kind === 'limit') {
    return `“${name}”的${problem.message}，不像是正常的年度报告文件。请在${kind.programs}中打开，简化表格后另存为${kind.extension}再导入。`;
  }
  return `“${name}”已损坏，无法读取：${problem.message}。请在${kind.programs}中打开并另存后再导入。`;
}
