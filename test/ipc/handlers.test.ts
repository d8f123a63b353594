import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgencyRecord, ImportReview, OpenedReport, ReportSummary, RevisionSummary } from '../../shared/ipc/contract.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { openStore } from '../../services/store/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { noPdfPrinter, startTestApp } from './support.ts';
import type { TestApp } from './support.ts';

/** The handlers over the real store: what the page gets for each call. */

let app: TestApp;
beforeEach(() => {
  app = startTestApp(noPdfPrinter);
});
afterEach(async () => {
  await app.close();
});

async function newAgency(name = '某县人民政府办公室'): Promise<AgencyRecord> {
  return (await app.value('nianbao:agencies:create', { agency: blankAgency(name) })) as AgencyRecord;
}

async function newReport(agencyId: number, year = 2024): Promise<ReportSummary> {
  return (await app.value('nianbao:reports:create', { agencyId, year, from: 'blank' })) as ReportSummary;
}

describe('agencies and reports', () => {
  it('creates, lists, deletes to the recycle bin and restores an agency', async () => {
    const agency = await newAgency();
    expect(await app.value('nianbao:agencies:list', {})).toEqual([agency]);
    await app.value('nianbao:agencies:update', { id: agency.id, agency: { ...agency.agency, phone: '0571-1234567' } });
    expect(await app.value('nianbao:agencies:delete', { id: agency.id })).toBeNull();
    expect(await app.value('nianbao:agencies:list', {})).toEqual([]);
    const withDeleted = (await app.value('nianbao:agencies:list', { includeDeleted: true })) as AgencyRecord[];
    expect(withDeleted.map((a) => [a.agency.phone, a.deletedAt !== null])).toEqual([['0571-1234567', true]]);
    const restored = (await app.value('nianbao:agencies:restore', { id: agency.id })) as AgencyRecord;
    expect(restored.deletedAt).toBeNull();
  });

  it('gives each report a status from the checks: 草稿 while unwritten, 有错误 for a real mistake, 可导出 when complete', async () => {
    const agency = await newAgency();
    const created = await newReport(agency.id);
    expect(created).toMatchObject({ year: 2024, status: 'draft', name: '某县人民政府办公室2024年政府信息公开工作年度报告' });
    // Blank cells and empty sections are unfinished, not mistakes: the count says how many are left.
    expect(created.errorCount).toBe(0);
    expect(created.unfinishedCount).toBeGreaterThan(0);

    const complete = { ...consistentReport(2024), agency: agency.agency };
    const saved = (await app.value('nianbao:reports:save', { id: created.id, report: complete })) as { savedAt: string };
    expect(Date.parse(saved.savedAt)).not.toBeNaN();
    const [ready] = (await app.value('nianbao:reports:list', { agencyId: agency.id })) as ReportSummary[];
    expect(ready).toMatchObject({ status: 'ready', errorCount: 0, unfinishedCount: 0 });

    const withoutOverview = { ...complete, sections: { ...complete.sections, overview: '' } };
    await app.value('nianbao:reports:save', { id: created.id, report: withoutOverview });
    const [unwritten] = (await app.value('nianbao:reports:list', { agencyId: agency.id })) as ReportSummary[];
    expect(unwritten).toMatchObject({ status: 'draft', errorCount: 0, unfinishedCount: 1 });

    const wrong = { ...complete, values: { ...complete.values, 't3.newReceived.naturalPerson': '十二个' } };
    await app.value('nianbao:reports:save', { id: created.id, report: wrong });
    const [broken] = (await app.value('nianbao:reports:list', { agencyId: agency.id })) as ReportSummary[];
    expect(broken!.status).toBe('errors');
    expect(broken!.errorCount).toBeGreaterThan(0);
  });

  it('keeps a save durably: a second (read-only) store on the same folder reads it', async () => {
    const agency = await newAgency();
    const { id } = await newReport(agency.id);
    const report = { ...consistentReport(2024), agency: agency.agency };
    await app.value('nianbao:reports:save', { id, report });
    const reader = openStore({ dataDir: app.store.dataDir, readOnly: true });
    if (!reader.ok) throw new Error(reader.error);
    const stored = reader.value.getReport({ reportId: id });
    await reader.value.close();
    expect(stored.ok && stored.value.report).toEqual(report);
    const opened = (await app.value('nianbao:reports:open', { id })) as OpenedReport;
    expect(opened.report).toEqual(report);
    expect(opened.lastYear).toBeNull();
  });

  it('starts a report from last year, and opens it with last year for the cross-year checks', async () => {
    const agency = await newAgency();
    const last = await newReport(agency.id, 2023);
    await app.value('nianbao:reports:save', { id: last.id, report: { ...consistentReport(2023), agency: agency.agency } });
    const next = (await app.value('nianbao:reports:create', { agencyId: agency.id, year: 2024, from: 'lastYear' })) as ReportSummary;
    const opened = (await app.value('nianbao:reports:open', { id: next.id })) as OpenedReport;
    expect(opened.report.year).toBe(2024);
    expect(opened.lastYear?.year).toBe(2023);
    await expect(app.value('nianbao:reports:create', { agencyId: agency.id, year: 2030, from: 'lastYear' })).rejects.toThrow(
      /没有找到该机关2029年度的报告/,
    );
  });

  it('renames, deletes and restores a report; a store refusal reaches the page as its message', async () => {
    const agency = await newAgency();
    const { id } = await newReport(agency.id);
    expect(await app.value('nianbao:reports:rename', { id, name: '2024年报（初稿）' })).toMatchObject({ name: '2024年报（初稿）' });
    await app.value('nianbao:reports:delete', { id });
    expect(await app.value('nianbao:reports:list', { agencyId: agency.id })).toEqual([]);
    await expect(app.value('nianbao:reports:open', { id })).rejects.toThrow(/在回收站中/);
    expect(await app.value('nianbao:reports:restore', { id })).toMatchObject({ id, deletedAt: null });
    await expect(app.value('nianbao:reports:open', { id: 999 })).rejects.toThrow('找不到编号为999的报告。');
  });
});

