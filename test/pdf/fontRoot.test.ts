import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_FONT_ROOT, findFontRoot, fontFiles } from '../../services/fonts/fontRoot.ts';

describe('font root', () => {
  it('finds the bundled fonts in node_modules and lists every file a package must copy', () => {
    const found = findFontRoot([DEVELOPMENT_FONT_ROOT]);
    expect(found).toMatchObject({ ok: true, value: { dir: DEVELOPMENT_FONT_ROOT } });
    if (!found.ok) return;
    expect(found.value.url).toMatch(/^file:\/\/\/.*\/node_modules\/$/);
    const files = fontFiles(DEVELOPMENT_FONT_ROOT);
    expect(files).toContain('@fontsource/noto-serif-sc/400.css');
    expect(files).toContain('lxgw-wenkai-webfont/lxgwwenkai-regular.css');
    // Latin letters and digits: the Latin subset of Tinos, and none of its other subsets.
    expect(files.filter((f) => f.startsWith('@fontsource/tinos/'))).toEqual(['@fontsource/tinos/files/tinos-latin-400-normal.woff2']);
    // Only the woff2 subsets of the weight used: ~100 per family, no .woff, no bold.
    const woff2 = files.filter((f) => f.endsWith('.woff2'));
    expect(woff2.length).toBeGreaterThan(250);
    expect(woff2.every((f) => /-400-normal\.woff2$|lxgwwenkai-regular-subset-\d+\.woff2$/.test(f))).toBe(true);
  });

  it('takes the first candidate root that is complete and says in Chinese what is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-fonts-'));
    expect(findFontRoot([empty, DEVELOPMENT_FONT_ROOT])).toMatchObject({ ok: true, value: { dir: DEVELOPMENT_FONT_ROOT } });

    const partial = mkdtempSync(join(tmpdir(), 'nianbao-fonts-'));
    mkdirSync(join(partial, '@fontsource', 'noto-serif-sc'), { recursive: true });
    writeFileSync(join(partial, '@fontsource', 'noto-serif-sc', '400.css'), "src: url(./files/noto-serif-sc-0-400-normal.woff2) format('woff2');");
    const missing = findFontRoot([partial]);
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.error).toContain('找不到随程序附带的字体');
    expect(missing.error).toContain(partial);
    expect(missing.error).toMatch(/缺少\d+个文件/);
    expect(findFontRoot([])).toMatchObject({ ok: false });
  });
});
