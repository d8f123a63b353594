import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportExchangeFile, importExchangeFile, readExchangeFile, writeExchangeFile } from '../../services/exchange/index.ts';
import type { Store } from '../../services/store/index.ts';
import { canonicalJson, sha256Hex } from '../../services/store/canonicalJson.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { errorOf, openTestStore, tempDir, unwrap } from './support.ts';

const exportedAt = new Date('2025-02-01T01:00:00.000Z');

/** An exchange file as JSON, changed by `edit`, with its checksum made right again. */
function resealed(edit: (file: Record<string, unknown>) => void): string {
  const { checksum: _old, ...body } = JSON.parse(writeExchangeFile(consistentReport(2024), exportedAt)) as Record<string, unknown>;
  edit(body);
  return JSON.stringify({ ...body, checksum: `sha256:${sha256Hex(canonicalJson(body))}` });
}

/** Everything a user can see in a store, to show an import changed nothing. */
function contents(store: Store) {
  const reports = unwrap(store.listReports());
  return {
    agencies: unwrap(store.listAgencies()),
    reports,
    revisions: reports.map((r) => unwrap(store.listRevisions({ reportId: r.id }))),
    texts: reports.map((r) => unwrap(store.getReport({ reportId: r.id })).report),
  };
}

describe('the exchange file', () => {
  test('carries format version, schema version and checksum, and reads back the same report', () => {
    for (const report of [consistentReport(2024), ...loadSeeds().map((s) => s.report)]) {
      const text = writeExchangeFile(report, exportedAt);
      const json = JSON.parse(text) as Record<string, unknown>;
      expect(json).toMatchObject({ kind: 'nianbao-exchange', formatVersion: 1, exportedAt: exportedAt.toISOString(), payload: { kind: 'nianbao-report', schemaVersion: 1 } });
      expect(json.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(unwrap(readExchangeFile(text))).toEqual({ report, exportedAt: exportedAt.toISOString(), schemaVersion: 1 });
    }
  });

  test('reformatting the JSON (indentation, key order) keeps it valid', () => {
    const json = JSON.parse(writeExchangeFile(consistentReport(2024), exportedAt)) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    expect(readExchangeFile(JSON.stringify(reordered)).ok).toBe(true);
  });

  const text = writeExchangeFile(consistentReport(2024), exportedAt);
  const bad: [string, string, string][] = [
    ['truncated', text.slice(0, text.length / 2), '文件内容不完整或已损坏（不是有效的JSON）。请让对方重新导出后再导入。'],
    ['one character changed', text.replace('本年度主动公开政府信息120条', '本年度主动公开政府信息920条'), '文件校验失败：内容与校验和不符'],
    ['a figure changed', text.replace('"t2.regulations.inForce": "12"', '"t2.regulations.inForce": "13"'), '文件校验失败'],
    ['no checksum', JSON.stringify({ ...JSON.parse(text), checksum: undefined }), '文件校验失败'],
    ['another kind of file', JSON.stringify(JSON.parse(text).payload), '这不是年报的交换文件（.nianbao）。'],
    ['a newer file format', resealed((f) => (f.formatVersion = 2)), '该交换文件由较新版本的年报导出（文件格式版本2，本软件支持到1），请升级年报软件后再导入。'],
    ['a newer report schema', resealed((f) => ((f.payload as { schemaVersion: number }).schemaVersion = 7)), '交换文件中的报告无法导入：该文件由较新版本的年报软件保存'],
    [
      'a report that breaks the schema',
      resealed((f) => ((f.payload as { report: { values: object } }).report.values = { 't9.nowhere': '1' })),
      '交换文件中的报告无法导入：报告文件内容有误：表格数据 › t9.nowhere：未知的表格单元格',
    ],
    ['no export time', resealed((f) => delete f.exportedAt), '交换文件缺少导出时间'],
  ];

  test.each(bad)('%s: refused with a clear reason', (_name, damaged, reason) => {
    const read = readExchangeFile(damaged);
    expect(read.ok).toBe(false);
    expect(errorOf(read)).toContain(reason);
  });
});

describe('export and import through the store', () => {
  function sender() {
    const store = openTestStore();
    const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const reportId = unwrap(store.createReport({ agencyId: agency.id, year: 2024 })).summary.id;
    unwrap(store.saveReport({ reportId, report: consistentReport(2024) }));
    return { store, reportId };
  }

  test('export writes the file and keeps an "exported" revision; a superior office imports it', async () => {
    const { store, reportId } = sender();
    const path = join(tempDir(), '湖滨区政府办2024年度报告.nianbao');
    const exported = unwrap(exportExchangeFile(store, { reportId, path }));
    expect(exported.revision).toMatchObject({ reason: 'exported', note: '交换文件 湖滨区政府办2024年度报告.nianbao' });
    expect(unwrap(readExchangeFile(readFileSync(path, 'utf8'))).report).toEqual(consistentReport(2024));

    const office = openTestStore();
    const imported = unwrap(await importExchangeFile(office, { path }));
    expect(imported).toMatchObject({ created: true, summary: { agencyName: '湖滨区政府办', year: 2024 } });
    expect(imported.revision).toMatchObject({ reason: 'imported', note: '来自湖滨区政府办2024年度报告.nianbao' });
    expect(unwrap(office.getReport({ reportId: imported.summary.id })).report).toEqual(consistentReport(2024));
    expect(unwrap(office.getAgency({ agencyId: imported.summary.agencyId })).agency).toEqual(consistentReport(2024).agency);
  });

  test('importing again replaces the content and keeps what was there as a revision', async () => {
    const { store, reportId } = sender();
    const path = join(tempDir(), 'r.nianbao');
    unwrap(exportExchangeFile(store, { reportId, path }));
    const office = openTestStore();
    const first = unwrap(await importExchangeFile(office, { path }));
    const local = { ...consistentReport(2024), sections: { ...consistentReport(2024).sections, other: '上级改过的' } };
    unwrap(office.saveReport({ reportId: first.summary.id, report: local }));

    const again = unwrap(await importExchangeFile(office, { path }));
    expect(again).toMatchObject({ created: false, summary: { id: first.summary.id } });
    expect(unwrap(office.getReport({ reportId: first.summary.id })).report).toEqual(consistentReport(2024));
    const revisions = unwrap(office.listRevisions({ reportId: first.summary.id }));
    expect(revisions.map((r) => r.reason)).toEqual(['imported', 'beforeImport', 'imported']);
    expect(unwrap(office.getRevision({ revisionId: revisions[1]!.id })).report).toEqual(local);
    expect(unwrap(office.listAgencies())).toHaveLength(1);
  });

  test('a damaged file is refused without touching the store', async () => {
    const { store, reportId } = sender();
    const path = join(tempDir(), 'r.nianbao');
    unwrap(exportExchangeFile(store, { reportId, path }));
    const office = openTestStore();
    unwrap(await importExchangeFile(office, { path }));
    const before = contents(office);
    const damagedCopies = {
      truncated: readFileSync(path, 'utf8').slice(0, 500),
      altered: readFileSync(path, 'utf8').replace('湖滨区政府办', '湖滨区政府'),
    };
    for (const [name, damaged] of Object.entries(damagedCopies)) {
      const file = join(tempDir(), `${name}.nianbao`);
      writeFileSync(file, damaged);
      expect(errorOf(await importExchangeFile(office, { path: file }))).toMatch(new RegExp(`^“${name}.nianbao”：`));
    }
    expect(errorOf(await importExchangeFile(office, { path: join(tempDir(), 'none.nianbao') }))).toContain('失败：找不到文件或文件夹');
    expect(contents(office)).toEqual(before);
  });

  test('a report without an agency name cannot be filed', () => {
    const office = openTestStore();
    const report = { ...consistentReport(2024), agency: blankAgency('') };
    expect(errorOf(office.importReport({ report, source: 'x.nianbao' }))).toContain('没有填写机关名称');
    expect(unwrap(office.listAgencies())).toEqual([]);
  });
});
