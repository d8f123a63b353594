import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { MENU_EVENT } from '../../shared/ipc/contract.ts';
import type { MenuCommand } from '../../shared/ipc/contract.ts';
import { aboutInfo, DEVELOPMENT_NOTICES_DIR } from '../../services/about/about.ts';
import { createHandlers } from '../../services/app/createHandlers.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';
import { openAppLog } from '../../services/log/appLog.ts';
import type { AppLog } from '../../services/log/appLog.ts';
import { openStore } from '../../services/store/index.ts';
import type { Store } from '../../services/store/index.ts';
import { startHeavyWorker } from '../../services/worker/heavyWorker.ts';
import { electronDialogs } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { electronPdfPrinter, printWithDialog } from './pdf/electronPdfPrinter.ts';
import { APP_ENTRY, APP_ORIGIN } from './appOrigin.ts';
import { answerPendingSaves } from './pendingSaves.ts';
import type { SavePending } from './pendingSaves.ts';
import { PRINT_FONT_BASE_URL } from './printPages.ts';
import { registerAppScheme, serveAppFiles } from './protocol.ts';
import { hardenSession, isTrustedSender, refuseNavigationAndWindows } from './security.ts';
import type { TrustedPages } from './requestPolicy.ts';
import { loadWindowState, MINIMUM_SIZE, rememberWindowState } from './windowState.ts';

/**
 * The main process: windows, the app:// protocol, menus and IPC wiring. Everything
 * else is in the services, reached through the handlers of services/app.
 */

/** `npm run dev` serves the renderer from Vite; a packaged app never does. */
const devServerUrl = app.isPackaged ? undefined : process.env.NIANBAO_DEV_SERVER_URL;

const appWindows = new Set<number>();
let mainWindow: BrowserWindow | undefined;
/** The main window's page, kept apart: a closed window's webContents can no longer be read. */
let mainPage: WebContents | undefined;
let store: Store | undefined;
let savePending: SavePending | undefined;
let appLog: AppLog | undefined;
/** The log, in app.getPath('logs'), opened on first use (the path is known once the app is ready). */
function log(): AppLog {
  return (appLog ??= openAppLog(app.getPath('logs')));
}

registerAppScheme();
refuseNavigationAndWindows();

