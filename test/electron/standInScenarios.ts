import type { Page } from 'playwright-core';
import type {} from '../../renderer/nianbao-api.d.ts';
import { formatRoute } from '../../renderer/route.ts';
import { cellIndex } from '../../shared/format/cells.ts';
import { currentFormat } from '../../shared/format/index.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { seen, standIn } from './electronStandIn.ts';

/**
 * Loaded with `node --import` before dist/electron/main.cjs: installs the Electron stand-in,
 * waits for main's window to show the app, then plays NIANBAO_STAND_IN_SCENARIO:
 * - `setup`: checks what main set up (protocol, file:// refusal, webRequest, permissions,
 *   IPC trust, a PDF preview printed through app://), prints STAND-IN-RESULT, then quits;
 * - `quit:<way>`: types into a table cell and a prose field, then within 50 ms leaves by
 *   `close` (the window's close button; `close-after-preview`: the same after a PDF preview), `ctrl-q`, `menu-quit` (文件→退出), `sigterm` or
 *   `session-end` (Windows shutdown), and prints STAND-IN-RESULT with what was typed.
 * The stand-in prints STAND-IN-EXIT (exit code, lifecycle events) when the app exits.
 */

const scenario = process.env.NIANBAO_STAND_IN_SCENARIO ?? 'setup';

function report(result: unknown): void {
  process.stdout.write(`STAND-IN-RESULT ${JSON.stringify(result)}\n`);
}

