import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What both printers (Chromium in Node, the Electron window) do alike to load a print page. */

/**
 * Runs `use` with the HTML saved as a temporary file and passes its file:// URL. A page
 * loaded from a file may load the fonts under a file:// font root; one loaded from a
 * string (data: URL, setContent) may not.
 */
export async function withHtmlFile<T>(html: string, use: (url: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-print-'));
  try {
    const file = join(dir, 'report.html');
    await writeFile(file, html, 'utf8');
    return await use(pathToFileURL(file).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Resolves when every web font the page uses has loaded: Chromium would print a substitute. */
export const FONTS_READY_SCRIPT = 'document.fonts.ready.then(() => document.fonts.status)';

/** First line of an error: browsers append call logs that mean nothing to a clerk. */
export function errorSummary(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
