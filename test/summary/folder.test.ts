import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkReport } from '../../shared/checks/index.ts';
import type { Figures } from '../../shared/figures/figures.ts';
import { cellIndex, cellName, currentFormat } from '../../shared/format/index.ts';
import { toFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import type { FixtureFigures } from '../../shared/model/fixtureFigures.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { findingNoteKey, REVIEW_STATE_LABELS, summedReport, unitsFromText } from '../../shared/summary/index.ts';
import type { ReviewRow, WorkspaceSum } from '../../shared/summary/index.ts';
import { readExchangeFile } from '../../services/exchange/index.ts';
import { openZip } from '../../services/import/readers/zip.ts';
import { openStore } from '../../services/store/index.ts';
import type { Store } from '../../services/store/index.ts';
import { receivedFileSource, receiveFiles, rereadReceivedFiles, reviewFolder, reviewRows, reviewStoredWorkspace, sumWorkspace, unitReviewDetail } from '../../services/summary/index.ts';
import type { ReceiveOutcome } from '../../services/summary/index.ts';
import { reviewListXlsx, reviewOpinionDocx, sumExchangeFile, sumXlsx } from '../../services/summary/outputs.ts';
import { testOutputDir } from '../support/tools.ts';
import { makeReceivedFolder } from './receivedFolder.ts';
import type { ReceivedFolder } from './receivedFolder.ts';

type Leaf = number | null;
interface Summed {
  readonly total: Leaf;
  readonly blank: string[];
}

/** The sum computed from the fixtures' hand-read figures alone, leaf by leaf of the fixture shape. */
function independentSum(units: readonly { name: string; figures: FixtureFigures }[]): Map<string, Summed> {
  const sums = new Map<string, Summed>();
  const walk = (node: unknown, path: string, unit: string): void => {
    if (node === null || typeof node === 'number') {
      const before = sums.get(path) ?? { total: null, blank: [] };
      sums.set(path, node === null ? { ...before, blank: [...before.blank, unit] } : { ...before, total: (before.total ?? 0) + node });
    } else if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}[${i}]`, unit));
    else if (typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'feesUnitNote' && k !== 'columns') walk(v, `${path}.${k}`, unit);
  };
  for (const unit of units) for (const table of ['table2', 'table3', 'table4'] as const) walk(unit.figures[table], table, unit.name);
  return sums;
}

/** The sum's cells in fixture shape (the same mapping the fixtures are loaded with). */
function sumAsFixture(sum: WorkspaceSum, pick: (cell: WorkspaceSum['cells'][number]) => Leaf | string[]): Map<string, Leaf | string[]> {
  const index = cellIndex(currentFormat);
  const cells = new Map(sum.cells.map((c) => [c.key, { cell: index.byKey.get(c.key)!, value: pick(c) }]));
  const shaped = toFixtureFigures({ format: currentFormat, cells } as unknown as Figures);
  const out = new Map<string, Leaf | string[]>();
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node === 'number' || (Array.isArray(node) && node.every((v) => typeof v === 'string'))) out.set(path, node as Leaf | string[]);
    else if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (typeof node === 'object') for (const [k, v] of Object.entries(node as object)) if (k !== 'columns') walk(v, `${path}.${k}`);
  };
  for (const table of ['table2', 'table3', 'table4'] as const) walk(shaped[table], table);
  return out;
}

let folder: ReceivedFolder;
let store: Store;
let workspaceId: number;
let outcome: ReceiveOutcome;
const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-summary-store-'));

beforeAll(async () => {
  folder = await makeReceivedFolder();
  const opened = openStore({ dataDir });
  if (!opened.ok) throw new Error(opened.error);
  store = opened.value;
  const agency = store.createAgency({ agency: blankAgency('湖滨县人民政府') });
  if (!agency.ok) throw new Error(agency.error);
  const workspace = store.createWorkspace({ agencyId: agency.value.id, year: 2021 });
  if (!workspace.ok) throw new Error(workspace.error);
  workspaceId = workspace.value.id;
  const units = store.addUnits({ workspaceId, units: unitsFromText(folder.unitList).units });
  if (!units.ok) throw new Error(units.error);
  const progress: number[] = [];
  const received = await receiveFiles(store, workspaceId, [folder.dir], { onProgress: (p) => progress.push(p.done) });
  if (!received.ok) throw new Error(received.error);
  outcome = received.value;
  expect(progress[progress.length - 1]).toBe(folder.fileCount);
}, 120_000);

afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(join(folder.dir, '..'), { recursive: true, force: true });
});

function rows(): ReviewRow[] {
  const result = reviewRows(store, { workspaceId });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function row(unitName: string): ReviewRow {
  return rows().find((r) => r.unitName === unitName)!;
}

describe('a folder of 30 received reports', () => {
  test('every file is received, one at a time; the unreadable one is listed with its reason, the duplicate reported', () => {
    expect(outcome.received).toHaveLength(30);
    expect(outcome.cancelled).toBe(false);
    expect(outcome.unreadable.map((f) => f.fileName)).toEqual([folder.unreadableFile]);
    expect(outcome.unreadable[0]!.reading).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    // Every readable file found its unit: by the report's agency (全称 or 简称) or, for text without a title, its file name.
    expect(outcome.needsUnit).toEqual([]);
    expect(outcome.duplicateUnits).toEqual([row(folder.duplicateUnit).unitId]);
  });

  test('the review rows: 未报送, the unreadable unit, the duplicate, the errors, and the checks of each report', () => {
    const all = rows();
    expect(all.map((r) => r.unitName)).toEqual(folder.unitNames);
    for (const name of folder.missingUnits) expect(row(name)).toMatchObject({ state: 'missing', fileId: null, revisions: 0, places: [] });
    expect(row(folder.unreadableUnit)).toMatchObject({ state: 'errors', revisions: 0, unreadable: expect.stringContaining('') });
    expect(row(folder.unreadableUnit).unreadable).not.toBeNull();
    expect(row(folder.duplicateUnit)).toMatchObject({ revisions: 2, revision: 2, needsChoice: true, fileName: folder.counted.get(folder.duplicateUnit)!.fileName });

    for (const [name, expected] of folder.counted) {
      const actual = row(name);
      const check = checkReport(expected.report);
      if (expected.broken) {
        expect(actual.state, name).toBe('errors');
        expect(actual.places).toContain('表三');
      }
      // What Nianbao wrote in full (Word, web page, exchange file) is read back whole: the same findings.
      if (['docx', 'html', 'nianbao'].includes(expected.form)) {
        expect(actual.counts, `${name} (${expected.form})`).toEqual(check.counts);
        expect(actual.state).toBe(check.counts.error > 0 ? 'errors' : check.counts.warning > 0 ? 'warnings' : 'passed');
      }
      expect(actual.carryOver).toEqual({ status: 'unknown' });
      expect(actual.fileName).toBe(expected.fileName);
    }
    // Seed 002's prose contradicts its table 2 (its known problem): counted as prose conflicts.
    const seed002 = [...folder.counted.values()].filter((u) => u.seed.id.startsWith('002') && u.form !== 'xlsx');
    for (const unit of seed002) expect(row(unit.unitName).proseConflicts, unit.unitName).toBeGreaterThan(0);
    const summary = Object.fromEntries(Object.keys(REVIEW_STATE_LABELS).map((s) => [s, all.filter((r) => r.state === s).length]));
    expect(summary['missing']).toBe(2);
    expect(summary['errors']).toBeGreaterThanOrEqual(folder.brokenUnits.length + 1);
  });

  test('the sum equals the sum of the fixtures’ figures, cell by cell, and names every blank unit', () => {
    const result = sumWorkspace(store, { workspaceId });
    if (!result.ok) throw new Error(result.error);
    const { sum } = result.value;
    expect(sum.units.map((u) => u.unitName)).toEqual(folder.unitNames.filter((n) => folder.counted.has(n)));
    const expected = independentSum([...folder.counted].map(([name, u]) => ({ name, figures: u.figures })));
    const totals = sumAsFixture(sum, (c) => c.total);
    const blanks = sumAsFixture(sum, (c) => [...c.blankUnits]);
    expect(totals.size).toBe(expected.size);
    for (const [path, { total, blank }] of expected) {
      expect(totals.get(path), path).toBe(total);
      expect(blanks.get(path), path).toEqual(blank);
    }
    // The seeds leave cells blank: those units are named, and such a cell is not complete.
    const incomplete = sum.cells.filter((c) => !c.complete);
    expect(incomplete.length).toBeGreaterThan(0);
    expect(incomplete.every((c) => c.blankUnits.length > 0)).toBe(true);
    // The 勾稽 rules ran on the summed report, in which a cell some unit left blank is blank (never a partial figure).
    const summed = summedReport(sum, '湖滨县人民政府', 2021);
    const index = cellIndex(currentFormat);
    expect(Object.keys(summed.values).sort()).toEqual(sum.cells.filter((c) => c.complete && !index.byKey.get(c.key)!.sumOf).map((c) => c.key).sort());
    expect(result.value.check.findings).toEqual(checkReport(summed).findings);
    expect(result.value.check.findings.some((f) => f.rule === 'V-BLANK')).toBe(true);
  });

  test('本级报告 = Σ 下级: the superior’s own report compared cell by cell', () => {
    const plain = sumWorkspace(store, { workspaceId });
    if (!plain.ok) throw new Error(plain.error);
    const own = readExchangeFile(sumExchangeFile(plain.value.sum, '湖滨县人民政府', 2021, new Date()));
    if (!own.ok) throw new Error(own.error);
    const key = 't2.licensing';
    const figure = plain.value.sum.cells.find((c) => c.key === key)!;
    expect(figure.complete).toBe(true);
    const created = store.createReport({ agencyId: plain.value.workspace.agencyId, year: 2021 });
    if (!created.ok) throw new Error(created.error);
    const saved = store.saveReport({ reportId: created.value.summary.id, report: { ...own.value.report, values: { ...own.value.report.values, [key]: String(figure.total! + 3) } } });
    if (!saved.ok) throw new Error(saved.error);
    const compared = sumWorkspace(store, { workspaceId, ownReportId: created.value.summary.id });
    if (!compared.ok) throw new Error(compared.error);
    const comparison = compared.value.ownReport!;
    expect(comparison.find((c) => c.key === key)).toEqual({ key, status: 'different', own: figure.total! + 3, sum: figure.total, difference: 3 });
    expect(comparison.filter((c) => c.status === 'different').map((c) => c.key)).toEqual([key]);
    // Cells some units left blank are never judged: the own report has them blank too (the exchange file leaves them blank).
    expect(comparison.filter((c) => c.status === 'ownBlank').length).toBeGreaterThan(0);
    const complete = new Set(plain.value.sum.cells.filter((c) => c.complete).map((c) => c.key));
    for (const c of comparison) if (complete.has(c.key) && c.key !== key) expect(['equal', 'ownBlank'], c.key).toContain(c.status);
    expect(comparison.filter((c) => c.status === 'equal').length).toBeGreaterThan(0);
    expect(comparison.filter((c) => c.status === 'incomplete')).toEqual([]);
  });

  test('the review list as XLSX, read back with exceljs', async () => {
    const review = reviewStoredWorkspace(store, { workspaceId });
    if (!review.ok) throw new Error(review.error);
    const bytes = await reviewListXlsx(review.value, { title: '审核结果', author: '湖滨县人民政府' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审核结果')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('单位');
    expect(sheet.rowCount).toBe(1 + folder.unitNames.length);
    for (const [i, r] of rows().entries()) {
      const line = sheet.getRow(i + 2);
      expect(line.getCell(2).value).toBe(r.unitName);
      expect(line.getCell(3).value).toBe(REVIEW_STATE_LABELS[r.state]);
      expect(line.getCell(4).value).toBe(r.counts.error);
      expect(line.getCell(8).value).toBe(r.places.join('、'));
    }
    const dupLine = sheet.getRow(2 + folder.unitNames.indexOf(folder.duplicateUnit));
    expect(String(dupLine.getCell(12).value)).toContain('收到2份，请选择');
    const pending = workbook.getWorksheet('待处理文件')!;
    expect(pending.getRow(2).getCell(1).value).toBe(folder.unreadableFile);
    expect(String(pending.getRow(2).getCell(2).value)).toMatch(/^无法读取：/);
  });

  test('the sum as XLSX: one row per unit, one column per cell with the format’s labels, the 合计 row', async () => {
    const result = sumWorkspace(store, { workspaceId });
    if (!result.ok) throw new Error(result.error);
    const { sum } = result.value;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await sumXlsx(sum, { title: '汇总', author: '湖滨县人民政府' })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('汇总')!;
    const index = cellIndex(currentFormat);
    sum.cells.forEach((c, i) => {
      const def = index.byKey.get(c.key)!;
      expect(sheet.getRow(1).getCell(i + 3).value ?? sheet.getRow(1).getCell(i + 3).master.value).toBe(def.tableName);
      expect(String(sheet.getRow(2).getCell(i + 3).value)).toContain(cellName(def, 'inRow'));
    });
    sum.units.forEach((u, r) => {
      const line = sheet.getRow(3 + r);
      expect(line.getCell(2).value).toBe(u.unitName);
      // A blank stays blank, never 0.
      sum.cells.forEach((c, i) => expect(line.getCell(i + 3).value ?? null).toBe(c.values[r] ?? null));
    });
    const total = sheet.getRow(3 + sum.units.length);
    expect(total.getCell(2).value).toBe('合计');
    sum.cells.forEach((c, i) => expect(total.getCell(i + 3).value ?? null).toBe(c.total));
    const partial = sum.cells.findIndex((c) => !c.complete && c.total !== null);
    const note = total.getCell(partial + 3).note;
    expect(typeof note === 'string' ? note : JSON.stringify(note)).toContain(sum.cells[partial]!.blankUnits[0]!);
    expect(sheet.getRow(4 + sum.units.length).getCell(2).value).toBe('空白单位数');
  });

  test('审核意见 as DOCX: each finding with its place and rule, the reviewer’s notes; notes survive a corrected file', async () => {
    const unitName = folder.brokenUnits[0]!;
    const unitId = row(unitName).unitId;
    const detail = unitReviewDetail(store, { workspaceId, unitId });
    if (!detail.ok) throw new Error(detail.error);
    const balance = detail.value.findings.find((f) => f.id === 'T3-RES.naturalPerson')!;
    expect(store.setNote({ unitId, findingKey: findingNoteKey(balance), text: '请核对自然人一列的予以公开件数' }).ok).toBe(true);
    expect(store.setNote({ unitId, findingKey: '', text: '请于3月10日前重新报送' }).ok).toBe(true);

    // The unit sends its file again: the notes are still there for the new revision.
    const again = await receiveFiles(store, workspaceId, [join(folder.dir, folder.counted.get(unitName)!.fileName)]);
    expect(again.ok && again.value.duplicateUnits).toEqual([unitId]);
    const after = unitReviewDetail(store, { workspaceId, unitId });
    if (!after.ok) throw new Error(after.error);
    expect(after.value.row).toMatchObject({ revisions: 2, revision: 2, note: '请于3月10日前重新报送' });
    expect(after.value.notes[findingNoteKey(balance)]).toBe('请核对自然人一列的予以公开件数');

    const docx = await reviewOpinionDocx({
      superior: '湖滨县人民政府办公室',
      year: 2021,
      row: after.value.row,
      findings: after.value.findings,
      format: currentFormat,
      notes: after.value.notes,
      date: '2022-03-01',
    });
    writeFileSync(join(testOutputDir('summary'), 'opinion.docx'), docx);
    const xml = new TextDecoder().decode(openZip(docx).read('word/document.xml')!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(`关于${unitName}2021年政府信息公开工作年度报告的审核意见`);
    expect(text).toContain(`${unitName}：`);
    // The salutation is flush left like a letter's; the paragraphs under it keep the body's first-line indent.
    const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]!);
    const salutation = paragraphs.find((p) => p.includes(`<w:t xml:space="preserve">${unitName}：</w:t>`) || p.includes(`<w:t>${unitName}：</w:t>`))!;
    expect(salutation).toMatch(/<w:ind w:firstLine="0"\/>/);
    const letter = paragraphs.find((p) => p.includes('你单位报送的'))!;
    expect(letter).not.toMatch(/<w:ind /);
    expect(text).toContain('需要改正的错误');
    expect(text).toContain('表三「（七）总计」「自然人」：');
    expect(text).toContain('规则 T3-RES');
    expect(text).toContain('审核意见：请核对自然人一列的予以公开件数');
    expect(text).toContain('请于3月10日前重新报送');
    expect(text).toContain('2022年3月1日');
    for (const f of after.value.findings) expect(text).toContain(f.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 20));
  });

  test('the review is re-run from the kept bytes: the same rows; a cancelled receive keeps what it read', async () => {
    const before = rows();
    const reread = await rereadReceivedFiles(store, workspaceId);
    expect(reread.ok && reread.value.reread.length).toBe(folder.fileCount + 1);
    expect(rows()).toEqual(before);

    // The source beside a unit's report: the importer's reading of the kept bytes (an exchange file is the report itself).
    const docxUnit = [...folder.counted.values()].find((u) => u.form === 'docx')!;
    const source = await receivedFileSource(store, row(docxUnit.unitName).fileId!);
    expect(source.ok && source.value?.sourceLines.join('\n')).toContain(docxUnit.reportAgency);
    expect(source.ok && source.value?.cells.filter((c) => c.status === 'read' && c.line !== undefined).length).toBeGreaterThan(100);
    const exchangeUnit = [...folder.counted.values()].find((u) => u.form === 'nianbao')!;
    expect(await receivedFileSource(store, row(exchangeUnit.unitName).fileId!)).toEqual({ ok: true, value: null });

    const controller = new AbortController();
    const other = store.createWorkspace({ agencyId: (store.getWorkspace({ workspaceId }) as { value: { agencyId: number } }).value.agencyId, year: 2020 });
    if (!other.ok) throw new Error(other.error);
    const cancelled = await receiveFiles(store, other.value.id, [folder.dir], { onProgress: (p) => p.done === 2 && controller.abort(), signal: controller.signal });
    expect(cancelled.ok && cancelled.value).toMatchObject({ cancelled: true });
    // Cancelled while the third file was being read: that one is finished and kept, no other is started.
    expect(cancelled.ok && cancelled.value.received).toHaveLength(3);
    expect(store.listReceivedFiles({ workspaceId: other.value.id })).toMatchObject({ ok: true, value: { length: 3 } });
  });

  test('the CLI’s folder review (no store) gives the same rows and the same sum', async () => {
    const inMemory = await reviewFolder([folder.dir], { units: unitsFromText(folder.unitList).units });
    const stored = reviewStoredWorkspace(store, { workspaceId });
    if (!stored.ok) throw new Error(stored.error);
    const pick = (r: ReviewRow) => [r.unitName, r.state, r.counts, r.places, r.revisions];
    // The store has one more revision of the first broken unit (the previous test); compare the others.
    const others = (r: ReviewRow) => r.unitName !== folder.brokenUnits[0];
    expect(inMemory.review.units.map((u) => u.row).filter(others).map(pick)).toEqual(stored.value.units.map((u) => u.row).filter(others).map(pick));
    expect(inMemory.sum.cells.map((c) => [c.key, c.total, c.blankUnits])).toEqual(
      sumWorkspace(store, { workspaceId }).ok ? (sumWorkspace(store, { workspaceId }) as { value: { sum: WorkspaceSum } }).value.sum.cells.map((c) => [c.key, c.total, c.blankUnits]) : [],
    );
  });
});
