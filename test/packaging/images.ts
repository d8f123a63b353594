import { inflateSync } from 'node:zlib';

/** Just enough of PNG and ICO to check what the icon generator writes. */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(data: Buffer): boolean {
  return data.subarray(0, 8).equals(PNG_SIGNATURE) && data.toString('latin1', 12, 16) === 'IHDR';
}

/** Width and height from the IHDR chunk, which always comes first. */
export function pngSize(data: Buffer): { width: number; height: number } {
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

export interface IcoEntry {
  /** As the directory states it (0 in the file means 256). */
  readonly width: number;
  readonly height: number;
  readonly bitCount: number;
  readonly image: Buffer;
}

/** The images of an .ico (ICONDIR, then ICONDIRENTRY records pointing at the data). */
export function icoEntries(data: Buffer): IcoEntry[] {
  if (data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const bytes = data.readUInt32LE(at + 8);
    const offset = data.readUInt32LE(at + 12);
    return {
      width: data.readUInt8(at) || 256,
      height: data.readUInt8(at + 1) || 256,
      bitCount: data.readUInt16LE(at + 6),
      image: data.subarray(offset, offset + bytes),
    };
  });
}

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG (what Chromium's canvas writes). */
export function pngPixels(data: Buffer): { width: number; height: number; rgba: Buffer } {
  const { width, height } = pngSize(data);
  if (data.readUInt8(24) !== 8 || data.readUInt8(25) !== 6 || data.readUInt8(28) !== 0) {
    throw new Error('only 8-bit RGBA, non-interlaced PNGs are read here');
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length; ) {
    const length = data.readUInt32BE(at);
    if (data.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      rgba[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}