describe('revisions', () => {
  it('lists, shows and restores a revision, restoring as a new revision', async () => {
    const agency = await newAgency();
    const { id } = await newReport(agency.id);
    const [first] = (await app.value('nianbao:revisions:list', { reportId: id })) as RevisionSummary[];
    expect(first!.reason).toBe('新建');
    await app.value('nianbao:reports:save', { id, report: { ...consistentReport(2024), agency: agency.agency } });
    const view = (await app.value('nianbao:revisions:view', { id: first!.id })) as { report: { values: object } };
    expect(view.report.values).toEqual({});
    const restored = (await app.value('nianbao:revisions:restore', { id: first!.id })) as OpenedReport;
    expect(restored.report.values).toEqual({});
    const reasons = ((await app.value('nianbao:revisions:list', { reportId: id })) as RevisionSummary[]).map((r) => r.reason);
    expect(reasons.some((r) => r.startsWith('恢复旧版本'))).toBe(true);
  });
});

describe('files: dialogs in main, paths never from the page', () => {
  it('exports a DOCX to the path chosen in the save dialog, keeps an export revision, and may show it in its folder', async () => {
    const agency = await newAgency();
    const { id } = await newReport(agency.id);
    await app.value('nianbao:reports:save', { id, report: { ...consistentReport(2024), agency: agency.agency } });
    const target = join(app.dir, '导出.docx');
    app.saves.push(target);
    expect(await app.value('nianbao:export:docx', { reportId: id })).toEqual({ path: target });
    expect(app.dialogsShown.at(-1)).toMatchObject({ defaultName: '某县人民政府办公室2024年政府信息公开工作年度报告.docx' });
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    const reasons = ((await app.value('nianbao:revisions:list', { reportId: id })) as RevisionSummary[]).map((r) => r.reason);
    expect(reasons).toContain('导出（导出.docx）');

    expect(await app.value('nianbao:shell:showInFolder', { path: target })).toBeNull();
    expect(app.shownInFolder).toEqual([target]);
    await expect(app.value('nianbao:shell:showInFolder', { path: '/etc/passwd' })).rejects.toThrow('只能在文件夹中显示本次由年报保存的文件。');
  });

  it('exports the web page and the workbook to the paths chosen, each with an export revision', async () => {
    const agency = await newAgency();
    const { id } = await newReport(agency.id);
    await app.value('nianbao:reports:save', { id, report: { ...consistentReport(2024), agency: agency.agency } });
    const html = join(app.dir, '网页.html');
    const xlsx = join(app.dir, '表格.xlsx');
    app.saves.push(html, xlsx);
    expect(await app.value('nianbao:export:html', { reportId: id })).toEqual({ path: html });
    expect(await app.value('nianbao:export:xlsx', { reportId: id })).toEqual({ path: xlsx });
    expect(app.dialogsShown.slice(-2).map((d) => (d as { defaultName: string }).defaultName)).toEqual([
      '某县人民政府办公室2024年政府信息公开工作年度报告.html',
      '某县人民政府办公室2024年政府信息公开工作年度报告.xlsx',
    ]);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<h1>某县人民政府办公室2024年政府信息公开工作年度报告<\/h1>/);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const reasons = ((await app.value('nianbao:revisions:list', { reportId: id })) as RevisionSummary[]).map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining(['导出（网页.html）', '导出（表格.xlsx）']));
    expect(await app.value('nianbao:shell:showInFolder', { path: xlsx })).toBeNull();
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const agency = await newAgency();
    const { id } = await newReport(agency.id);
    app.saves.push(null);
    expect(await app.value('nianbao:export:docx', { reportId: id })).toBeNull();
    const reasons = ((await app.value('nianbao:revisions:list', { reportId: id })) as RevisionSummary[]).map((r) => r.reason);
    expect(reasons).toEqual(['新建']);
  });

  it('sends the print layout of the saved report to the system printer', async () => {
    const agency = await newAgency();
    const { id } = await newReport(agency.id);
    expect(await app.value('nianbao:export:print', { reportId: id })).toEqual({ outcome: 'printed' });
    expect(app.printed[0]).toContain('某县人民政府办公室');
  });

  it('round-trips a report through an exchange file into its own agency', async () => {
    const agency = await newAgency();
    const { id } = await newReport(agency.id);
    const report = { ...consistentReport(2024), agency: agency.agency };
    await app.value('nianbao:reports:save', { id, report });
    const file = join(app.dir, 'report.nianbao');
    app.saves.push(file);
    await app.value('nianbao:exchange:export', { reportId: id });
    await app.value('nianbao:reports:delete', { id });
    app.opens.push(file);
    const imported = (await app.value('nianbao:exchange:import', {})) as ReportSummary;
    expect(imported).toMatchObject({ agencyId: agency.id, year: 2024, status: 'ready' });
    expect(((await app.value('nianbao:reports:open', { id: imported.id })) as OpenedReport).report).toEqual(report);

    writeFileSync(file, readFileSync(file, 'utf8').replace('"year": 2024', '"year": 2025'));
    app.opens.push(file);
    await expect(app.value('nianbao:exchange:import', {})).rejects.toThrow(/report\.nianbao/);
  });

  it('backs up to a chosen file and restores from it', async () => {
    await newAgency('备份前的机关');
    const file = join(app.dir, 'backup.db');
    app.saves.push(file);
    expect(await app.value('nianbao:backups:backupToFile', {})).toEqual({ path: file });
    expect(existsSync(file)).toBe(true);
    await newAgency('备份后的机关');
    app.opens.push(file);
    expect(await app.value('nianbao:backups:restoreFromFile', {})).toEqual({ restored: true });
    const names = ((await app.value('nianbao:agencies:list', {})) as AgencyRecord[]).map((a) => a.agency.name);
    expect(names).toEqual(['备份前的机关']);
    expect(((await app.value('nianbao:backups:list', {})) as unknown[]).length).toBeGreaterThan(0);
  });

  it('reads a published report for review, then files the corrected report under the chosen agency', async () => {
    const agency = await newAgency('审核用机关');
    const seed = loadSeeds()[0]!;
    const source = join(app.dir, 'published.txt');
    writeFileSync(source, seed.text);
    app.opens.push(source);
    const review = (await app.value('nianbao:import:read', {})) as ImportReview;
    expect(review.fileName).toBe('published.txt');
    expect(review.sourceText.length).toBeGreaterThan(100);
    expect(review.pdf).toBeNull();
    expect(review.cells.filter((c) => c.value !== null).length).toBeGreaterThan(50);
    const confirmed = (await app.value('nianbao:import:confirm', {
      agencyId: agency.id,
      report: review.report,
      fileName: review.fileName,
    })) as ReportSummary;
    expect(confirmed.agencyId).toBe(agency.id);
    const opened = (await app.value('nianbao:reports:open', { id: confirmed.id })) as OpenedReport;
    expect(opened.report.values).toEqual(review.report.values);
  });
});

describe('app', () => {
  it('tells the version, format and data folder', async () => {
    const info = (await app.value('nianbao:app:info', {})) as { version: string; formatId: string; dataDir: string };
    expect(info.formatId).toBe('2021');
    expect(info.dataDir).toBe(app.store.dataDir);
    expect(await app.value('nianbao:app:startupNotices', {})).toEqual([]);
  });
});
