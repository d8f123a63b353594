import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * No Electron binary can be downloaded here, so packaging is exercised with a stand-in:
 * an "executable" that is a shell script carrying Electron's fuse wire (the sentinel
 * @electron/fuses searches for, the wire version, its length, one byte per fuse with
 * Electron 45's defaults), and the files electron-builder handles in an Electron folder.
 */

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off, only-asar off, V8 snapshot off, file:// privileges on, WASM trap handlers on. */
const ELECTRON_45_FUSES = '101100011';

/** Writes the stand-in executable (`nianbao`, or `nianbao.exe` for win32) into `dir`. */
export function standInElectron(dir: string, platform: string, name = 'nianbao'): string {
  const file = join(dir, platform === 'win32' ? `${name}.exe` : name);
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_45_FUSES.length]), Buffer.from(ELECTRON_45_FUSES)]);
  writeFileSync(file, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron"\nexit 0\n'), wire]));
  chmodSync(file, 0o755);
  return file;
}

/** A Linux Electron folder as electron-builder expects it (for `electronDist`). */
export function standInElectronDist(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  for (const locale of ['en-US', 'zh-CN', 'zh-TW', 'de']) writeFileSync(join(dir, 'locales', `${locale}.pak`), locale);
  standInElectron(dir, 'linux', 'electron');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>');
  writeFileSync(join(dir, 'version'), 'stand-in');
  return dir;
}
