import { app } from 'electron';
import type { IpcMainEvent, IpcMainInvokeEvent, Session } from 'electron';
import { isAllowedRequest, isTrustedFrame } from './requestPolicy.ts';
import type { TrustedPages } from './requestPolicy.ts';

/**
 * The Electron security checklist in one place: no navigation, no new windows, no
 * webviews, no downloads, every permission denied, and no request leaves the app.
 */

export function hardenSession(session: Session, pages: TrustedPages): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, pages);
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

export function isTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent, pages: TrustedPages): boolean {
  return isTrustedFrame(event.sender, event.senderFrame, pages);
}