function fail(title: string, message: string): void {
  log().error(`${title}：${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function createMainWindow(pages: TrustedPages, userData: string): BrowserWindow {
  const { bounds, maximized } = loadWindowState(userData);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    show: false,
    title: '年报',
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  // Electron destroys the window and its webContents before 'closed': only values taken now are safe there.
  const page = window.webContents;
  const pageId = page.id;
  appWindows.add(pageId);
  mainPage = page;
  rememberWindowState(window, userData);
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  // Closing the window: the page first saves what it still holds, then the window closes.
  window.on('close', (event) => {
    if (pageSaved) return;
    event.preventDefault();
    void savePage().then(() => {
      pageSaved = true;
      if (!window.isDestroyed()) window.close();
    });
  });
  // Windows shutdown or log-off: no before-quit comes (Electron's docs), so save and close the store here.
  window.on('query-session-end', () => void savePage());
  window.on('session-end', () => void endSession());
  window.on('closed', () => {
    appWindows.delete(pageId);
    mainWindow = undefined;
    mainPage = undefined;
    // The hidden PDF window kept for the next preview would keep the app from quitting.
    void electronPdfPrinter.close();
  });
  void window.loadURL(pages.origin === APP_ORIGIN ? APP_ENTRY : `${pages.origin}/`);
  return window;
}

/** Set once the page has saved (or could not) for the close or quit under way. */
let pageSaved = false;
let saving: Promise<void> | undefined;

/** Asks the main window's page to save what it still holds; one request at a time, bounded. */
function savePage(): Promise<void> {
  const page = mainPage;
  if (!page || !savePending) return Promise.resolve();
  saving ??= savePending(page)
    .then((outcome) => {
      if (outcome === 'timed-out') log().warn('关闭前页面未能及时保存未保存的修改，已继续关闭');
    })
    .finally(() => (saving = undefined));
  return saving;
}

let closing: Promise<void> | undefined;

/** Closes the database (it waits for a running backup); once. */
function closeStore(): Promise<void> {
  const open = store;
  store = undefined;
  closing ??= open ? open.close() : Promise.resolve();
  return closing;
}

/** Windows is ending the session: what the page holds is saved, the store closed, then the app exits. */
async function endSession(): Promise<void> {
  await savePage();
  await closeStore();
  app.exit(0);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  log().info(`年报 ${app.getVersion()} 启动，数据在 ${userData}`);
  // The bundle's sibling (scripts/bundleElectron.ts): import, DOCX, backups' copies never block this loop.
  const heavy = startHeavyWorker(join(import.meta.dirname, 'worker.cjs'));
  const opened = openStore({ dataDir: userData, fileWork: heavy });
  if (!opened.ok) return fail('年报无法打开数据', opened.error);
  store = opened.value;
  for (const notice of store.startupNotices) log().warn(notice.message);

  // Packaged: <resources>/fonts (electron-builder extraResources); development: node_modules.
  const fontRoot = findFontRoot([join(process.resourcesPath, 'fonts'), DEVELOPMENT_FONT_ROOT]);
  if (!fontRoot.ok) return fail('年报缺少字体', fontRoot.error);

  const pages: TrustedPages = {
    origin: devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN,
    windows: appWindows,
  };
  hardenSession(session.defaultSession, pages);
  serveAppFiles(session.defaultSession, { renderer: join(app.getAppPath(), 'dist', 'renderer'), fonts: fontRoot.value.dir });

  const handlers = createHandlers({
    store,
    pdfPrinter: electronPdfPrinter,
    systemPrinter: {
      async print(html) {
        return printWithDialog(html);
      },
    },
    fontBaseUrl: PRINT_FONT_BASE_URL,
    heavy,
    dialogs: electronDialogs(() => mainWindow),
    shell: { showItemInFolder: (path) => shell.showItemInFolder(path) },
    clock: () => new Date(),
    appInfo: aboutInfo({
      appRoot: app.getAppPath(),
      dataDir: store.dataDir,
      logsDir: dirname(log().file),
      noticesDirs: [process.resourcesPath, DEVELOPMENT_NOTICES_DIR],
    }),
  });
  registerIpc(handlers, (event) => isTrustedSender(event, pages), log());
  savePending = answerPendingSaves((event) => isTrustedSender(event, pages));

  const send = (command: MenuCommand) => mainWindow?.webContents.send(MENU_EVENT, command);
  const dataDir = store.dataDir;
  const menu = buildMenu({ send, openDataFolder: () => void shell.openPath(dataDir), development: !app.isPackaged });
  Menu.setApplicationMenu(menu);

  mainWindow = createMainWindow(pages, userData);
}

// One instance per user: a second start focuses the first (the store's lock refuses any other writer).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting (menu 退出, Ctrl+Q, SIGTERM, the last window closed): Electron emits before-quit,
  // closes each window, then will-quit. The page saves first, the store closes last.
  app.on('before-quit', (event) => {
    if (pageSaved) return;
    event.preventDefault();
    void savePage().then(() => {
      pageSaved = true;
      app.quit();
    });
  });
  app.on('will-quit', (event) => {
    if (!store) return;
    event.preventDefault();
    void closeStore().finally(() => app.quit());
  });
  // A session that logs out sends SIGTERM: the same orderly quit.
  process.on('SIGTERM', () => app.quit());
  process.on('uncaughtException', (error) => log().error(`未处理的错误：${error.stack ?? String(error)}`));
  app.whenReady().then(start, (error: unknown) => fail('年报无法启动', String(error)));
}
