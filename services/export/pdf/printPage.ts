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

/**
 * Resolves when every web font the page uses has loaded: Chromium would print a substitute.
 * Layout runs first: a page whose content was just replaced asks for the fonts of its new
 * characters when it is laid out, and the CSS Font Loading spec has `fonts.ready` wait only
 * for fonts already asked for (Chromium lays out there too today; this does not rely on it).
 */
const FONTS_READY_SCRIPT = '(void document.body.offsetHeight, document.fonts.ready.then(() => document.fonts.status))';

/**
 * What of a print page must be the same for the next one to be shown in its place: the
 * page up to the end of its head (stylesheets, font rules, the page's attributes) except
 * the title and metadata, which differ from report to report.
 */
export function printPageFrame(html: string): string {
  const headEnd = html.indexOf('</head>');
  return (headEnd < 0 ? html : html.slice(0, headEnd)).replace(/<title>[\s\S]*?<\/title>|<meta [^>]*>/g, '<title-or-meta>');
}

/**
 * Shows the next print page in a page showing one with the same `printPageFrame`, without
 * loading a new document: its title, metadata and body are replaced, and the document
 * keeps the fonts it has loaded and decoded (a new document decodes every font file again,
 * about half of a print's time). Plain JavaScript in a string: it runs in the print page
 * (Chromium's evaluate, Electron's executeJavaScript), where DOMParser parses the HTML
 * inert (no script runs). Evaluates to false, changing nothing, if the heads do not match.
 */
export function showInPlaceScript(html: string): string {
  return `((html) => {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const replaced = [...document.head.querySelectorAll(':scope > title, :scope > meta')];
  const incoming = [...next.head.querySelectorAll(':scope > title, :scope > meta')];
  if (replaced.length !== incoming.length || !document.body) return false;
  replaced.forEach((element, i) => element.replaceWith(document.adoptNode(incoming[i])));
  document.body.replaceWith(document.adoptNode(next.body));
  return true;
})(${JSON.stringify(html)})`;
}

/** First line of an error: browsers append call logs that mean nothing to a clerk. */
export function errorSummary(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

/** Where print pages are shown: the Node printer's Chromium page, the Electron printer's hidden window. */
export interface PrintSurface {
  /** Evaluates a script in the page shown. */
  run(script: string): Promise<unknown>;
  /** Loads the HTML as a new document. */
  load(html: string): Promise<unknown>;
}

/**
 * Shows `html` on `surface` ready to print, its fonts loaded: in place when the surface
 * shows a page with the same frame (`shownFrame`, undefined for a new surface), loaded
 * anew otherwise. Returns the frame the surface shows now.
 */
export async function showPrintPage(surface: PrintSurface, html: string, shownFrame: string | undefined): Promise<string> {
  const frame = printPageFrame(html);
  const inPlace = frame === shownFrame && (await surface.run(showInPlaceScript(html))) === true;
  if (!inPlace) await surface.load(html);
  await surface.run(FONTS_READY_SCRIPT);
  return frame;
}
