import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// electron-builder writes the asar with @electron/asar; the test reads it back with the same.
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, Platform, build } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTICES_OUTPUT, writeNotices } from '../../build/notices.ts';
import { NOTICES_FILE } from '../../services/about/about.ts';
import { findFontRoot } from '../../services/fonts/fontRoot.ts';
import { PROJECT_ROOT } from './builderConfig.ts';
import { standInElectronDist } from './standInElectron.ts';
import { NATIVE_ARCHES, nativeModulePath } from '../../scripts/nativeModules.ts';
import type { NativeArch } from '../../scripts/nativeModules.ts';

/**
 * The real electron-builder, run on the real configuration and the built bundles, with a
 * stand-in for the Electron binary (none can be downloaded here): `--dir` for Linux x64
 * and arm64. This checks what packaging puts where; it cannot check that Electron starts.
 */

/** The bundles `npm run build` and the modules `npm run build:native` make; under CI .ci/run and the test chain make them first. */
function bundlesBuilt(): boolean {
  const built = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'].every((f) => existsSync(join(PROJECT_ROOT, f)));
  const native = NATIVE_ARCHES.every((arch) => existsSync(nativeModulePath(arch)));
  if (built && native) return true;
  const message = !built ? 'dist/ is missing: run npm run build before the tests' : 'build/native is missing: run npm run build:native (as root) first';
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipping packaging with a stand-in Electron: ${message}`);
  return false;
}

const ARCHES = { x64: 'linux-unpacked', arm64: 'linux-arm64-unpacked' } as const;

describe.runIf(bundlesBuilt())('electron-builder --dir for Linux x64 and arm64, with a stand-in Electron', { timeout: 600_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-package-'));
  const out = join(root, 'release');

  beforeAll(async () => {
    writeNotices(PROJECT_ROOT, NOTICES_OUTPUT);
    const electronDists = { x64: standInElectronDist(join(root, 'electron-x64')), arm64: standInElectronDist(join(root, 'electron-arm64')) };
    await build({
      projectDir: PROJECT_ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64, Arch.arm64),
      publish: 'never',
      config: {
        electronDist: ({ arch }: { arch: keyof typeof electronDists }) => electronDists[arch],
        directories: { output: out },
      } as never,
    });
  }, 600_000);

  it.each(Object.entries(ARCHES))('%s: the asar holds package.json, the bundles and main’s externals only', (_arch, folder) => {
    const asar = join(out, folder, 'resources', 'app.asar');
    const entries = listPackage(asar, { isPack: false }).map((e) => e.split('\\').join('/').replace(/^\//, ''));
    expect(new Set(entries.map((e) => e.split('/')[0]))).toEqual(new Set(['package.json', 'dist', 'node_modules']));
    const runtimeFiles = [
      'dist/electron/main.cjs',
      'dist/electron/worker.cjs',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'node_modules/better-sqlite3/lib/index.js',
      // PDF import: pdf.js's legacy build, its worker, the CMaps for Chinese text, the standard fonts.
      'node_modules/pdfjs-dist/legacy/build/pdf.mjs',
      'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
      'node_modules/pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap',
      'node_modules/pdfjs-dist/standard_fonts/FoxitFixed.pfb',
    ];
    for (const file of runtimeFiles) {
      expect(entries).toContain(file);
    }
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    expect(new Set(entries.filter((e) => e.startsWith('node_modules/')).map((e) => e.split('/')[1]))).toEqual(new Set(['better-sqlite3', 'pdfjs-dist']));
    const packagedPackage = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Record<string, string>;
    expect(packagedPackage).toMatchObject({ name: 'nianbao', productName: '年报', main: 'dist/electron/main.cjs' });
  });

  it.each(Object.entries(ARCHES))('%s: only better-sqlite3 built for old Linux (build/native), beside the asar', (arch, folder) => {
    const unpacked = join(out, folder, 'resources', 'app.asar.unpacked');
    expect(readdirSync(unpacked, { recursive: true }).map(String).filter((f) => f.endsWith('.node'))).toEqual([
      join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    ]);
    expect(readFileSync(join(unpacked, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toEqual(
      readFileSync(nativeModulePath(arch as NativeArch)),
    );
  });

  it.each(Object.entries(ARCHES))('%s: fonts and notices in resources/, found where the app looks', (_arch, folder) => {
    const resources = join(out, folder, 'resources');
    const found = findFontRoot([join(resources, 'fonts')]);
    expect(found.ok ? found.value.dir : found.error).toBe(join(resources, 'fonts'));
    expect(readFileSync(join(resources, NOTICES_FILE), 'utf8')).toBe(readFileSync(NOTICES_OUTPUT, 'utf8'));
  });

  it.each(Object.entries(ARCHES))('%s: the executable is nianbao, its fuses flipped; Chinese and English locales only', async (_arch, folder) => {
    const wire = await getCurrentFuseWire(join(out, folder, 'nianbao'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(48);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(48);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(48);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(49);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(48);
    expect(readdirSync(join(out, folder, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    expect(existsSync(join(out, folder, 'LICENSES.chromium.html'))).toBe(true);
  });
});
