import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { antdStaticStyles } from './scripts/antdStyles.ts';

/**
 * `npm run dev` only: React Fast Refresh injects an inline script, which the page's CSP
 * forbids. The dev server serves the page without its CSP; the built app always has it.
 */
const devServerWithoutCsp: Plugin = {
  name: 'nianbao-dev-server-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
};

/**
 * The renderer: built into dist/renderer with relative URLs, served by the app's
 * app:// protocol (and by the test harness) from there; `npm run dev` serves it live.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), antdStaticStyles(), devServerWithoutCsp],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Electron 45 is Chromium 140; the tests run Debian's Chromium, which is as new.
    target: 'chrome130',
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
