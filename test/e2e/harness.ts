/**
 * End-to-end harness: the BUILT renderer (dist/renderer, `npm run build`) in Debian's
 * Chromium, with the same `window.nianbao` API the Electron preload installs, backed by
 * the very handlers Electron main registers (services/app `createHandlers`) over the
 * real services and a real, temporary database.
 *
 *   import { startHarness } from './harness.ts';
 *
 *   const harness = await startHarness();            // opens APP_URL at 1366×768
 *   const { page } = harness;
 *   await page.getByRole('button', { name: '新建机关' }).click();
 *   harness.dialogs.answerSave(join(dir, 'out.docx')); // the next save dialog picks this path
 *   harness.dialogs.answerOpen(null);                  // the next open dialog is cancelled
 *   await harness.menu('export-docx');                 // as if chosen in the native menu
 *   await harness.call('nianbao:agencies:list', {});   // a call as the page would make it
 *   await harness.screenshot('01-home');               // test-output/e2e/01-home.png
 *   await harness.reload();                            // same database, fresh page
 *   await harness.close();                             // throws on a request that left the app
 *
 * What it checks for every test: each request the page makes is recorded
 * (`harness.requests`); one that leaves the app's own files (anything but APP_ORIGIN,
 * data: and blob:) is blocked and makes `close()` throw, as do uncaught page errors and
 * Content-Security-Policy violations. The app's files are served with the app's CSP
 * (services/app/appFiles.ts), as the app:// protocol serves them.
 *
 * Native dialogs are answered from queues the test fills (`dialogs.answerSave/answerOpen`;
 * an unexpected dialog fails the call and `close()`); printing records the print HTML
 * (`printed`); "show in folder" records the path (`shownInFolder`). PDF export and
 * preview use a real Chromium PDF printer, started on first use.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
// Declares window.nianbao for the tests' page.evaluate callbacks.
import type {} from '../../renderer/nianbao-api.d.ts';
import { isChannel } from '../../shared/ipc/contract.ts';
import type { Channel, ChannelArgs, IpcResponse, MenuCommand } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/model/validation.ts';
import { readAppFile } from '../../services/app/appFiles.ts';
import type { AppDeps, FolderDialogRequest, OpenDialogRequest, SaveDialogRequest } from '../../services/app/deps.ts';
import type { Handlers } from '../../services/app/registry.ts';
import { findChromium, OFFLINE_CHROMIUM_ARGS } from '../../services/chromium/findChromium.ts';
import { launchChromiumPdfPrinter } from '../../services/export/pdf/chromiumPdfPrinter.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';
import { openStore } from '../../services/store/index.ts';
import type { Store } from '../../services/store/index.ts';
import type { HeavyWork } from '../../services/worker/heavyWork.ts';
import { realHandlers } from '../support/realHandlers.ts';
import { testOutputDir } from '../support/tools.ts';
import { actAfterOverlaysOpened } from './overlaysOpened.ts';
import { settledScreenshot } from './settledScreenshot.ts';

const REPO = join(import.meta.dirname, '..', '..');
const RENDERER_DIR = join(REPO, 'dist', 'renderer');

/** The page's origin: a name that can never resolve, served entirely by the harness. */
export const APP_ORIGIN = 'https://app.nianbao.invalid';
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** 1366×768: the common office screen. */
export const VIEWPORT = { width: 1366, height: 768 };

export interface HarnessOptions {
  /** Use this data directory (kept); default: a fresh temporary one, removed by `close()`. */
  readonly dataDir?: string;
  readonly clock?: () => Date;
  /** Open APP_URL and wait for the page to load (default true). */
  readonly open?: boolean;
  /** The heavy work behind the handlers (default: in-process). */
  readonly heavy?: HeavyWork;
}

export interface DialogAnswers {
  /** The path the next save dialog returns (null: the user cancels). */
  answerSave(path: string | null): void;
  /** The path the next open dialog returns (null: the user cancels). */
  answerOpen(path: string | null): void;
  /** The paths the next open dialog for several files returns (null: the user cancels). */
  answerOpenMany(paths: readonly string[] | null): void;
  /** The folder the next folder dialog returns (null: the user cancels). */
  answerFolder(path: string | null): void;
  /** Every dialog shown, in order. */
  readonly shown: readonly (
    | { kind: 'save'; request: SaveDialogRequest }
    | { kind: 'open' | 'openMany'; request: OpenDialogRequest }
    | { kind: 'folder'; request: FolderDialogRequest }
  )[];
}

export interface Harness {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly dataDir: string;
  readonly store: Store;
  readonly handlers: Handlers;
  readonly dialogs: DialogAnswers;
  /** Every URL the page requested, in order. */
  readonly requests: readonly string[];
  /** Requests that would have left the app (blocked). */
  readonly foreignRequests: readonly string[];
  /** Uncaught errors and CSP violations in the page. */
  readonly pageErrors: readonly string[];
  /** Print-layout HTML sent to the system printer. */
  readonly printed: readonly string[];
  readonly shownInFolder: readonly string[];
  /** Calls a channel as the page would (same validation), returning the raw response. */
  call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<IpcResponse>;
  /** Delivers a native-menu command to the page. */
  menu(command: MenuCommand): Promise<void>;
  /** Asks the page to save what is pending, as main does before closing the window; resolves when it has. */
  flush(): Promise<void>;
  /** Reloads the page (same database, same API). */
  reload(): Promise<void>;
  /** Saves a screenshot of the page to test-output/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes everything; throws when a request left the app, or on page errors or unanswered dialogs. */
  close(): Promise<void>;
}

