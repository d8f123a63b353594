import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgencyRecord, ReceiveProgress, SummaryOverview } from '../../shared/ipc/contract.ts';
import { inProcessHeavyWork } from '../../services/worker/heavyWork.ts';
import type { HeavyWork } from '../../services/worker/heavyWork.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { writeExchangeFile } from '../../services/exchange/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { noPdfPrinter, startTestApp } from './support.ts';
import type { TestApp } from './support.ts';

/**
 * Receiving over IPC: the handler asks for a folder, starts a job and returns at once; the
 * page polls its progress until it is finished; a cancelled job stops and keeps what it had.
 * The review is computed by the heavy work and kept until something it depends on changes.
 */

const UNITS = ['湖滨区教育局', '湖滨区财政局', '湖滨区民政局'];

describe('汇总 over IPC', () => {
  let app: TestApp;
  let workspace: SummaryOverview;
  let folder: string;
  /** The units each review was asked for (null: every unit of the workspace). */
  let reviews: (readonly number[] | null)[] = [];
  /** While set, each received file's reading waits for it: a job stays under way. */
  let held: Promise<void> | undefined;
  const countingHeavy: HeavyWork = {
    ...inProcessHeavyWork,
    reviewRows: (at, unitIds) => {
      reviews.push(unitIds);
      return inProcessHeavyWork.reviewRows(at, unitIds);
    },
    readImportFile: async (path) => {
      await held;
      return inProcessHeavyWork.readImportFile(path);
    },
  };

  beforeEach(async () => {
    reviews = [];
    app = startTestApp(noPdfPrinter, () => new Date(), countingHeavy);
    const agency = (await app.value('nianbao:agencies:create', { agency: blankAgency('湖滨区人民政府办公室') })) as AgencyRecord;
    workspace = (await app.value('nianbao:summary:open', { agencyId: agency.id, year: 2025 })) as SummaryOverview;
    await app.value('nianbao:summary:addUnits', { workspaceId: workspace.workspace.id, text: UNITS.join('\n') });
    folder = join(app.dir, 'inbox');
    mkdirSync(folder);
    for (const name of UNITS) {
      const report = consistentReport(2025);
      writeFileSync(join(folder, `${name}.nianbao`), writeExchangeFile({ ...report, agency: { ...report.agency, name } }, new Date()));
    }
  });

  afterEach(async () => {
    await app.close();
  });

  const finish = async (started: ReceiveProgress): Promise<ReceiveProgress> => {
    let progress = started;
    while (!progress.finished) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = (await app.value('nianbao:summary:receiveProgress', { jobId: progress.jobId })) as ReceiveProgress;
    }
    return progress;
  };

  it('receives a folder as a job whose progress is polled until finished', async () => {
    app.folders.push(folder);
    const started = (await app.value('nianbao:summary:receiveFolder', { workspaceId: workspace.workspace.id })) as ReceiveProgress;
    expect(started.finished).toBe(false);
    const done = await finish(started);
    expect(done).toMatchObject({ finished: true, cancelled: false, total: 3, done: 3, received: 3, unreadable: 0, error: null, current: null });
    const opened = (await app.value('nianbao:summary:open', { agencyId: workspace.workspace.agencyId, year: 2025 })) as SummaryOverview;
    expect(opened.rows.map((r) => [r.unitName, r.state])).toEqual(UNITS.map((u) => [u, 'passed']));
    // Its last state can be read again (a page reloaded just then asks once more).
    expect(await app.value('nianbao:summary:receiveProgress', { jobId: started.jobId })).toEqual(done);
    expect(opened.receiving).toBeNull();
  });

  it('shows the job under way to a screen opened again, and starts no second one meanwhile', async () => {
    const { agencyId, id: workspaceId } = workspace.workspace;
    let release = () => {};
    held = new Promise((resolve) => (release = resolve));
    app.folders.push(folder);
    const started = (await app.value('nianbao:summary:receiveFolder', { workspaceId })) as ReceiveProgress;
    const reopened = (await app.value('nianbao:summary:open', { agencyId, year: 2025 })) as SummaryOverview;
    expect(reopened.receiving).toMatchObject({ jobId: started.jobId, finished: false });
    app.folders.push(folder);
    await expect(app.value('nianbao:summary:receiveFolder', { workspaceId })).rejects.toThrow('这个汇总正在接收文件，请等这次接收完成（或取消）后再添加。');
    await expect(app.value('nianbao:summary:receiveFiles', { workspaceId })).rejects.toThrow(/正在接收文件/);
    // Refused before any dialog was shown: the folder answered for it is still waiting.
    expect(app.folders).toEqual([folder]);
    release();
    held = undefined;
    expect(await finish(started)).toMatchObject({ finished: true, received: 3 });
    expect(((await app.value('nianbao:summary:open', { agencyId, year: 2025 })) as SummaryOverview).receiving).toBeNull();
    // Once it has finished, the next one starts (the waiting folder's files again: 3 more received).
    expect(await finish((await app.value('nianbao:summary:receiveFolder', { workspaceId })) as ReceiveProgress)).toMatchObject({ finished: true, received: 3 });
  });

  it('stops a cancelled job and keeps nothing it had not received', async () => {
    app.folders.push(folder);
    const started = (await app.value('nianbao:summary:receiveFolder', { workspaceId: workspace.workspace.id })) as ReceiveProgress;
    await app.value('nianbao:summary:receiveCancel', { jobId: started.jobId });
    const done = await finish(started);
    expect(done.cancelled).toBe(true);
    const opened = (await app.value('nianbao:summary:open', { agencyId: workspace.workspace.agencyId, year: 2025 })) as SummaryOverview;
    expect(opened.files.length).toBe(done.received);
    expect(done.received).toBeLessThan(UNITS.length);
  });

  it('asks for nothing and starts nothing when the folder dialog is cancelled', async () => {
    app.folders.push(null);
    expect(await app.value('nianbao:summary:receiveFolder', { workspaceId: workspace.workspace.id })).toBeNull();
  });

  it('reviews again only the units whose files changed; a saved note checks nothing again', async () => {
    const { agencyId, id: workspaceId } = workspace.workspace;
    const open = async () => (await app.value('nianbao:summary:open', { agencyId, year: 2025 })) as SummaryOverview;
    app.folders.push(folder);
    await finish((await app.value('nianbao:summary:receiveFolder', { workspaceId })) as ReceiveProgress);
    reviews = [];
    const received = await open();
    expect(received.rows.map((r) => r.state)).toEqual(['passed', 'passed', 'passed']);
    const [education, finance] = received.rows;
    // Every unit got a file since the last look: each is reviewed again.
    expect(reviews).toEqual([null]);

    expect((await open()).rows).toEqual(received.rows);
    await app.value('nianbao:summary:setNote', { unitId: education!.unitId, findingKey: '', text: '请在月底前盖章后再报' });
    const noted = await open();
    expect(noted.rows.map((r) => r.note)).toEqual(['请在月底前盖章后再报', '', '']);
    expect(reviews).toEqual([null]);

    await app.value('nianbao:summary:addUnits', { workspaceId, text: '湖滨区卫生健康委员会' });
    const added = await open();
    const health = added.rows.at(-1)!;
    expect([health.unitName, health.state]).toEqual(['湖滨区卫生健康委员会', 'missing']);
    expect(reviews.at(-1)).toEqual([health.unitId]);

    await app.value('nianbao:summary:assignFile', { fileId: education!.fileId!, unitId: null });
    const unassigned = await open();
    expect(unassigned.rows[0]).toMatchObject({ unitName: '湖滨区教育局', state: 'missing', note: '请在月底前盖章后再报' });
    expect(reviews.at(-1)).toEqual([education!.unitId]);

    await app.value('nianbao:summary:assignFile', { fileId: education!.fileId!, unitId: health.unitId });
    expect((await open()).rows.map((r) => [r.unitName, r.state])).toEqual([
      ['湖滨区教育局', 'missing'],
      ['湖滨区财政局', 'passed'],
      ['湖滨区民政局', 'passed'],
      ['湖滨区卫生健康委员会', 'passed'],
    ]);
    expect(reviews.at(-1)).toEqual([health.unitId]);
    expect(reviews).toHaveLength(4);

    // The sum is kept until a unit's file changes.
    const sum = async () => ((await app.value('nianbao:summary:sum', { workspaceId })) as { sum: { units: { unitName: string }[] } }).sum.units.map((u) => u.unitName);
    expect(await sum()).toEqual(['湖滨区财政局', '湖滨区民政局', '湖滨区卫生健康委员会']);
    await app.value('nianbao:summary:assignFile', { fileId: finance!.fileId!, unitId: null });
    expect(await sum()).toEqual(['湖滨区民政局', '湖滨区卫生健康委员会']);
  });
});
