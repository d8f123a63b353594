import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The app's log: one line per event in `<logsDir>/nianbao.log`, so an IT department can
 * see what happened on a clerk's PC (start-up, database recovery, refused requests,
 * failures). Never throws: a log that cannot be written must not stop the app.
 */
export interface AppLog {
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Past this size the log moves to `nianbao.1.log` (one old file is kept). */
export const MAX_LOG_BYTES = 1024 * 1024;

export function openAppLog(logsDir: string, clock: () => Date = () => new Date()): AppLog {
  const file = join(logsDir, 'nianbao.log');
  const write = (level: string, message: string): void => {
    try {
      mkdirSync(logsDir, { recursive: true });
      if (sizeOf(file) > MAX_LOG_BYTES) renameSync(file, join(logsDir, 'nianbao.1.log'));
      appendFileSync(file, `${clock().toISOString()} ${level} ${message.replace(/\r?\n/g, ' ⏎ ')}\n`);
    } catch {
      // A full or read-only disk loses the log line, not the user's work.
    }
  };
  return {
    file,
    info: (message) => write('INFO', message),
    warn: (message) => write('WARN', message),
    error: (message) => write('ERROR', message),
  };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
