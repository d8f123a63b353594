import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICES_OUTPUT, PROJECT_ROOT, writeNotices } from '../../build/notices.ts';
import { currentFormat } from '../../shared/format/index.ts';
import { startHarness } from '../e2e/harness.ts';
import type { Harness } from '../e2e/harness.ts';
import { settledScreenshot } from '../e2e/settledScreenshot.ts';
import { testOutputDir, toolsAvailable } from '../support/tools.ts';

/** 帮助 › 关于年报 in the built renderer: what a clerk reads there and can copy for IT. */
describe.runIf(toolsAvailable('chromium'))('the About dialog', () => {
  let harness: Harness;
  beforeAll(async () => {
    writeNotices(PROJECT_ROOT, NOTICES_OUTPUT);
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the version, the format written, the data folders and the notices', async () => {
    const { page } = harness;
    await harness.menu('about');
    const dialog = page.getByRole('dialog', { name: '关于年报' });
    await dialog.waitFor();
    const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const text = await dialog.innerText();
    expect(text).toContain(`年报 ${version}`);
    expect(text).toContain(`${currentFormat.name}（${currentFormat.basis}）`);
    expect(text).toContain(harness.dataDir);
    expect(text).toContain(join(harness.dataDir, 'backups'));
    expect(text).toContain('卸载、重新安装或升级本程序都不会删除以上目录中的数据');
    const notices = await dialog.getByTestId('about-notices').innerText();
    expect(notices).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(notices).toContain('better-sqlite3');
    // Every bundled font with its licence, Tinos (the Latin face of print and PDF) among them.
    for (const font of ['@fontsource/noto-serif-sc', '@fontsource/noto-sans-sc', '@fontsource/tinos', 'lxgw-wenkai-webfont']) expect(notices).toContain(font);
    await settledScreenshot(page, join(testOutputDir('about'), 'about-dialog.png'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
