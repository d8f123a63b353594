import { expect, test } from 'vitest';
import { openStore } from '../../services/store/index.ts';
import type { Store } from '../../services/store/index.ts';
import { blankAgency } from '../../shared/model/report.ts';
import type { FileReading } from '../../shared/summary/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { tempDir, testClock, unwrap } from './support.ts';

const READ: FileReading = { status: 'read', agency: '城关镇人民政府', year: 2024, sourceFormat: 'docx', uncertainCells: 0 };

async function withStore(fn: (store: Store) => void | Promise<void>): Promise<void> {
  const store = unwrap(openStore({ dataDir: tempDir(), clock: testClock() }));
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

test('workspaces, units, received files as revisions, chosen revision, notes that survive a corrected file', () =>
  withStore((store) => {
    const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨县人民政府办公室') }));
    const workspace = unwrap(store.createWorkspace({ agencyId: agency.id, year: 2024 }));
    expect(workspace).toMatchObject({ agencyId: agency.id, agencyName: '湖滨县人民政府办公室', year: 2024 });
    expect(store.createWorkspace({ agencyId: agency.id, year: 2024 })).toEqual({ ok: false, error: '“湖滨县人民政府办公室”2024年度的汇总已经存在。' });
    const workspaceId = workspace.id;

    const { added, skipped } = unwrap(
      store.addUnits({ workspaceId, units: [{ name: '城关镇人民政府', aliases: ['城关镇'] }, { name: '县教育局', aliases: [] }, { name: ' 城关镇人民政府 ', aliases: [] }] }),
    );
    expect(added.map((u) => u.name)).toEqual(['城关镇人民政府', '县教育局']);
    expect(skipped).toEqual(['城关镇人民政府']);
    const [town, education] = added as [(typeof added)[0], (typeof added)[0]];

    const bytes = new Uint8Array([1, 2, 3]);
    const report = consistentReport(2024);
    const first = unwrap(store.addReceivedFile({ workspaceId, fileName: 'a.docx', bytes, reading: READ, report, match: { status: 'matched', unitId: town.id, by: 'exact' } }));
    const second = unwrap(
      store.addReceivedFile({ workspaceId, fileName: 'a-改.docx', bytes, reading: READ, report, match: { status: 'matched', unitId: town.id, by: 'tolerant' } }),
    );
    const broken = unwrap(
      store.addReceivedFile({ workspaceId, fileName: 'x.pdf', bytes, reading: { status: 'unreadable', reason: '扫描件' }, report: null, match: { status: 'unmatched', candidates: [] } }),
    );
    expect([first.revision, second.revision, broken.revision]).toEqual([1, 2, null]);
    expect(unwrap(store.getReceivedBytes({ fileId: first.id }))).toEqual(bytes);
    expect(unwrap(store.getReceivedReport({ fileId: first.id }))).toEqual(report);
    expect(unwrap(store.getReceivedReport({ fileId: broken.id }))).toBeNull();

    // A choice must be a readable file of the unit.
    expect(store.chooseRevision({ unitId: education.id, fileId: first.id })).toMatchObject({ ok: false });
    expect(store.chooseRevision({ unitId: town.id, fileId: broken.id })).toMatchObject({ ok: false });
    unwrap(store.chooseRevision({ unitId: town.id, fileId: first.id }));
    expect(unwrap(store.listChoices({ workspaceId }))).toEqual([{ unitId: town.id, fileId: first.id }]);

    unwrap(store.setNote({ unitId: town.id, findingKey: 'T3-BAL.naturalPerson', text: '请核对自然人列' }));
    unwrap(store.setNote({ unitId: town.id, findingKey: '', text: '已电话联系' }));
    // A corrected file for the same unit: the notes are the unit's, not the file's.
    unwrap(store.addReceivedFile({ workspaceId, fileName: 'a-再改.docx', bytes, reading: READ, report, match: { status: 'matched', unitId: town.id, by: 'exact' } }));
    expect(unwrap(store.listNotes({ workspaceId })).map((n) => [n.findingKey, n.text])).toEqual([
      ['', '已电话联系'],
      ['T3-BAL.naturalPerson', '请核对自然人列'],
    ]);
    expect(unwrap(store.setNote({ unitId: town.id, findingKey: '', text: ' ' }))).toBeNull();
    expect(unwrap(store.listNotes({ workspaceId }))).toHaveLength(1);

    // Reassigning moves the revision numbers with the file and drops a choice of it.
    const moved = unwrap(store.assignFile({ fileId: first.id, unitId: education.id }));
    expect(moved).toMatchObject({ revision: 1, match: { status: 'matched', unitId: education.id, by: 'manual' } });
    expect(unwrap(store.listReceivedFiles({ workspaceId })).map((f) => [f.fileName, f.revision])).toEqual([
      ['a.docx', 1],
      ['a-改.docx', 1],
      ['x.pdf', null],
      ['a-再改.docx', 2],
    ]);
    expect(unwrap(store.listChoices({ workspaceId }))).toEqual([]);
    expect(store.removeUnit({ unitId: education.id })).toMatchObject({ ok: false });
    expect(store.addReceivedFile({ workspaceId, fileName: 'y', bytes, reading: READ, report, match: { status: 'matched', unitId: 999, by: 'exact' } })).toMatchObject({ ok: false });
    expect(store.addUnits({ workspaceId, units: [{ name: '', aliases: [] }] })).toMatchObject({ ok: false, error: expect.stringContaining('单位名称不能为空') });
  }));
