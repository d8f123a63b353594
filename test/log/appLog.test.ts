import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LOG_BYTES, openAppLog } from '../../services/log/appLog.ts';

describe('the app log', () => {
  const clock = () => new Date('2026-01-31T08:00:00Z');

  it('appends one line per event with time and level, creating the folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-log-')), 'logs');
    const log = openAppLog(dir, clock);
    log.info('年报 0.1.0 启动');
    log.warn('数据库已从备份恢复\n原文件已移至 x');
    log.error('导出失败');
    expect(readFileSync(log.file, 'utf8')).toBe(
      '2026-01-31T08:00:00.000Z INFO 年报 0.1.0 启动\n' +
        '2026-01-31T08:00:00.000Z WARN 数据库已从备份恢复 ⏎ 原文件已移至 x\n' +
        '2026-01-31T08:00:00.000Z ERROR 导出失败\n',
    );
  });

  it('moves a full log aside and keeps writing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-log-'));
    writeFileSync(join(dir, 'nianbao.log'), 'x'.repeat(MAX_LOG_BYTES + 1));
    const log = openAppLog(dir, clock);
    log.info('继续');
    expect(readFileSync(join(dir, 'nianbao.1.log'), 'utf8')).toHaveLength(MAX_LOG_BYTES + 1);
    expect(readFileSync(log.file, 'utf8')).toBe('2026-01-31T08:00:00.000Z INFO 继续\n');
  });

  it('never throws when the log cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-log-'));
    const blocked = join(dir, 'file-not-folder');
    writeFileSync(blocked, '');
    const log = openAppLog(join(blocked, 'logs'), clock);
    expect(() => log.error('写不进去')).not.toThrow();
    expect(existsSync(join(blocked, 'logs'))).toBe(false);
  });
});
