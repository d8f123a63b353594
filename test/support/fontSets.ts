import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { DEVELOPMENT_FONT_ROOT } from '../../services/fonts/fontRoot.ts';

/**
 * Font configurations for layout tests, whatever the machine has installed: fontconfig
 * (Chromium and LibreOffice on Linux) reads only the `fonts.conf` that FONTCONFIG_FILE
 * names. Debian's rules (aliases, generic families) apply; the fonts are only these:
 *
 * - `minimal`: DejaVu and Noto CJK, what a fresh machine with `.ci/run`'s packages has;
 *   there, Times New Roman falls to DejaVu Serif, whose digits are the widest.
 * - `timesMetric`: the same plus Tinos (the bundled Latin face, which has Times New
 *   Roman's metrics and is its fontconfig alias), as on a machine with Times New Roman.
 *   LibreOffice does not load web fonts, so Tinos goes in as a TrueType file.
 */

export type FontSet = 'minimal' | 'timesMetric';

const SYSTEM_FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/opentype/noto'];
const TINOS_WOFF = join(DEVELOPMENT_FONT_ROOT, '@fontsource', 'tinos', 'files', 'tinos-latin-400-normal.woff');
/** Kept between runs: scanning Noto CJK takes seconds. */
const CACHE_DIR = join(tmpdir(), 'nianbao-fontconfig-cache');

/** A WOFF 1.0 file as the TrueType file it wraps: the same tables, inflated. */
export function ttfFromWoff(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = 44 + 20 * i;
    const [offset, compressed, length] = [woff.readUInt32BE(entry + 4), woff.readUInt32BE(entry + 8), woff.readUInt32BE(entry + 12)];
    const stored = woff.subarray(offset, offset + compressed);
    return { tag: woff.subarray(entry, entry + 4), checksum: woff.readUInt32BE(entry + 16), data: compressed < length ? inflateSync(stored) : stored };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const head = Buffer.alloc(12 + 16 * count);
  woff.copy(head, 0, 4, 8);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((table, i) => {
    table.tag.copy(head, 12 + 16 * i);
    head.writeUInt32BE(table.checksum, 12 + 16 * i + 4);
    head.writeUInt32BE(offset, 12 + 16 * i + 8);
    head.writeUInt32BE(table.data.length, 12 + 16 * i + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** The environment (process.env plus FONTCONFIG_FILE) under which programs see only `set`. */
export function fontSetEnv(set: FontSet): NodeJS.ProcessEnv {
  const missing = SYSTEM_FONT_DIRS.filter((dir) => !existsSync(dir));
  if (missing.length > 0) throw new Error(`font folders missing (apt-get install fonts-dejavu-core fonts-noto-cjk): ${missing.join(', ')}`);
  mkdirSync(CACHE_DIR, { recursive: true });
  const home = mkdtempSync(join(tmpdir(), `nianbao-fonts-${set}-`));
  const dirs = [...SYSTEM_FONT_DIRS];
  if (set === 'timesMetric') {
    mkdirSync(join(home, 'tinos'));
    writeFileSync(join(home, 'tinos', 'Tinos-Regular.ttf'), ttfFromWoff(readFileSync(TINOS_WOFF)));
    dirs.push(join(home, 'tinos'));
  }
  const file = join(home, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
${dirs.map((dir) => `  <dir>${dir}</dir>`).join('\n')}
  <cachedir>${CACHE_DIR}</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
`,
  );
  return { ...process.env, FONTCONFIG_FILE: file };
}

/** The font file fontconfig gives a family under `env` (`fc-match`). */
export function matchedFont(family: string, env: NodeJS.ProcessEnv): string {
  return execFileSync('fc-match', ['--format', '%{family[0]}', family], { encoding: 'utf8', env });
}
