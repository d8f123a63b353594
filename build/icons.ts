import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { OFFLINE_CHROMIUM_ARGS, findChromium } from '../services/chromium/findChromium.ts';

/**
 * Makes every icon the packages need from the one source image, build/icon.svg:
 * `build/icons/<n>x<n>.png` (the Linux icon set; electron-builder installs each size into
 * the hicolor theme, the AppImage takes the largest) and `build/icons/icon.ico` (Windows:
 * the .exe, the installer, the shortcuts). Chromium rasterises the SVG, so no image
 * library with native code is needed. Run: `node build/icons.ts` (npm run build:icons).
 */

export const ICON_SOURCE = join(import.meta.dirname, 'icon.svg');
export const ICON_DIR = join(import.meta.dirname, 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Windows shows 16–48 in lists and the taskbar, 256 in large views; it needs 256. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const ICO_FILE = 'icon.ico';

export function pngFileName(size: number): string {
  return `${size}x${size}.png`;
}

/** PNGs of the SVG at each size, drawn by Chromium's own SVG renderer onto a canvas. */
export async function rasterise(svg: string, sizes: readonly number[]): Promise<Map<number, Buffer>> {
  const chromiumPath = findChromium();
  if (!chromiumPath.ok) throw new Error(chromiumPath.error);
  const browser = await chromium.launch({ executablePath: chromiumPath.path, args: OFFLINE_CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const dataUrls = await page.evaluate(
      async ({ source, sizes }) => {
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
        await image.decode();
        return sizes.map((size) => {
          const canvas = document.createElement('canvas');
          canvas.width = size;
          canvas.height = size;
          canvas.getContext('2d')!.drawImage(image, 0, 0, size, size);
          return canvas.toDataURL('image/png');
        });
      },
      { source: svg, sizes: [...sizes] },
    );
    return new Map(sizes.map((size, i) => [size, Buffer.from(dataUrls[i]!.slice('data:image/png;base64,'.length), 'base64')]));
  } finally {
    await browser.close();
  }
}

/**
 * A Windows .ico holding the PNGs as they are (PNG entries: Windows Vista and later).
 * Layout: ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the images.
 */
export function icoFromPngs(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const entries = [...pngs].sort(([a], [b]) => a - b);
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(([size, png], i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map(([, png]) => png)]);
}

/** Writes the PNG set and the .ico into `outDir`; returns the files written. */
export async function generateIcons(svgFile: string, outDir: string): Promise<string[]> {
  const sizes = [...new Set<number>([...PNG_SIZES, ...ICO_SIZES])];
  const pngs = await rasterise(readFileSync(svgFile, 'utf8'), sizes);
  mkdirSync(outDir, { recursive: true });
  const written = PNG_SIZES.map((size) => {
    const file = join(outDir, pngFileName(size));
    writeFileSync(file, pngs.get(size)!);
    return file;
  });
  const ico = join(outDir, ICO_FILE);
  writeFileSync(ico, icoFromPngs(new Map(ICO_SIZES.map((size) => [size, pngs.get(size)!]))));
  return [...written, ico];
}

if (process.argv[1] === import.meta.filename) {
  const files = await generateIcons(ICON_SOURCE, ICON_DIR);
  console.log(`${files.length} icon files written to ${ICON_DIR}`);
}