/** The harness preload (test/e2e/harnessPreload.ts) as one script for `addInitScript`. */
async function preloadScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'harnessPreload.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Starts Chromium's PDF printer the first time a PDF is asked for. */
function lazyPdfPrinter(): PdfPrinter {
  let started: Promise<Result<PdfPrinter>> | undefined;
  return {
    async print(html) {
      started ??= launchChromiumPdfPrinter();
      const printer = await started;
      return printer.ok ? printer.value.print(html) : printer;
    },
    async close() {
      const printer = await started;
      if (printer?.ok) await printer.value.close();
    },
  };
}

function dialogQueue(failures: string[]): DialogAnswers & AppDeps['dialogs'] {
  const saves: (string | null)[] = [];
  const opens: (string | null)[] = [];
  const openMany: (readonly string[] | null)[] = [];
  const folders: (string | null)[] = [];
  const shown: DialogAnswers['shown'][number][] = [];
  const next = <T,>(queue: T[], title: string): T => {
    if (queue.length === 0) {
      const message = `测试没有为对话框“${title}”准备答案（harness.dialogs.answerSave/answerOpen/answerOpenMany/answerFolder）`;
      failures.push(message);
      throw new Error(message);
    }
    return queue.shift()!;
  };
  return {
    shown,
    answerSave: (path) => void saves.push(path),
    answerOpen: (path) => void opens.push(path),
    answerOpenMany: (paths) => void openMany.push(paths),
    answerFolder: (path) => void folders.push(path),
    async chooseSavePath(request) {
      shown.push({ kind: 'save', request });
      return next(saves, request.title);
    },
    async chooseOpenPath(request) {
      shown.push({ kind: 'open', request });
      return next(opens, request.title);
    },
    async chooseOpenPaths(request) {
      shown.push({ kind: 'openMany', request });
      return next(openMany, request.title);
    },
    async chooseFolder(request) {
      shown.push({ kind: 'folder', request });
      return next(folders, request.title);
    },
  };
}

function isOwnRequest(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`没有找到构建好的界面（${RENDERER_DIR}/index.html）：请先运行 npm run build。`);
  }
  const chromiumPath = findChromium();
  if (!chromiumPath.ok) throw new Error(chromiumPath.error);
  const fontRoot = findFontRoot([DEVELOPMENT_FONT_ROOT]);
  if (!fontRoot.ok) throw new Error(fontRoot.error);

  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const opened = openStore({ dataDir, ...(options.clock ? { clock: options.clock } : {}) });
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;

  const failures: string[] = [];
  const requests: string[] = [];
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const dialogs = dialogQueue(failures);
  const pdfPrinter = lazyPdfPrinter();
  const { handlers, printed, shownInFolder } = realHandlers({
    store,
    pdfPrinter,
    fontRoot: fontRoot.value,
    dialogs,
    clock: options.clock ?? (() => new Date()),
    logsDir: join(dataDir, 'logs'),
    heavy: options.heavy,
  });

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath.path, args: OFFLINE_CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', serviceWorkers: 'block', acceptDownloads: false });
    const roots = { renderer: RENDERER_DIR, fonts: fontRoot.value.dir };
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== APP_ORIGIN) return route.abort('blockedbyclient');
      const file = await readAppFile(roots, url.pathname);
      return route.fulfill({ status: file.status, headers: { ...file.headers }, body: Buffer.from(file.body) });
    });
    // Only the app's own page may call, as main's sender check allows only the app's main frame.
    await context.exposeBinding('__nianbaoInvoke', async (source, channel: unknown, args: unknown): Promise<IpcResponse> => {
      if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(`${APP_ORIGIN}/`)) {
        return { ok: false, error: '请求来自不受信任的页面，已拒绝。' };
      }
      if (typeof channel !== 'string' || !isChannel(channel)) return { ok: false, error: `未知的请求“${String(channel)}”。` };
      return handlers[channel](args);
    });
    await context.addInitScript({ content: await preloadScript() });

    const page = await context.newPage();
    await actAfterOverlaysOpened(page);
    page.on('request', (request) => {
      requests.push(request.url());
      if (!isOwnRequest(request.url())) foreignRequests.push(request.url());
    });
    page.on('websocket', (socket) => foreignRequests.push(socket.url()));
    page.on('pageerror', (error) => pageErrors.push(`页面错误：${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(`CSP：${message.text()}`);
    });
    if (options.open ?? true) await page.goto(APP_URL, { waitUntil: 'load' });

    const ownBrowser = browser;
    return {
      page,
      context,
      dataDir,
      store,
      handlers,
      dialogs,
      requests,
      foreignRequests,
      pageErrors,
      printed,
      shownInFolder,
      call: (channel, args) => handlers[channel](args),
      menu: (command) => page.evaluate((c) => (window as unknown as { __nianbaoMenu(c: string): void }).__nianbaoMenu(c), command),
      flush: () => page.evaluate(() => (window as unknown as { __nianbaoFlush(): Promise<void> }).__nianbaoFlush()),
      reload: async () => void (await page.reload({ waitUntil: 'load' })),
      async screenshot(name) {
        const path = join(testOutputDir('e2e'), `${name}.png`);
        await settledScreenshot(page, path);
        return path;
      },
      async close() {
        await ownBrowser.close();
        await pdfPrinter.close();
        await store.close();
        if (temporary) rmSync(dataDir, { recursive: true, force: true });
        const problems = [
          ...foreignRequests.map((url) => `页面请求了应用以外的地址：${url}`),
          ...pageErrors,
          ...failures,
        ];
        if (problems.length > 0) throw new Error(`端到端测试发现问题：\n${problems.join('\n')}`);
      },
    };
  } catch (error) {
    await browser?.close();
    await pdfPrinter.close();
    await store.close();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
