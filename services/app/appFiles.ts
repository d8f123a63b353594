import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { fontFiles } from '../fonts/fontRoot.ts';

/**
 * The app's own files as the page receives them: the built renderer, and the bundled
 * fonts under `fonts/` (for the print layout's `fontBaseUrl`, `new URL('fonts/',
 * location.href)`). Electron's `app://` protocol and the test harness both serve
 * through this, with the same headers, so the tests run under the app's CSP.
 */

export interface AppFileRoots {
  /** The built renderer (dist/renderer). */
  readonly renderer: string;
  /** A font root found by services/fonts `findFontRoot`. */
  readonly fonts: string;
}

/** The URL path under which the bundled fonts are served. */
const FONTS_PATH = 'fonts/';

/**
 * Nothing but the app's own files; no inline or evaluated script. Styles may be inline
 * because the component library injects its CSS at run time; blob: workers and images
 * serve the PDF preview.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self' app:",
  "script-src 'self' app:",
  "style-src 'self' app: 'unsafe-inline'",
  "img-src 'self' app: data: blob:",
  "font-src 'self' app: data:",
  "worker-src 'self' app: blob:",
  "connect-src 'self' app:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface AppFileResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** The file a URL path names inside `root`, or undefined when it would leave it. */
function inside(root: string, path: string): string | undefined {
  const file = join(root, normalize(path));
  const rel = relative(root, file);
  return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel) ? undefined : file;
}

/**
 * Resolves a URL path (`/index.html`, `/assets/x.js`, `/fonts/@fontsource/…`) to a file
 * of the app: any file under the renderer, and only the listed files of the font root.
 */
export function resolveAppFile(roots: AppFileRoots, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  if (path === '') return join(roots.renderer, 'index.html');
  if (path.startsWith(FONTS_PATH)) {
    const font = path.slice(FONTS_PATH.length);
    return fontFiles(roots.fonts).includes(font) ? inside(roots.fonts, font) : undefined;
  }
  return inside(roots.renderer, path);
}

function notFound(): AppFileResponse {
  return {
    status: 404,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode('Not found'),
  };
}

/** The response for a URL path of the app; 404 for anything outside its files. */
export async function readAppFile(roots: AppFileRoots, urlPath: string): Promise<AppFileResponse> {
  const file = resolveAppFile(roots, urlPath);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': type }, body };
  } catch {
    return notFound();
  }
}
