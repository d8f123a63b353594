import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICON_SOURCE, ICO_FILE, ICO_SIZES, PNG_SIZES, generateIcons, pngFileName } from '../../build/icons.ts';
import { toolsAvailable } from '../support/tools.ts';
import { icoEntries, isPng, pngPixels, pngSize } from './images.ts';

describe.runIf(toolsAvailable('chromium'))('icon generator (build/icons.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-icons-'));
  let written: string[] = [];
  beforeAll(async () => {
    written = await generateIcons(ICON_SOURCE, dir);
  });

  it('writes a PNG of every size, up to 1024 for the AppImage', () => {
    expect(written).toHaveLength(PNG_SIZES.length + 1);
    expect(PNG_SIZES).toContain(1024);
    for (const size of PNG_SIZES) {
      const png = readFileSync(join(dir, pngFileName(size)));
      expect(isPng(png), pngFileName(size)).toBe(true);
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
  });

  it('writes a Windows .ico whose entries are PNGs of the stated sizes, 256 included', () => {
    const entries = icoEntries(readFileSync(join(dir, ICO_FILE)));
    expect(entries.map((e) => e.width)).toEqual([...ICO_SIZES]);
    expect(entries.map((e) => e.width)).toContain(256);
    for (const entry of entries) {
      expect(entry.height).toBe(entry.width);
      expect(entry.bitCount).toBe(32);
      expect(isPng(entry.image)).toBe(true);
      expect(pngSize(entry.image)).toEqual({ width: entry.width, height: entry.height });
    }
  });

  it('draws the icon: transparent corners, a white page and the red 年, at 16 px too', () => {
    for (const size of [16, 256]) {
      const { width, rgba } = pngPixels(readFileSync(join(dir, pngFileName(size))));
      const pixel = (i: number) => [...rgba.subarray(i * 4, i * 4 + 4)] as [number, number, number, number];
      expect(pixel((size - 1) * width)[3], 'bottom-left corner is transparent').toBe(0);
      const pixels = Array.from({ length: size * size }, (_, i) => pixel(i));
      const red = pixels.filter(([r, g, b, a]) => a > 200 && r > 150 && g < 90 && b < 90).length;
      const white = pixels.filter(([r, g, b, a]) => a > 200 && r > 240 && g > 240 && b > 240).length;
      expect(red / pixels.length, `red share at ${size} px`).toBeGreaterThan(0.08);
      expect(white / pixels.length, `white share at ${size} px`).toBeGreaterThan(0.2);
    }
  });
});
