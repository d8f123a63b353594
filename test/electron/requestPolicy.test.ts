import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../electron/main/appOrigin.ts';
import { isAllowedRequest, isTrustedFrame } from '../../electron/main/requestPolicy.ts';
import type { TrustedPages } from '../../electron/main/requestPolicy.ts';

/**
 * The main process's webRequest and IPC-sender rules (applied by electron/main/security.ts).
 * webRequest sees only what Electron gives it: network requests (http, https, ws, wss).
 * The app's own files (app://), file://, data: and blob: never reach it; they are guarded
 * by the app:// handler and the file:// refusal, which test/electron/mainBundle.test.ts
 * checks through the built main process.
 */

const MAIN_WINDOW = 1;
const PRINT_WINDOW = 2;
const pages: TrustedPages = { origin: APP_ORIGIN, windows: new Set([MAIN_WINDOW]) };

describe('network requests (webRequest)', () => {
  it('cancels every request that leaves the machine, from any window', () => {
    for (const url of [
      'https://example.com/',
      'https://fonts.googleapis.com/css2?family=Noto+Sans+SC',
      'http://127.0.0.1:5173/',
      'http://localhost/',
      'ws://127.0.0.1:5173/',
      'wss://example.com/socket',
      'http://192.168.1.10/report.docx',
    ]) {
      expect(isAllowedRequest(url, pages), url).toBe(false);
    }
  });

  it('allows the dev server and its hot-reload socket only in development', () => {
    const dev: TrustedPages = { ...pages, origin: 'http://127.0.0.1:5173' };
    expect(isAllowedRequest('http://127.0.0.1:5173/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://127.0.0.1:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://127.0.0.1:8080/', dev)).toBe(false);
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false);
  });
});

describe('IPC senders', () => {
  const mainFrame = { url: 'app://nianbao/index.html', parent: null };
  const sender = { id: MAIN_WINDOW, mainFrame };

  it("accepts the main frame of the app's window showing the app's page", () => {
    expect(isTrustedFrame(sender, mainFrame, pages)).toBe(true);
  });

  it('refuses subframes, print windows, other pages and vanished frames', () => {
    const child = { url: 'app://nianbao/index.html', parent: mainFrame };
    expect(isTrustedFrame(sender, child, pages)).toBe(false);
    const printPage = { url: 'app://nianbao/print/6f1c2a9e-3b7d-4c55-9a0e-2d8f4b1c7e63.html', parent: null };
    expect(isTrustedFrame({ id: PRINT_WINDOW, mainFrame: printPage }, printPage, pages)).toBe(false);
    const elsewhere = { url: 'file:///tmp/evil.html', parent: null };
    expect(isTrustedFrame({ id: MAIN_WINDOW, mainFrame: elsewhere }, elsewhere, pages)).toBe(false);
    expect(isTrustedFrame(sender, null, pages)).toBe(false);
  });
});
