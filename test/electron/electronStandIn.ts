import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findChromium, OFFLINE_CHROMIUM_ARGS } from '../../services/chromium/findChromium.ts';

/**
 * A stand-in for the `electron` module that behaves as Electron documents it (no Electron
 * binary can be downloaded here). Loaded with `node --import` before dist/electron/main.cjs,
 * it answers `require('electron')`; every BrowserWindow is a real Chromium page (Playwright)
 * with the real preload injected, its app:// requests served by the handler main registered.
 *
 * What it does as Electron does, with the documentation it follows (Electron 45's API as
 * node_modules/electron/electron.d.ts states it, and electronjs.org/docs/api):
 * - `app.quit()`: 'before-quit' (preventable), then each window gets 'close' (preventable:
 *   a prevented close cancels the quit), 'closed'; once none is left 'will-quit'
 *   (preventable), 'quit', exit. 'window-all-closed' is NOT emitted while quitting ("If the
 *   user pressed Cmd + Q, or the developer called app.quit(), Electron will first try to
 *   close all the windows and then emit the will-quit event, and in this case the
 *   window-all-closed event would not be emitted", app.md); it is emitted when the last
 *   window closes otherwise, and with no listener the app quits.
 * - Windows shutdown or log-off: each window gets 'query-session-end' then 'session-end';
 *   no 'before-quit', 'will-quit' or 'quit' ("On Windows, this event will not be emitted if
 *   the app is closed due to a shutdown/restart of the system or a user logout", app.md;
 *   'session-end': "there is no way to prevent the session from ending"). The system ends
 *   the process soon after; here after SESSION_END_GRACE_MS.
 * - SIGTERM / SIGINT: Electron turns them into `app.quit()` (electron/electron#5273).
 * - A destroyed BrowserWindow or webContents throws "Object has been destroyed" on use
 *   (BrowserWindow.isDestroyed in electron.d.ts); `win.destroy()` emits no 'close' but
 *   'closed'; `app.exit()` closes windows without asking and emits no quit events.
 * - `session.webRequest` is never called for app:// (a scheme served with protocol.handle),
 *   file://, data: or blob: (electron/electron#45865, #45903, fix still open in #45915);
 *   it is called for http(s)/ws(s) requests, which it may cancel.
 * - `protocol.handle('file', …)` intercepts file:// loads.
 *
 * Test controls are on `standIn` (exported, and as globalThis.__electronStandIn).
 */

