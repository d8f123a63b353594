import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossCellKey, currentFormat } from '../../shared/format/index.ts';
import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import type { Report } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_URL, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { appPage } from './ui.ts';
import { ipcValue } from './ipcValue.ts';

/**
 * The page's autosave in the built app: the first save after opening sends the whole report,
 * the next ones only what changed; when main no longer holds the report the changes were made
 * on (here: the report was changed behind the page's back), the page saves the whole report
 * and nothing typed is lost.
 */

const table3 = currentFormat.tables.table3;
const CELL = crossCellKey(table3, 'newReceived', 'naturalPerson');
const OTHER_CELL = crossCellKey(table3, 'newReceived', 'commercial');

interface SaveCall {
  readonly channel: string;
  readonly args: { changes?: { values?: { set: Record<string, string> } }; report?: Report };
}

describe.runIf(toolsAvailable('chromium'))('autosave of what changed', { timeout: 120_000 }, () => {
  let harness: Harness;
  let page: Page;
  let reportId: number;
  let agency: AgencyRecord;

  /** The save calls since the last look, in order. */
  const saveCalls = () =>
    page.evaluate(() => {
      const log = window as unknown as { saveCalls: SaveCall[] };
      return log.saveCalls.splice(0);
    });
  const typeFigure = async (key: string, figure: string) => {
    await page.click(`[data-cell="${key}"]`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(figure);
    await page.keyboard.press('Enter');
    await appPage(page).saved();
  };
  const stored = async () => ipcValue<{ report: Report }>(await harness.call('nianbao:reports:open', { id: reportId })).report;

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    page = harness.page;
    agency = ipcValue<AgencyRecord>(await harness.call('nianbao:agencies:create', { agency: { ...consistentReport().agency, name: '湖滨区人民政府办公室' } }));
    reportId = ipcValue<ReportSummary>(await harness.call('nianbao:reports:create', { agencyId: agency.id, year: 2024, from: 'blank' })).id;
    ipcValue(await harness.call('nianbao:reports:save', { id: reportId, report: { ...consistentReport(2024), agency: agency.agency } }));
    await page.goto(`${APP_URL}#/report/${reportId}/section:requests`);
    await page.waitForSelector(`[data-cell="${CELL}"]`);
    // The harness preload looks the bridge up at each call: wrapped here, it logs the saves.
    await page.evaluate(() => {
      const bridge = window as unknown as { __nianbaoInvoke(channel: string, args: unknown): Promise<unknown>; saveCalls: SaveCall[] };
      const invoke = bridge.__nianbaoInvoke.bind(window);
      bridge.saveCalls = [];
      const logged = (channel: string, args: unknown) => {
        if (channel.startsWith('nianbao:reports:save')) bridge.saveCalls.push({ channel, args: structuredClone(args) as SaveCall['args'] });
        return invoke(channel, args);
      };
      Object.defineProperty(window, '__nianbaoInvoke', { value: logged, configurable: true, writable: true });
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  it('sends the whole report first, then only the figure that changed', async () => {
    await typeFigure(CELL, '41');
    await typeFigure(CELL, '42');
    const calls = await saveCalls();
    expect(calls.map((call) => call.channel)).toEqual(['nianbao:reports:save', 'nianbao:reports:saveChanges']);
    expect(calls[1]!.args.changes).toMatchObject({ values: { set: { [CELL]: '42' }, removed: [] } });
    expect(Object.keys(calls[1]!.args.changes!)).toEqual(['base', 'formatId', 'values']);
    expect((await stored()).values[CELL]).toBe('42');
  });

  it('saves the whole report when the one the changes were made on is no longer the saved one, losing nothing typed', async () => {
    // Changed behind the page's back (as another write would): main's last report is no longer in the database.
    const current = await stored();
    ipcValue(await harness.call('nianbao:reports:save', { id: reportId, report: { ...current, sections: { ...current.sections, problems: '别处写入的内容' } } }));
    await typeFigure(OTHER_CELL, '9');
    expect((await saveCalls()).map((call) => call.channel)).toEqual(['nianbao:reports:saveChanges', 'nianbao:reports:save']);
    const saved = await stored();
    expect(saved.values[OTHER_CELL]).toBe('9');
    expect(saved.values[CELL]).toBe('42');
    // And changes again from there.
    await typeFigure(OTHER_CELL, '10');
    expect((await saveCalls()).map((call) => call.channel)).toEqual(['nianbao:reports:saveChanges']);
    expect((await stored()).values[OTHER_CELL]).toBe('10');
  });
});
