import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { relative, isAbsolute } from 'node:path';
import { app } from 'electron';
import type { IpcMainInvokeEvent, Session, WebFrameMain } from 'electron';
import { APP_ORIGIN } from './protocol.ts';

/**
 * The Electron security checklist in one place: no navigation, no new windows, no
 * webviews, no downloads, every permission denied, and no request leaves the app.
 */

export interface TrustedPages {
  /** The origin of the app's pages: app://nianbao, or the dev server in `npm run dev`. */
  readonly origin: string;
  /** webContents ids of the app's own windows (print windows are not among them). */
  readonly windows: ReadonlySet<number>;
  /** Folders the print windows may read file:// URLs from (the print page, the fonts). */
  readonly printFolders: readonly string[];
}

function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function isAllowedRequest(url: string, webContentsId: number | undefined, pages: TrustedPages): boolean {
  if (url.startsWith(`${pages.origin}/`) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (pages.origin !== APP_ORIGIN) {
    // The dev server's hot reload talks over a WebSocket on the same host.
    const dev = new URL(pages.origin);
    if (url.startsWith(`ws://${dev.host}/`)) return true;
  }
  // Print and PDF windows load the print page from a temporary file with the bundled fonts.
  if (url.startsWith('file://') && webContentsId !== undefined && !pages.windows.has(webContentsId)) {
    const path = fileURLToPath(url);
    return [...pages.printFolders, tmpdir()].some((folder) => isWithin(folder, path));
  }
  return false;
}

export function hardenSession(session: Session, pages: TrustedPages): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, details.webContentsId, pages);
    if (!allowed) console.warn(`已阻止网络请求：${details.url}`);
    callback({ cancel: !allowed });
  });
  session.on('will-download', (event) => event.preventDefault());
}

/** Applies to every webContents, including the print windows. */
export function refuseNavigationAndWindows(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** An IPC message counts only from the main frame of one of the app's windows, showing the app's own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, pages: TrustedPages): boolean {
  const frame: WebFrameMain | null = event.senderFrame;
  if (!frame || frame.parent !== null || !pages.windows.has(event.sender.id)) return false;
  return frame === event.sender.mainFrame && frame.url.startsWith(`${pages.origin}/`);
}