type Listener = (...args: never[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

const DESTROYED = 'Object has been destroyed';
/** Windows ends the process this soon after 'session-end' if it has not exited. */
export const SESSION_END_GRACE_MS = 5000;

/** The app:// origin is shown to Chromium as this https origin and mapped back for main. */
const PAGE_ORIGIN = 'https://app.nianbao.invalid';
const toPageUrl = (url: string) => (url.startsWith('app://nianbao/') ? `${PAGE_ORIGIN}/${url.slice('app://nianbao/'.length)}` : url);
const toAppUrl = (url: string) => (url.startsWith(`${PAGE_ORIGIN}/`) ? `app://nianbao/${url.slice(PAGE_ORIGIN.length + 1)}` : url);

/** Everything the stand-in saw, for the tests. */
export const seen = {
  schemes: [] as unknown[],
  /** App and window events, in order. */
  lifecycle: [] as string[],
  /** Every URL main's app:// and file:// handlers were asked for. */
  protocolRequests: [] as string[],
  /** Every URL given to the webRequest handler, with its answer. */
  webRequests: [] as { url: string; cancel: boolean }[],
  menu: [] as MenuItem[],
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  errors: [] as string[],
  pageErrors: [] as string[],
};

interface MenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

const protocolHandlers = new Map<string, ProtocolHandler>();
let webRequestHandler: ((details: object, callback: (response: { cancel: boolean }) => void) => void) | undefined;
let permissionHandler: Listener | undefined;

function preventable(): { event: { preventDefault(): void; readonly defaultPrevented: boolean }; prevented(): boolean } {
  let prevented = false;
  const event = {
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
  return { event, prevented: () => prevented };
}

let browser: Promise<{ browser: Browser; context: BrowserContext }> | undefined;
const contentsByPage = new Map<Page, WebContents>();

function chromiumContext() {
  browser ??= (async () => {
    const found = findChromium();
    if (!found.ok) throw new Error(found.error);
    // The signals are the app's to handle (Electron quits on them), not Playwright's.
    const launched = await chromium.launch({ executablePath: found.path, args: OFFLINE_CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    const context = await launched.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', serviceWorkers: 'block' });
    await context.exposeBinding('__standInInvoke', ({ page }, channel: string, args: unknown) => {
      const contents = contentsByPage.get(page);
      if (!contents) throw new Error('no window');
      return ipcMain.invoke(contents, channel, args);
    });
    await context.exposeBinding('__standInSend', ({ page }, channel: string, args: unknown[]) => {
      const contents = contentsByPage.get(page);
      if (contents) ipcMain.emit(channel, { sender: contents, senderFrame: contents.mainFrame }, ...args);
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      // The app's pages, and absolute app:// URLs in them (the print page's fonts), go to main's app:// handler.
      if (url.startsWith(`${PAGE_ORIGIN}/`) || url.startsWith('app://')) {
        const appUrl = toAppUrl(url);
        seen.protocolRequests.push(appUrl);
        const handler = protocolHandlers.get('app');
        if (!handler) return route.abort('failed');
        const response = await handler(new Request(appUrl, { method: route.request().method() }));
        // Chromium here knows no app:// scheme, so absolute app:// URLs in HTML and CSS are shown
        // under the page's origin too (Electron resolves them in its registered standard scheme).
        const type = response.headers.get('content-type') ?? '';
        const body = /^text\/(html|css)/.test(type)
          ? Buffer.from((await response.text()).replaceAll('app://nianbao/', `${PAGE_ORIGIN}/`))
          : Buffer.from(await response.arrayBuffer());
        return route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body });
      }
      // Network requests go through webRequest, which may cancel them.
      const contents = contentsByPage.get(route.request().frame().page());
      const cancel = await new Promise<boolean>((resolve) => {
        if (!webRequestHandler) return resolve(false);
        webRequestHandler({ url, webContentsId: contents?.idForStandIn, resourceType: route.request().resourceType() }, (r) => resolve(r.cancel));
      });
      seen.webRequests.push({ url, cancel });
      return cancel ? route.abort('blockedbyclient') : route.abort('internetdisconnected');
    });
    return { browser: launched, context };
  })();
  return browser;
}

/** The real preload bundle, run in the page with `require('electron')` answered by a bridge to main. */
function preloadScript(file: string): string {
  const bundle = readFileSync(file, 'utf8');
  return `(() => {
    const listeners = new Map();
    window.__standInDeliver = (channel, args) => { for (const l of listeners.get(channel) ?? []) l({}, ...args); };
    const electron = {
      contextBridge: { exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value, enumerable: true }) },
      ipcRenderer: {
        invoke: (channel, args) => window.__standInInvoke(channel, args),
        send: (channel, ...args) => void window.__standInSend(channel, args),
        on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener); },
        removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
      },
    };
    const require = (name) => { if (name !== 'electron') throw new Error('a sandboxed preload cannot require ' + name); return electron; };
    const module = { exports: {} };
    (function (require, module, exports) {\n${bundle}\n})(require, module, module.exports);
  })();`;
}

let lastContentsId = 0;

class WebContents extends EventEmitter {
  readonly idForStandIn = ++lastContentsId;
  readonly mainFrame = { url: 'about:blank', parent: null };
  #destroyed = false;
  readonly page: Promise<Page>;
  #openHandler: Listener | undefined;

  constructor(preload: string | undefined) {
    super();
    this.page = chromiumContext().then(async ({ context }) => {
      const page = await context.newPage();
      contentsByPage.set(page, this);
      page.on('pageerror', (error) => seen.pageErrors.push(error.message));
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) this.mainFrame.url = toAppUrl(frame.url());
      });
      if (preload) await page.addInitScript(preloadScript(preload));
      return page;
    });
  }

  #alive(): void {
    if (this.#destroyed) throw new TypeError(DESTROYED);
  }
  get id(): number {
    this.#alive();
    return this.idForStandIn;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  setWindowOpenHandler(handler: Listener): void {
    this.#alive();
    this.#openHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.#alive();
    void this.page.then((page) => page.evaluate(([c, a]) => (window as unknown as { __standInDeliver(c: string, a: unknown[]): void }).__standInDeliver(c, a), [channel, args] as const)).catch(() => {});
  }
  async executeJavaScript(code: string): Promise<unknown> {
    this.#alive();
    return (await this.page).evaluate(code);
  }
  async printToPDF(options: { pageSize?: string; preferCSSPageSize?: boolean; printBackground?: boolean }): Promise<Buffer> {
    this.#alive();
    return (await this.page).pdf({ format: options.pageSize ?? 'Letter', preferCSSPageSize: options.preferCSSPageSize ?? false, printBackground: options.printBackground ?? false });
  }
  async load(url: string): Promise<void> {
    this.#alive();
    if (url.startsWith('file:')) {
      // protocol.handle('file') intercepts file:// loads; without a handler Chromium reads the file.
      seen.protocolRequests.push(url);
      const handler = protocolHandlers.get('file');
      const response = handler ? await handler(new Request(url)) : undefined;
      if (response && response.status !== 200) throw new Error(`ERR_FAILED (${response.status}) loading '${url}'`);
    }
    await (await this.page).goto(toPageUrl(url), { waitUntil: 'load' });
  }
  /** Electron closes the page (unload runs) and destroys the webContents. */
  async destroyPage(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    await (await this.page).close({ runBeforeUnload: false }).catch(() => {});
    this.emit('destroyed');
  }
}

const allWindows = new Set<BrowserWindow>();

class BrowserWindow extends EventEmitter {
  #destroyed = false;
  readonly #contents: WebContents;
  readonly #record: { options: Record<string, unknown>; url?: string };
  #maximized = false;

  static getAllWindows(): BrowserWindow[] {
    return [...allWindows];
  }

  constructor(options: Record<string, unknown> = {}) {
    super();
    const webPreferences = (options.webPreferences ?? {}) as { preload?: string };
    this.#contents = new WebContents(webPreferences.preload);
    this.#record = { options };
    seen.windows.push(this.#record);
    allWindows.add(this);
    app.emit('web-contents-created', preventable().event, this.#contents);
  }

  #alive(): void {
    if (this.#destroyed) throw new TypeError(DESTROYED);
  }
  get webContents(): WebContents {
    this.#alive();
    return this.#contents;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  async loadURL(url: string): Promise<void> {
    this.#alive();
    this.#record.url = url;
    await this.#contents.load(url);
  }
  show(): void {
    this.#alive();
  }
  focus(): void {
    this.#alive();
  }
  restore(): void {
    this.#alive();
  }
  isMinimized(): boolean {
    this.#alive();
    return false;
  }
  maximize(): void {
    this.#alive();
    this.#maximized = true;
  }
  isMaximized(): boolean {
    this.#alive();
    return this.#maximized;
  }
  getNormalBounds() {
    this.#alive();
    return { x: 0, y: 0, width: 1366, height: 728 };
  }
  /** As the user's click on the close button: 'close' may prevent it. */
  close(): void {
    this.#alive();
    setImmediate(() => {
      if (this.#destroyed) return;
      const { event, prevented } = preventable();
      record('close');
      this.emit('close', event);
      if (prevented()) return app.closeCancelled();
      void this.#tearDown();
    });
  }
  /** No 'close', but 'closed'. */
  destroy(): void {
    if (!this.#destroyed) void this.#tearDown();
  }
  async #tearDown(): Promise<void> {
    this.#destroyed = true;
    await this.#contents.destroyPage();
    allWindows.delete(this);
    record('closed');
    this.emit('closed');
    app.windowClosed();
  }
}

function record(event: string): void {
  seen.lifecycle.push(event);
}

class App extends EventEmitter {
  isPackaged = false;
  #quitting = false;
  #exiting = false;
  readonly #paths: Record<string, string> = {};

  constructor(root: string) {
    super();
    for (const name of ['userData', 'logs', 'documents', 'temp']) this.#paths[name] = join(root, name);
  }
  getVersion = () => '0.0.0-stand-in';
  getName = () => '年报';
  getPath = (name: string) => this.#paths[name] ?? join(process.env.NIANBAO_STAND_IN_DIR!, name);
  getAppPath = () => join(import.meta.dirname, '..', '..');
  requestSingleInstanceLock = () => true;
  whenReady = () => Promise.resolve();

  quit(): void {
    setImmediate(() => {
      if (this.#quitting || this.#exiting) return;
      const { event, prevented } = preventable();
      record('before-quit');
      this.emit('before-quit', event);
      if (prevented()) return;
      this.#quitting = true;
      if (allWindows.size === 0) return this.#willQuit();
      for (const window of allWindows) window.close();
    });
  }
  /** A window refused to close: the quit is off. */
  closeCancelled(): void {
    this.#quitting = false;
  }
  windowClosed(): void {
    if (allWindows.size > 0 || this.#exiting) return;
    if (this.#quitting) return this.#willQuit();
    record('window-all-closed');
    if (this.listenerCount('window-all-closed') === 0) this.quit();
    else this.emit('window-all-closed');
  }
  #willQuit(): void {
    const { event, prevented } = preventable();
    record('will-quit');
    this.emit('will-quit', event);
    if (prevented()) {
      this.#quitting = false;
      return;
    }
    record('quit');
    this.emit('quit', event, 0);
    void this.#end(0);
  }
  exit(code = 0): void {
    record(`exit ${code}`);
    if (code !== 0) seen.errors.push(`exit ${code}`);
    void this.#end(code);
  }
  /** Windows ends the session: every window hears it; nothing else is emitted. */
  endSession(): void {
    for (const window of allWindows) {
      record('query-session-end');
      window.emit('query-session-end', { ...preventable().event, reasons: ['logoff'] });
    }
    for (const window of allWindows) {
      record('session-end');
      window.emit('session-end', { ...preventable().event, reasons: ['logoff'] });
    }
    setTimeout(() => {
      record('killed by the system');
      void this.#end(137);
    }, SESSION_END_GRACE_MS).unref();
  }
  async #end(code: number): Promise<void> {
    if (this.#exiting) return;
    this.#exiting = true;
    for (const window of allWindows) window.destroy();
    await browser?.then(({ browser: b }) => b.close()).catch(() => {});
    process.stdout.write(`STAND-IN-EXIT ${JSON.stringify({ code, lifecycle: seen.lifecycle, errors: seen.errors, pageErrors: seen.pageErrors })}\n`, () => process.exit(code));
  }
}

class IpcMain extends EventEmitter {
  readonly #handlers = new Map<string, Listener>();
  handle(channel: string, handler: Listener): void {
    this.#handlers.set(channel, handler);
  }
  channels(): string[] {
    return [...this.#handlers.keys()];
  }
  async invoke(sender: WebContents, channel: string, args: unknown, senderFrame: unknown = sender.mainFrame): Promise<unknown> {
    const handler = this.#handlers.get(channel) as ((event: object, args: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame }, args);
  }
}

const app = new App(process.env.NIANBAO_STAND_IN_DIR!);
const ipcMain = new IpcMain();

const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener) => void (permissionHandler = handler),
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
    webRequest: { onBeforeRequest: (handler: typeof webRequestHandler) => void (webRequestHandler = handler) },
    on: () => {},
    protocol: { handle: (scheme: string, handler: ProtocolHandler) => void protocolHandlers.set(scheme, handler) },
  },
};

function menuItems(template: MenuItem[]): MenuItem[] {
  return template.flatMap((item) => [item, ...menuItems(item.submenu ?? [])]);
}

const electron = {
  app,
  ipcMain,
  BrowserWindow,
  session,
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => void seen.schemes.push(...schemes) },
  Menu: {
    buildFromTemplate: (template: MenuItem[]) => ((seen.menu = template), {}),
    setApplicationMenu: () => {},
  },
  dialog: {
    showErrorBox: (title: string, message: string) => void seen.errors.push(`${title}：${message}`),
    showOpenDialog: async () => ({ canceled: false, filePaths: [process.env.NIANBAO_STAND_IN_OPEN] }),
    showSaveDialog: async () => ({ canceled: true }),
  },
  shell: { showItemInFolder: () => {}, openPath: async () => '' },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 768 } }],
    getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 768 } }),
  },
};

