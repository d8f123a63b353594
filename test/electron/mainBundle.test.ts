import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/ipc/contract.ts';
import { SEEDS_DIR } from '../fixtures/seedReports.ts';

/**
 * The built main process (dist/electron/main.cjs, `npm run build`) started in Node with a
 * stand-in for Electron (test/electron/electronStandIn.ts): it must open the store in
 * userData, serve the app under its CSP, block the network, deny permissions, register
 * every channel, and answer IPC only from the app's main frame.
 */

const REPO = join(import.meta.dirname, '..', '..');
const MAIN = join(REPO, 'dist', 'electron', 'main.cjs');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-main-'));
/** The file the stand-in's open dialog picks for 导入 (a published report as text). */
const seedFile = join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the main process bundle', () => {
  it('sets up the hardened app with every IPC channel, and imports through the bundled services', () => {
    expect(existsSync(MAIN), 'dist/electron/main.cjs is missing: run npm run build').toBe(true);
    const output = execFileSync(process.execPath, ['--import', join(import.meta.dirname, 'electronStandIn.ts'), MAIN], {
      env: { ...process.env, NIANBAO_STAND_IN_DIR: dir, NIANBAO_STAND_IN_OPEN: seedFile, NIANBAO_DEV_SERVER_URL: '' },
      encoding: 'utf8',
      timeout: 90_000,
    });
    const line = output.split('\n').find((l) => l.startsWith('STAND-IN-RESULT '));
    expect(line, output).toBeDefined();
    const seen = JSON.parse(line!.slice('STAND-IN-RESULT '.length));

    expect(seen.errors).toEqual([]);
    expect(seen.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
    expect([...seen.channels].sort()).toEqual([...channels].sort());
    expect(seen.page).toEqual({ status: 200, csp: expect.stringContaining("default-src 'self' app:"), html: true });
    expect(seen.outsideStatus).toBe(404);
    expect(seen.remoteCancelled).toBe(true);
    expect(seen.appFileCancelled).toBe(false);
    expect(seen.permission).toBe(false);
    expect(seen.window.url).toBe('app://nianbao/index.html');
    expect(seen.window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(REPO, 'dist', 'electron', 'preload.cjs'),
    });
    expect(seen.menu).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(seen.trusted).toEqual({ ok: true, value: [] });
    expect(seen.badArgs).toMatchObject({ ok: false, error: expect.stringMatching(/^请求的参数有误/) });
    expect(seen.imported).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.txt$/) } });
    expect(seen.imported.value.cells.filter((c: { value: string | null }) => c.value !== null).length).toBeGreaterThan(50);
    expect(seen.untrusted).toEqual({ ok: false, error: '请求来自不受信任的页面，已拒绝。' });
    expect(existsSync(join(dir, 'userData', 'nianbao.db'))).toBe(true);
    const log = readFileSync(join(dir, 'logs', 'nianbao.log'), 'utf8');
    expect(log).toContain('INFO 年报 0.0.0-stand-in 启动');
    expect(log).toContain('WARN nianbao:agencies:list 未完成：请求的参数有误');
    expect(log).toContain('WARN 已拒绝来自“app://nianbao/index.html”的请求：nianbao:agencies:list');
  });
});