async function mainWindowPage(): Promise<{ window: InstanceType<typeof standIn.BrowserWindow>; page: Page }> {
  const started = Date.now();
  while (standIn.BrowserWindow.getAllWindows().length === 0) {
    if (seen.errors.length > 0 || Date.now() - started > 60_000) throw new Error(`no window: ${seen.errors.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const window = standIn.BrowserWindow.getAllWindows()[0]!;
  const page = await standIn.page(window);
  await page.waitForSelector('#root *', { timeout: 60_000 });
  return { window, page };
}

/** An agency with a blank report of 2024, made through the page's own window.nianbao. */
async function newReport(page: Page): Promise<number> {
  return page.evaluate(async (agency) => {
    const created = await window.nianbao.agencies.create({ agency });
    const summary = await window.nianbao.reports.create({ agencyId: created.id, year: 2024, from: 'blank' });
    return summary.id;
  }, blankAgency('湖滨区人民政府办公室'));
}

async function setup(): Promise<void> {
  const { window: mainWindow, page } = await mainWindowPage();
  const app = standIn.protocolHandler('app')!;
  const file = standIn.protocolHandler('file');
  const status = async (handler: typeof app | undefined, url: string) => (handler ? (await handler(new Request(url))).status : 'no handler');
  const index = await app(new Request('app://nianbao/index.html'));
  const contents = mainWindow.webContents;
  const sender = { id: contents.id, mainFrame: contents.mainFrame };
  const reportId = await newReport(page);
  // The page's own request to the internet: Electron asks webRequest for it.
  const fetched = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'failed'));
  // Two previews of different content: the second is shown in the first one's hidden window.
  const windowsBefore = seen.windows.length;
  const preview = await page.evaluate(async (id) => {
    const { report } = await window.nianbao.reports.open({ id });
    const first = await window.nianbao.export.preview({ report });
    const second = await window.nianbao.export.preview({ report: { ...report, sections: { ...report.sections, other: '无其他需要报告的事项。' } } });
    return [first, second].map(({ pdfBase64 }) => atob(pdfBase64).slice(0, 5));
  }, reportId);
  const previewWindows = seen.windows.length - windowsBefore;
  // The 汇总's review table comes from the heavy-work thread (worker.cjs) reading the store beside main.
  const summaryRows = await page.evaluate(async () => {
    const [agency] = await window.nianbao.agencies.list({});
    const opened = await window.nianbao.summary.open({ agencyId: agency!.id, year: 2024 });
    await window.nianbao.summary.addUnits({ workspaceId: opened.workspace.id, text: '湖滨区教育局\n湖滨区财政局' });
    return (await window.nianbao.summary.open({ agencyId: agency!.id, year: 2024 })).rows.map((row) => [row.unitName, row.state]);
  });
  report({
    schemes: seen.schemes,
    channels: standIn.ipcMain.channels(),
    pageUrl: contents.mainFrame.url,
    pageHasApi: await page.evaluate(() => Object.keys(window).filter((k) => k === 'nianbao' || k === 'require' || k === 'ipcRenderer')),
    index: { status: index.status, csp: index.headers.get('content-security-policy') },
    outside: {
      encodedDots: await status(app, 'app://nianbao/%2e%2e/package.json'),
      otherHost: await status(app, 'app://other/index.html'),
      unknownPrintPage: await status(app, 'app://nianbao/print/00000000-0000-0000-0000-000000000000.html'),
      fontNotShipped: await status(app, 'app://nianbao/fonts/../package.json'),
      fileEtcPasswd: await status(file, 'file:///etc/passwd'),
    },
    fetched,
    remoteCancelled: await standIn.webRequest('https://example.com/x.js', contents.id),
    devServerCancelled: await standIn.webRequest('http://127.0.0.1:5173/main.tsx', contents.id),
    permission: await standIn.permission('media'),
    window: seen.windows[0],
    menu: seen.menu.map((m) => m.label),
    trusted: await standIn.ipcMain.invoke(contents, 'nianbao:agencies:list', {}),
    badArgs: await standIn.ipcMain.invoke(contents, 'nianbao:agencies:list', { bogus: 1 }),
    imported: await standIn.ipcMain.invoke(contents, 'nianbao:import:read', {}),
    untrusted: await standIn.ipcMain.invoke(contents, 'nianbao:agencies:list', {}, { url: 'app://nianbao/index.html', parent: sender.mainFrame }),
    preview,
    previewWindows,
    summaryRows,
    protocolRequests: seen.protocolRequests,
    webRequests: seen.webRequests,
    errors: seen.errors,
    pageErrors: seen.pageErrors,
  });
  seen.lifecycle.length = 0;
  standIn.app.quit();
}

const LEAVE: Record<string, (window: InstanceType<typeof standIn.BrowserWindow>) => void> = {
  close: (window) => window.close(),
  // After a PDF preview, whose hidden window main keeps for the next one.
  'close-after-preview': (window) => window.close(),
  'ctrl-q': () => standIn.pick((item) => item.accelerator === 'CmdOrCtrl+Q'),
  'menu-quit': () => standIn.pick((item) => item.label === '退出'),
  sigterm: () => process.kill(process.pid, 'SIGTERM'),
  'session-end': () => standIn.app.endSession(),
};

async function typeThenQuit(way: string): Promise<void> {
  const leave = LEAVE[way];
  if (!leave) throw new Error(`unknown way out: ${way}`);
  const { window: mainWindow, page } = await mainWindowPage();
  const reportId = await newReport(page);
  if (way === 'close-after-preview') {
    await page.evaluate(async (id) => {
      const { report } = await window.nianbao.reports.open({ id });
      await window.nianbao.export.preview({ report });
    }, reportId);
  }
  const tableSection = currentFormat.sections.find((s) => s.table)!;
  const proseSection = currentFormat.sections.find((s) => !s.table)!;
  const cell = cellIndex(currentFormat).byTable[tableSection.table!]!.find((c) => !c.sumOf)!;
  const figure = '1234';
  const prose = '本年度主动公开政府信息一百二十条，其中规章十二件。';

  await page.evaluate((hash) => void (location.hash = hash), formatRoute({ screen: 'report', reportId, step: `section:${tableSection.key}` }));
  await page.click(`[data-cell="${cell.key}"]`);
  await page.keyboard.type(figure);
  await page.click(`[data-step="section:${proseSection.key}"]`);
  await page.click(`[data-section-editor="${proseSection.key}"]`);
  await page.keyboard.type(prose);
  const typedAt = Date.now();
  leave(mainWindow);
  report({ reportId, cellKey: cell.key, figure, sectionKey: proseSection.key, prose, leftWithinMs: Date.now() - typedAt });
}

const run = scenario === 'setup' ? setup() : scenario.startsWith('quit:') ? typeThenQuit(scenario.slice('quit:'.length)) : Promise.reject(new Error(`unknown scenario ${scenario}`));
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
