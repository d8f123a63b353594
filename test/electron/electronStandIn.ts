import Module from 'node:module';
import { join } from 'node:path';

/**
 * Loaded with `node --import` before dist/electron/main.cjs: answers `require('electron')`
 * with a stand-in that records what main sets up (no Electron binary can be downloaded
 * here), then exercises the recorded protocol handler, request filter, permission
 * handler and IPC handlers, and prints what it saw as JSON.
 */

type Fn = (...args: never[]) => unknown;
const root = process.env.NIANBAO_STAND_IN_DIR!;
const repo = join(import.meta.dirname, '..', '..');
const seen = {
  schemes: [] as unknown[],
  ipc: new Map<string, Fn>(),
  protocol: undefined as undefined | ((request: Request) => Promise<Response>),
  webRequest: undefined as undefined | Fn,
  permission: undefined as undefined | Fn,
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  menu: [] as { label?: string }[],
  errors: [] as string[],
};
const appEvents = new Map<string, Fn>();
const mainFrame = { url: 'app://nianbao/index.html', parent: null };

class BrowserWindow {
  readonly webContents = { id: seen.windows.length + 1, mainFrame, send: () => {} };
  readonly record: { options: Record<string, unknown>; url?: string };
  constructor(options: Record<string, unknown>) {
    this.record = { options };
    seen.windows.push(this.record);
  }
  on() {}
  once() {}
  async loadURL(url: string) {
    this.record.url = url;
  }
}

const electron = {
  app: {
    isPackaged: false,
    getVersion: () => '0.0.0-stand-in',
    getPath: (name: string) => join(root, name),
    getAppPath: () => repo,
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: Fn) => void appEvents.set(event, listener),
    whenReady: () => Promise.resolve(),
    quit: () => {},
    exit: (code: number) => {
      seen.errors.push(`exit ${code}`);
    },
  },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => void seen.schemes.push(...schemes) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Fn) => void (seen.permission = handler),
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
      webRequest: { onBeforeRequest: (handler: Fn) => void (seen.webRequest = handler) },
      on: () => {},
      protocol: { handle: (_scheme: string, handler: typeof seen.protocol) => void (seen.protocol = handler) },
    },
  },
  ipcMain: { handle: (channel: string, handler: Fn) => void seen.ipc.set(channel, handler) },
  BrowserWindow,
  Menu: {
    buildFromTemplate: (template: { label?: string }[]) => ((seen.menu = template), {}),
    setApplicationMenu: () => {},
  },
  dialog: {
    showErrorBox: (title: string, message: string) => void seen.errors.push(`${title}：${message}`),
    showOpenDialog: async () => ({ canceled: false, filePaths: [process.env.NIANBAO_STAND_IN_OPEN] }),
  },
  shell: { showItemInFolder: () => {}, openPath: async () => '' },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 768 } }],
    getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 768 } }),
  },
};

(process as { resourcesPath?: string }).resourcesPath = join(root, 'resources');
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

async function exercise() {
  const page = await seen.protocol!(new Request('app://nianbao/index.html'));
  const outside = await seen.protocol!(new Request('app://nianbao/../package.json'));
  const cancelled = (url: string, webContentsId: number) =>
    new Promise((resolve) => (seen.webRequest as (d: object, cb: (r: { cancel: boolean }) => void) => void)({ url, webContentsId }, (r) => resolve(r.cancel)));
  const permission = await new Promise((resolve) => (seen.permission as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', resolve));
  const sender = { id: 1, mainFrame };
  const invoke = (channel: string, event: object, args: unknown) => (seen.ipc.get(channel) as (e: object, a: unknown) => Promise<unknown>)(event, args);
  return {
    schemes: seen.schemes,
    channels: [...seen.ipc.keys()],
    page: { status: page.status, csp: page.headers.get('content-security-policy'), html: (await page.text()).includes('<div id="root">') },
    outsideStatus: outside.status,
    remoteCancelled: await cancelled('https://example.com/', 1),
    appFileCancelled: await cancelled('app://nianbao/index.html', 1),
    permission,
    window: seen.windows[0],
    menu: seen.menu.map((m) => m.label),
    trusted: await invoke('nianbao:agencies:list', { sender, senderFrame: mainFrame }, {}),
    badArgs: await invoke('nianbao:agencies:list', { sender, senderFrame: mainFrame }, { bogus: 1 }),
    imported: await invoke('nianbao:import:read', { sender, senderFrame: mainFrame }, {}),
    untrusted: await invoke('nianbao:agencies:list', { sender, senderFrame: { url: 'app://nianbao/index.html', parent: mainFrame } }, {}),
    errors: seen.errors,
  };
}

const started = Date.now();
const poll = setInterval(() => {
  if (seen.windows.length === 0 && seen.errors.length === 0 && Date.now() - started < 60_000) return;
  clearInterval(poll);
  exercise().then(
    async (result) => {
      console.log(`STAND-IN-RESULT ${JSON.stringify(result)}`);
      // Lets main close the store, as at quit.
      appEvents.get('before-quit')?.({ preventDefault: () => {} } as never);
      setTimeout(() => process.exit(0), 500);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}, 50);
