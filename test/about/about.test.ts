import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTICES_FILE, aboutInfo, readNotices } from '../../services/about/about.ts';
import { currentFormat } from '../../shared/format/index.ts';
import { REPORT_SCHEMA_VERSION } from '../../shared/model/serialize.ts';

const repository = join(import.meta.dirname, '..', '..');

describe('about (services/about)', () => {
  it('reports the version, the format and data version written, the folders and the notices', () => {
    const resources = mkdtempSync(join(tmpdir(), 'nianbao-resources-'));
    writeFileSync(join(resources, NOTICES_FILE), '年报 第三方软件声明\n');
    const dataDir = join(tmpdir(), '年报', 'store');
    const info = aboutInfo({ appRoot: repository, dataDir, logsDir: join(tmpdir(), '年报', 'logs'), noticesDirs: [resources] });
    const pkg = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')) as { productName: string; version: string };
    expect(info).toEqual({
      name: pkg.productName,
      version: pkg.version,
      formatId: currentFormat.id,
      formatName: currentFormat.name,
      formatBasis: '国办公开办函〔2021〕30号',
      dataVersion: REPORT_SCHEMA_VERSION,
      dataDir,
      backupsDir: join(dataDir, 'backups'),
      logsDir: join(tmpdir(), '年报', 'logs'),
      notices: '年报 第三方软件声明\n',
    });
  });

  it('takes the first folder that has the notices (packaged resources before the development folder)', () => {
    const first = mkdtempSync(join(tmpdir(), 'nianbao-resources-'));
    const second = mkdtempSync(join(tmpdir(), 'nianbao-resources-'));
    writeFileSync(join(second, NOTICES_FILE), 'second');
    expect(readNotices([first, second])).toBe('second');
    writeFileSync(join(first, NOTICES_FILE), 'first');
    expect(readNotices([first, second])).toBe('first');
  });

  it('says where it looked and what to do when the notices are missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-resources-'));
    const text = readNotices([empty]);
    expect(text).toContain(`找不到第三方软件声明（${NOTICES_FILE}）`);
    expect(text).toContain(empty);
    expect(text).toContain('请重新安装本程序');
  });
});
