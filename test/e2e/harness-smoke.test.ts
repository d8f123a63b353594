import { afterEach, describe, expect, it } from 'vitest';
import type { AgencyRecord } from '../../shared/ipc/contract.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { toolsAvailable } from '../support/tools.ts';
import { APP_ORIGIN, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';

/** The harness boots the built renderer with the app's API, and catches requests that leave the app. */
describe.runIf(toolsAvailable('chromium'))('e2e harness', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('serves the built renderer under the app CSP and installs window.nianbao backed by the real store', async () => {
    harness = await startHarness();
    const { page } = harness;
    expect(await page.title()).toBe('年报');
    const headers = await page.evaluate(async () => (await fetch('./index.html')).headers.get('content-security-policy'));
    expect(headers).toContain("default-src 'self' app:");

    const methods = await page.evaluate(() => Object.keys(window.nianbao).sort());
    expect(methods).toEqual(['agencies', 'app', 'backups', 'comparison', 'exchange', 'export', 'import', 'lifecycle', 'menu', 'reports', 'requirements', 'revisions', 'shell', 'summary']);

    const agency = { ...blankAgency('测试市政府办公室'), level: 'city' as const };
    const created = await page.evaluate((a) => window.nianbao.agencies.create({ agency: a }), agency);
    expect(created.agency.name).toBe('测试市政府办公室');
    const listed = await page.evaluate(() => window.nianbao.agencies.list());
    expect(listed.map((r: AgencyRecord) => r.id)).toContain(created.id);
    // The same data through the store itself: the page wrote to the real database.
    const stored = harness.store.listAgencies();
    expect(stored.ok && stored.value.map((a) => a.name)).toContain('测试市政府办公室');

    const refused = await page.evaluate(() => window.nianbao.reports.open({ id: -3 } as never).then(() => 'resolved', (e: Error) => e.message));
    expect(refused).toMatch(/^请求的参数有误：编号/);

    const info = await page.evaluate(() => window.nianbao.app.info());
    expect(info.dataDir).toBe(harness.dataDir);
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.requests.every((url) => url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:'))).toBe(true);
  });

  it('acts on the page only once nothing is opening (a press in an overlay’s first frame is released beside it)', async () => {
    harness = await startHarness();
    const { page } = harness;
    await page.evaluate(() => {
      const overlay = document.createElement('div');
      overlay.className = 'nb-test-overlay nb-test-zoom-appear nb-test-zoom-appear-prepare';
      const button = document.createElement('button');
      button.id = 'answer';
      button.textContent = '确定';
      button.onclick = () => (button.dataset['clickedWhen'] = overlay.className);
      overlay.append(button);
      document.body.append(overlay);
      setTimeout(() => (overlay.className = 'nb-test-overlay'), 300);
    });
    await page.click('#answer');
    expect(await page.getAttribute('#answer', 'data-clicked-when')).toBe('nb-test-overlay');
  });

  it('refuses a remote fetch under the CSP, and fails the run', async () => {
    harness = await startHarness();
    const outcome = await harness.page.evaluate(() => fetch('https://example.com/track').then(() => 'reached', () => 'blocked'));
    expect(outcome).toBe('blocked');
    const closing = harness.close();
    harness = undefined;
    await expect(closing).rejects.toThrow(/CSP：.*example\.com\/track/);
  });

  it('records and blocks a request that leaves the app, and fails the run', async () => {
    harness = await startHarness();
    await expect(harness.page.goto('https://example.com/')).rejects.toThrow();
    expect(harness.foreignRequests).toEqual(['https://example.com/']);
    const closing = harness.close();
    harness = undefined;
    await expect(closing).rejects.toThrow(/应用以外的地址：https:\/\/example\.com\//);
  });

  it('delivers native-menu commands to the page', async () => {
    harness = await startHarness();
    await harness.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      window.nianbao.menu.onCommand((command) => seen.push(command));
    });
    await harness.menu('about');
    expect(await harness.page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['about']);
  });
});
