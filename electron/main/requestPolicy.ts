import { APP_ORIGIN } from './appOrigin.ts';

/**
 * Which network requests the app may make: none but, in `npm run dev`, the dev server. Kept
 * free of Electron so it can be tested in Node; security.ts applies it to the session's
 * webRequest, which Electron calls for http(s) and ws(s) requests. It is not called for
 * app://, file://, data: or blob: (electron/electron#45865, #45903, fix pending in #45915):
 * the app's own files are guarded where they are served (protocol.ts), and file:// is
 * refused there outright.
 */

export interface TrustedPages {
  /** The origin of the app's pages: app://nianbao, or the dev server in `npm run dev`. */
  readonly origin: string;
  /** webContents ids of the app's own windows (print windows are not among them). */
  readonly windows: ReadonlySet<number>;
}

/**
 * Whether webRequest lets a request through. The app's origin, devtools, data: and blob:
 * stay allowed should a later Electron call webRequest for them too (#45915).
 */
export function isAllowedRequest(url: string, pages: TrustedPages): boolean {
  if (url.startsWith(`${pages.origin}/`) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) return true;
  // The dev server's hot reload talks over a WebSocket on the same host.
  return pages.origin !== APP_ORIGIN && url.startsWith(`ws://${new URL(pages.origin).host}/`);
}

/** The frame that sent an IPC message, as far as the check needs it. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** An IPC message counts only from the main frame of one of the app's windows, showing the app's own page. */
export function isTrustedFrame(
  sender: { readonly id: number; readonly mainFrame: unknown },
  frame: SenderFrame | null,
  pages: TrustedPages,
): boolean {
  if (!frame || frame.parent !== null || frame !== sender.mainFrame || !pages.windows.has(sender.id)) return false;
  return frame.url.startsWith(`${pages.origin}/`);
}