/** Controls for the test scenarios (standInScenarios.ts). */
export const standIn = {
  app,
  ipcMain,
  BrowserWindow,
  protocolHandler: (scheme: string) => protocolHandlers.get(scheme),
  /** Asks the webRequest handler as Electron would for a network request. */
  webRequest: (url: string, webContentsId?: number) =>
    new Promise<boolean>((resolve) => webRequestHandler!({ url, webContentsId }, (r) => resolve(r.cancel))),
  permission: (permission: string) => new Promise<boolean>((resolve) => (permissionHandler as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, permission, resolve)),
  /** The menu item as the user picks it: its click, or its role's action (role 'quit': app.quit()). */
  pick(match: (item: MenuItem) => boolean): void {
    const item = menuItems(seen.menu).find(match);
    if (!item) throw new Error('no such menu item');
    if (item.click) item.click();
    else if (item.role === 'quit') app.quit();
    else throw new Error(`the stand-in does not carry out role ${item.role}`);
  },
  menuItems: () => menuItems(seen.menu),
  page: async (window: BrowserWindow) => window.webContents.page,
};

// Electron turns SIGINT and SIGTERM into app.quit().
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

(process as { resourcesPath?: string }).resourcesPath = join(process.env.NIANBAO_STAND_IN_DIR!, 'resources');
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
