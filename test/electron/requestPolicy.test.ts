import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../electron/main/appOrigin.ts';
import { isAllowedRequest, isTrustedFrame } from '../../electron/main/requestPolicy.ts';
import type { TrustedPages } from '../../electron/main/requestPolicy.ts';

/** The main process's request and IPC-sender rules (applied by electron/main/security.ts). */

const MAIN_WINDOW = 1;
const PRINT_WINDOW = 2;
const fonts = join(tmpdir(), '..', 'opt', 'nianbao', 'fonts');
const pages: TrustedPages = { origin: APP_ORIGIN, windows: new Set([MAIN_WINDOW]), printFolders: [fonts] };

describe('requests', () => {
  it("lets the app's pages load their own files, and devtools, data: and blob:", () => {
    for (const url of ['app://nianbao/index.html', 'app://nianbao/fonts/a.woff2', 'devtools://devtools/bundled/x.js', 'data:image/png;base64,AA', 'blob:app://nianbao/1']) {
      expect(isAllowedRequest(url, MAIN_WINDOW, pages), url).toBe(true);
    }
  });

  it('blocks everything that leaves the app', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'ws://127.0.0.1:5173/',
      'app://other/index.html',
      'app://nianbao.evil/x',
      'file:///etc/passwd',
      'ftp://example.com/x',
    ]) {
      expect(isAllowedRequest(url, MAIN_WINDOW, pages), url).toBe(false);
    }
  });

  it('lets only print windows read the print page and the fonts from disk', () => {
    const printPage = pathToFileURL(join(tmpdir(), 'nianbao-print-x', 'report.html')).href;
    const font = pathToFileURL(join(fonts, '@fontsource', 'a.woff2')).href;
    expect(isAllowedRequest(printPage, PRINT_WINDOW, pages)).toBe(true);
    expect(isAllowedRequest(font, PRINT_WINDOW, pages)).toBe(true);
    expect(isAllowedRequest(printPage, MAIN_WINDOW, pages)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', PRINT_WINDOW, pages)).toBe(false);
    expect(isAllowedRequest(pathToFileURL(join(fonts, '..', 'secret')).href, PRINT_WINDOW, pages)).toBe(false);
  });

  it('allows the dev server and its hot-reload socket only in development', () => {
    const dev: TrustedPages = { ...pages, origin: 'http://127.0.0.1:5173' };
    expect(isAllowedRequest('http://127.0.0.1:5173/main.tsx', MAIN_WINDOW, dev)).toBe(true);
    expect(isAllowedRequest('ws://127.0.0.1:5173/', MAIN_WINDOW, dev)).toBe(true);
    expect(isAllowedRequest('http://127.0.0.1:8080/', MAIN_WINDOW, dev)).toBe(false);
  });
});

describe('IPC senders', () => {
  const mainFrame = { url: 'app://nianbao/index.html', parent: null };
  const sender = { id: MAIN_WINDOW, mainFrame };

  it("accepts the main frame of the app's window showing the app's page", () => {
    expect(isTrustedFrame(sender, mainFrame, pages)).toBe(true);
  });

  it('refuses subframes, other windows, other pages and vanished frames', () => {
    const child = { url: 'app://nianbao/index.html', parent: mainFrame };
    expect(isTrustedFrame(sender, child, pages)).toBe(false);
    expect(isTrustedFrame({ id: PRINT_WINDOW, mainFrame }, mainFrame, pages)).toBe(false);
    const elsewhere = { url: 'file:///tmp/evil.html', parent: null };
    expect(isTrustedFrame({ id: MAIN_WINDOW, mainFrame: elsewhere }, elsewhere, pages)).toBe(false);
    expect(isTrustedFrame(sender, null, pages)).toBe(false);
  });
});
