import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../services/store/backups.ts';
import { inspectDatabaseFile } from '../../services/store/database.ts';
import { latestVersion } from '../../services/store/migrate.ts';
import { migrations } from '../../services/store/migrations/index.ts';
import { channels } from '../../shared/ipc/contract.ts';
import { SEEDS_DIR } from '../fixtures/seedReports.ts';
import { toolsAvailable } from '../support/tools.ts';
import { runMainBundle } from './runMainBundle.ts';

/**
 * The built main process (dist/electron/main.cjs, `npm run build`) started in Node with the
 * Electron stand-in (test/electron/electronStandIn.ts), its window a real Chromium page with
 * the real preload: it must open the store in userData, serve the app under its CSP, serve
 * nothing else under app:// and no file:// at all, cancel the page's requests to the
 * internet, print its PDF preview through app:// (print page and fonts), deny permissions,
 * register every channel, answer IPC only from the app's main frame, back up through its
 * heavy-work thread, and quit in order.
 */

const dir = mkdtempSync(join(tmpdir(), 'nianbao-main-'));
/** The file the stand-in's open dialog picks for 导入 (a published report as text). */
const seedFile = join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(toolsAvailable('chromium'))('the main process bundle', () => {
  it('sets up the hardened app, guards every request where Electron really routes it, and quits in order', { timeout: 150_000 }, () => {
    const run = runMainBundle('setup', dir, { NIANBAO_STAND_IN_OPEN: seedFile });
    const seen = run.result;
    expect(seen.channels, run.output).toBeDefined();

    expect(seen.errors).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
    expect([...seen.channels].sort()).toEqual([...channels].sort());
    expect(seen.pageUrl).toBe('app://nianbao/index.html');
    expect(seen.pageHasApi).toEqual(['nianbao']);
    expect(seen.index).toEqual({ status: 200, csp: expect.stringContaining("default-src 'self' app:") });
    expect(seen.outside).toEqual({ encodedDots: 404, otherHost: 404, unknownPrintPage: 404, fontNotShipped: 404, fileEtcPasswd: 404 });

    // The page's fetch of the internet fails (the CSP stops it before webRequest would);
    // webRequest cancels such requests, and never saw an app:// one.
    expect(seen.fetched).toBe('failed');
    expect(seen.webRequests).toEqual([]);
    expect(seen.remoteCancelled).toBe(true);
    expect(seen.devServerCancelled).toBe(true);

    // The previews were printed from an app:// print page with the fonts from app://nianbao/fonts/,
    // the second in the first one's hidden window, in place (no second print page loaded).
    expect(seen.preview).toEqual(['%PDF-', '%PDF-']);
    expect(seen.previewWindows).toBe(1);
    expect(seen.summaryRows).toEqual([
      ['湖滨区教育局', 'missing'],
      ['湖滨区财政局', 'missing'],
    ]);
    const requests = seen.protocolRequests as string[];
    expect(requests.filter((url) => /^app:\/\/nianbao\/print\/[0-9a-f-]{36}\.html$/.test(url))).toHaveLength(1);
    expect(requests.some((url) => /^app:\/\/nianbao\/fonts\/.+\.woff2$/.test(url))).toBe(true);
    expect(requests.filter((url) => !url.startsWith('app://nianbao/'))).toEqual([]);

    expect(seen.permission).toBe(false);
    expect(seen.window.url).toBe('app://nianbao/index.html');
    expect(seen.window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(import.meta.dirname, '..', '..', 'dist', 'electron', 'preload.cjs'),
    });
    expect(seen.menu).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(seen.trusted).toMatchObject({ ok: true, value: [{ agency: { name: '湖滨区人民政府办公室' } }] });
    expect(seen.badArgs).toMatchObject({ ok: false, error: expect.stringMatching(/^请求的参数有误/) });
    expect(seen.imported).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.txt$/) } });
    expect(seen.imported.value.cells.filter((c: { value: string | null }) => c.value !== null).length).toBeGreaterThan(50);
    expect(seen.untrusted).toEqual({ ok: false, error: '请求来自不受信任的页面，已拒绝。' });
    expect(existsSync(join(dir, 'userData', 'nianbao.db'))).toBe(true);
    // The backup taken on opening was copied by the bundled heavy-work thread (worker.cjs).
    const backups = listBackups(join(dir, 'userData', 'backups'));
    expect(backups).toHaveLength(1);
    expect(inspectDatabaseFile(backups[0]!.path, latestVersion(migrations))).toEqual({ state: 'ok', version: latestVersion(migrations) });

    // app.quit(): the page saves, the windows close (the app's and the hidden one kept for
    // PDF previews), the store closes in will-quit, then quit.
    expect(run.exit).toMatchObject({ code: 0, errors: [] });
    expect(run.exit!.lifecycle).toEqual(['before-quit', 'before-quit', 'close', 'close', 'closed', 'closed', 'will-quit', 'before-quit', 'will-quit', 'quit']);
    expect(run.status).toBe(0);

    expect(run.log).toContain('INFO 年报 0.0.0-stand-in 启动');
    expect(run.log).toContain('WARN nianbao:agencies:list 未完成：请求的参数有误');
    expect(run.log).toContain('WARN 已拒绝来自“app://nianbao/index.html”的请求：nianbao:agencies:list');
    expect(run.log).not.toMatch(/ERROR/);
  });
});
