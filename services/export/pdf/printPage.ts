import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
