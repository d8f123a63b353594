import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';

/**
 * The renderer benchmark's engine: a page with only React and antd (one button), built by
 * Vite like the renderer and served the same way, so the ratio of our time to interactive
 * to its time says what our own code costs.
 */

export const BLANK_ORIGIN = 'https://blank.nianbao.invalid';
export const BLANK_READY = '[data-ready="true"]';

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Builds the page into a temporary folder and serves it in `context` under BLANK_ORIGIN. */
export async function serveBlankReactPage(context: BrowserContext): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-blank-react-'));
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'blankReactPage'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'chrome130' },
  });
  await context.route(`${BLANK_ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(outDir, path === '/' ? 'index.html' : path);
    await route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  return `${BLANK_ORIGIN}/index.html`;
}
