import { readFile, writeFile } from 'node:fs/promises';
import { parseReport } from '../../shared/model/serialize.ts';
import type { Report } from '../../shared/model/report.ts';
import { UsageError } from './command.ts';

function fileError(path: string, error: unknown, doing: string): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? '文件不存在'
    : code === 'EACCES' || code === 'EPERM' ? '没有权限'
    : code === 'EISDIR' ? '这是一个文件夹'
    : (error as Error).message;
  return new UsageError(`无法${doing}“${path}”：${reason}`);
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(path, error, '读取');
  }
}

export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    throw fileError(path, error, '写入');
  }
}

/** Reads and validates a report file; a bad one is a readable UsageError. */
export async function readReportFile(path: string): Promise<Report> {
  const parsed = parseReport(await readText(path));
  if (!parsed.ok) throw new UsageError(`“${path}”：${parsed.error}`);
  return parsed.value;
}
