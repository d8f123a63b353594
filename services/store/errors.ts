import { isSqliteError } from './database.ts';

/**
 * Failures of the disk or the database as messages for the user: what went wrong and
 * what to do. Anything else is a bug and is left to propagate.
 */
export function storageErrorMessage(error: unknown, doing: string): string | undefined {
  const code = isSqliteError(error) ? error.code : (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  const detail = (error as Error).message;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `${doing}失败：磁盘空间不足。请清理磁盘后重试。`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `${doing}失败：没有写入权限（${detail}）。请检查文件夹权限，或换一个位置。`;
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return `${doing}失败：数据库已损坏。请关闭年报再重新打开，年报会自动从备份恢复。`;
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return `${doing}失败：读写磁盘出错（${detail}）。请检查磁盘后重试。`;
  if (code === 'SQLITE_BUSY') return `${doing}失败：数据库正被其他程序占用，请稍后重试。`;
  if (code === 'ENOENT') return `${doing}失败：找不到文件或文件夹（${detail}）。`;
  // SQLite's code, also on an error the heavy-work thread passed on (services/worker).
  if (code.startsWith('SQLITE_')) return `${doing}失败：数据库出错（${code}：${detail}）。`;
  return undefined;
}
