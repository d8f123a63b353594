import { randomUUID } from 'node:crypto';
import { APP_ORIGIN } from './appOrigin.ts';

/**
 * The print layout's HTML, held in memory while a hidden print or PDF window shows it and
 * served by the app's own protocol as `app://nianbao/print/<random id>.html`, with the
 * fonts from `app://nianbao/fonts/`. No file is written and no file:// URL is loaded, so
 * every request of a print window passes the app:// handler (protocol.ts), where the
 * request policy really runs: Electron's webRequest is not called for app:// or file://.
 */

export const PRINT_PATH = '/print/';
/** Where the print layout finds the bundled fonts (`fontBaseUrl`), served under the app's origin. */
export const PRINT_FONT_BASE_URL = `${APP_ORIGIN}/fonts/`;

const pages = new Map<string, string>();

/** Runs `use` with the URL that serves `html` until `use` has finished. */
export async function withPrintPage<T>(html: string, use: (url: string) => Promise<T>): Promise<T> {
  const id = randomUUID();
  pages.set(id, html);
  try {
    return await use(`${APP_ORIGIN}${PRINT_PATH}${id}.html`);
  } finally {
    pages.delete(id);
  }
}

/** The HTML a print URL path names while its window shows it; undefined for anything else. */
export function printPageAt(urlPath: string): string | undefined {
  const id = /^\/print\/([0-9a-f-]{36})\.html$/.exec(urlPath)?.[1];
  return id === undefined ? undefined : pages.get(id);
}
