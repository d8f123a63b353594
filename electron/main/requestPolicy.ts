import { tmpdir } from 'node:os';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN } from './appOrigin.ts';

/**
 * Which requests the app may make: its own pages' files and nothing else. Kept free of
 * Electron so it can be tested in Node; security.ts applies it to the session.
 */

export interface TrustedPages {
  /** The origin of the app's pages: app://nianbao, or the dev server in `npm run dev`. */
  readonly origin: string;
  /** webContents ids of the app's own windows (print windows are not among them). */
  readonly windows: ReadonlySet<number>;
  /** Folders the print windows may read file:// URLs from (besides the temporary folder of the print page). */
  readonly printFolders: readonly string[];
}

function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export function isAllowedRequest(url: string, webContentsId: number | undefined, pages: TrustedPages): boolean {
  if (url.startsWith(`${pages.origin}/`) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (pages.origin !== APP_ORIGIN && url.startsWith(`ws://${new URL(pages.origin).host}/`)) {
    // The dev server's hot reload talks over a WebSocket on the same host.
    return true;
  }
  // Print and PDF windows load the print page from a temporary file with the bundled fonts.
  if (url.startsWith('file://') && webContentsId !== undefined && !pages.windows.has(webContentsId)) {
    const path = fileURLToPath(url);
    return [...pages.printFolders, tmpdir()].some((folder) => isWithin(folder, path));
  }
  return false;
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
