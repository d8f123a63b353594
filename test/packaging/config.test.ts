import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext, BuildResult, Configuration, TargetConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import afterPack, { electronFuses, packagedNativeModule } from '../../build/afterPack.ts';
import afterAllArtifactBuild, { writeChecksum } from '../../build/checksums.ts';
import { ICON_DIR, ICO_FILE } from '../../build/icons.ts';
import { NOTICES_OUTPUT, writeNotices } from '../../build/notices.ts';
import { mainBuild } from '../../scripts/bundleElectron.ts';
import { NOTICES_FILE, readNotices } from '../../services/about/about.ts';
import { findFontRoot, fontFiles } from '../../services/fonts/fontRoot.ts';
import { PACKAGED_TARGETS, PROJECT_ROOT, fileSets, layOutResources, loadBuilderConfig, packagesNodeModuleFile, unpacksFromAsar } from './builderConfig.ts';
import { standInElectron } from './standInElectron.ts';
// electron-builder's own code: the deb target's default dependencies, the NSIS data folder names.
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget.js';
import { AppInfo } from 'app-builder-lib/out/appInfo.js';
import { getWindowsInstallationDirName } from 'app-builder-lib/out/targets/targetUtil.js';

/** Checks electron-builder.yml without building: what each installer holds and does. */

const config = await loadBuilderConfig();
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  productName: string;
  version: string;
  main: string;
  desktopName: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function targets(list: Configuration['win'] | Configuration['linux']): { target: string; arch: readonly string[] }[] {
  return ((list?.target ?? []) as TargetConfiguration[]).map((t) => ({ target: t.target, arch: [t.arch ?? []].flat() }));
}

const relativeToProject = (path: string) => relative(PROJECT_ROOT, path).split('\\').join('/');

describe('packaging configuration (electron-builder.yml)', () => {
  it('names the app as package.json does: 年报, nianbao, cn.nianbao.app, one version', () => {
    expect(config.appId).toBe('cn.nianbao.app');
    expect(config.productName).toBe('年报');
    expect(pkg.productName).toBe(config.productName);
    expect(config.executableName).toBe('nianbao');
    expect(pkg.name).toBe(config.executableName);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    // The version comes from package.json alone; the names are not overridden anywhere.
    expect(config.buildVersion).toBeUndefined();
    expect(config.extraMetadata).toBeUndefined();
    expect(pkg).not.toHaveProperty('build');
    expect(config.nsis?.shortcutName).toBe(config.productName);
    expect(config.linux?.desktop?.entry).toMatchObject({ Name: config.productName, 'Name[zh_CN]': config.productName });
  });

  it('builds NSIS for Windows x64, deb and AppImage for Linux x64 and arm64, and nothing else', () => {
    expect(targets(config.win)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(targets(config.linux)).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac).toBeUndefined();
    expect(config.directories?.output).toBe('release');
  });

  it('installs per user by default, asks for the folder, speaks Chinese, makes shortcuts and keeps the data', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.nsis?.createDesktopShortcut).toBeTruthy();
    expect(config.nsis?.selectPerMachineByDefault).toBeFalsy();
  });

  it('gives Linux a Chinese desktop entry in Office, and both platforms the generated icons', () => {
    expect(config.linux?.category).toBe('Office');
    // Electron takes the window's app id from desktopName; the entry's StartupWMClass matches it.
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(pkg.desktopName).toBe(`${config.executableName}.desktop`);
    expect(config.linux?.desktop?.entry?.['Comment[zh_CN]']).toBe(config.linux?.description);
    expect(config.linux?.icon).toBe(relativeToProject(ICON_DIR));
    expect(config.win?.icon).toBe(relativeToProject(join(ICON_DIR, ICO_FILE)));
  });

  it('never goes online: no publish step, no update provider, no updater, no signing service', () => {
    expect(config.publish).toBeNull();
    for (const options of [config.win, config.linux, config.nsis, config.deb, config.appImage]) {
      expect(options).not.toHaveProperty('publish');
    }
    expect(config.electronUpdaterCompatibility).toBeUndefined();
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('electron-updater');
    expect(config.win?.signExecutable).toBe(false);
    expect(config.afterAllArtifactBuild).toBe('./build/checksums.ts');
  });

  it('never compiles or downloads while packaging: no rebuild, no compiler, no headers', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it.each(PACKAGED_TARGETS)('packs for $platform-$arch the one better-sqlite3 module that loads there, beside the asar', (target) => {
    const packaged = packagesNodeModuleFile(config, target);
    const unpacked = unpacksFromAsar(config, target);
    const prebuilds = readdirSync(join(PROJECT_ROOT, 'node_modules/better-sqlite3/prebuilds')).map((f) => `node_modules/better-sqlite3/prebuilds/${f}`);
    const sets = fileSets(config, target);
    if (target.platform === 'win32') {
      // Windows: the package's own prebuild.
      const own = `node_modules/better-sqlite3/prebuilds/${target.platform}-${target.arch}.node`;
      expect(prebuilds.filter(packaged)).toEqual([own]);
      expect(unpacked(own)).toBe(true);
      expect(sets).toEqual([]);
    } else {
      // Linux: none of the package's prebuilds (they need glibc 2.33+), but build/native's module
      // where better-sqlite3's loader looks first, build/Release/better_sqlite3.node.
      expect(prebuilds.filter(packaged)).toEqual([]);
      expect(sets).toEqual([{ from: join(PROJECT_ROOT, 'build', 'native', `linux-${target.arch}`), to: 'node_modules/better-sqlite3/build/Release', patterns: ['better_sqlite3.node'] }]);
      expect(config.asarUnpack).toContain('**/better_sqlite3.node');
    }
    expect(config.asar).toEqual({ smartUnpack: false });
    // The loader stays in the asar (under Windows' integrity check); its sources are left out.
    for (const file of ['package.json', 'lib/index.js', 'lib/binding.js', 'lib/database.js']) {
      expect(packaged(`node_modules/better-sqlite3/${file}`), file).toBe(true);
      expect(unpacked(`node_modules/better-sqlite3/${file}`), file).toBe(false);
    }
    expect(packaged('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });

  it('names the modules as better-sqlite3’s loader looks for them (checked on this machine)', () => {
    const require = createRequire(import.meta.url);
    const binding = require(join(dirname(require.resolve('better-sqlite3/package.json')), 'lib', 'binding.js')) as { getPrebuildPath(): string | null };
    expect(basename(binding.getPrebuildPath() ?? '')).toBe(`${process.platform}-${process.arch}.node`);
    const loader = readFileSync(join(PROJECT_ROOT, 'node_modules/better-sqlite3/lib/binding.js'), 'utf8');
    expect(loader).toContain("path.join(__dirname, '..', 'build', 'Release', 'better_sqlite3.node')");
  });

  it('declares what Electron needs on a minimal Debian, UOS or Kylin: electron-builder’s defaults and libgbm1, libasound2, libdrm2, libcups2', () => {
    const defaults = (FpmTarget.prototype as unknown as { getDefaultDepends(target: string): string[] }).getDefaultDepends('deb');
    expect(config.deb?.depends).toEqual([...defaults, 'libgbm1', 'libasound2 | libasound2t64', 'libdrm2', 'libcups2 | libcups2t64']);
  });

  it('uninstalls with --delete-app-data the folder the app’s data really are in', () => {
    // What electron-builder defines for its NSIS scripts (NsisTarget): the app's file name
    // (installation and data folder of its own uninstall step) and the product name.
    const info = { config, metadata: pkg } as unknown as ConstructorParameters<typeof AppInfo>[0];
    const appInfo = new AppInfo(info, null, config.win ?? null);
    const defines = { APP_FILENAME: getWindowsInstallationDirName(appInfo, true), APP_PACKAGE_NAME: appInfo.name, PRODUCT_NAME: appInfo.productName };
    // Electron's userData is appData/<app name>, and the app name is package.json's productName.
    const dataFolder = pkg.productName;
    expect(defines).toEqual({ APP_FILENAME: 'nianbao', APP_PACKAGE_NAME: 'nianbao', PRODUCT_NAME: dataFolder });
    const template = readFileSync(join(PROJECT_ROOT, 'node_modules/app-builder-lib/templates/nsis/uninstaller.nsh'), 'utf8');
    const removed = [...template.matchAll(/RMDir \/r "\$APPDATA\\\$\{(\w+)\}"/g)].map((m) => m[1]);
    expect(removed.map((name) => defines[name as keyof typeof defines] ?? '(not defined)')).not.toContain(dataFolder);
    // Our include removes it, on the same --delete-app-data option.
    expect(config.nsis?.include).toBe('build/installer.nsh');
    const include = readFileSync(join(PROJECT_ROOT, 'build/installer.nsh'), 'utf8');
    const macro = /!macro customUnInstall\n([\s\S]*?)!macroend/.exec(include)?.[1] ?? '';
    expect(macro).toContain('${GetOptions} $R0 "--delete-app-data" $R1');
    expect(macro).toContain('RMDir /r "$APPDATA\\${PRODUCT_NAME}"');
    expect(template).toContain('!insertmacro customUnInstall');
    expect(/^[\x00-\x7f]*$/.test(include)).toBe(true);
  });

  it('puts only main’s external modules into node_modules: every other library is in the bundles', () => {
    const target = PACKAGED_TARGETS[1];
    const packaged = packagesNodeModuleFile(config, target);
    const externals = (mainBuild.external ?? []).filter((name) => name !== 'electron');
    expect(externals).toContain('better-sqlite3');
    for (const name of externals) expect(packaged(`node_modules/${name}/package.json`), name).toBe(true);
    for (const name of Object.keys(pkg.dependencies).filter((n) => !externals.includes(n))) {
      expect(packaged(`node_modules/${name}/package.json`), name).toBe(false);
    }
    expect(pkg.main).toBe(mainBuild.outfile);
    const files = config.files as { filter: string[] }[];
    expect(files[0]!.filter).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
  });

  it('ships the fonts with their OFL licences and the notices as resources, where the app finds them', async () => {
    writeNotices(PROJECT_ROOT, NOTICES_OUTPUT);
    for (const target of [PACKAGED_TARGETS[0], PACKAGED_TARGETS[2]]) {
      const resources = join(mkdtempSync(join(tmpdir(), 'nianbao-packaged-')), 'resources');
      await layOutResources(config, target, resources);

      // services/fonts in the packaged app: process.resourcesPath/fonts comes first.
      const found = findFontRoot([join(resources, 'fonts')]);
      expect(found.ok ? found.value.dir : found.error).toBe(join(resources, 'fonts'));
      // Exactly the files the stylesheets name, and each font's licence.
      const licences = [
        '@fontsource/noto-serif-sc/LICENSE',
        '@fontsource/noto-sans-sc/LICENSE',
        '@fontsource/tinos/LICENSE',
        'lxgw-wenkai-webfont/OFL.txt',
        'lxgw-wenkai-webfont/LICENSE',
      ];
      const shipped = (readdirSync(join(resources, 'fonts'), { recursive: true }) as string[])
        .map((file) => file.split('\\').join('/'))
        .filter((file) => statSync(join(resources, 'fonts', file)).isFile());
      expect(shipped.sort()).toEqual([...fontFiles(join(resources, 'fonts')), ...licences].sort());
      for (const licence of licences.slice(0, 4)) {
        expect(readFileSync(join(resources, 'fonts', licence), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
      }

      expect(existsSync(join(resources, NOTICES_FILE))).toBe(true);
      expect(readNotices([resources])).toBe(readFileSync(NOTICES_OUTPUT, 'utf8'));
    }
  });
});

describe('Electron fuses (build/afterPack.ts)', () => {
  it('is the afterPack hook, and electron-builder’s own fuse option stays unset', () => {
    expect(config.afterPack).toBe('./build/afterPack.ts');
    expect(config.electronFuses).toBeUndefined();
  });

  it('closes Node, NODE_OPTIONS and the inspector, loads only the asar, keeps no cookie key; Windows checks its integrity', () => {
    for (const platform of ['win32', 'linux']) {
      expect(electronFuses(platform)).toMatchObject({
        version: FuseVersion.V1,
        [FuseV1Options.RunAsNode]: false,
        [FuseV1Options.EnableCookieEncryption]: false,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
        [FuseV1Options.EnableNodeCliInspectArguments]: false,
        [FuseV1Options.OnlyLoadAppFromAsar]: true,
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'win32',
      });
    }
  });

  it.each(['linux', 'win32'])('flips the fuse wire of the %s executable it is given', async (platform) => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'nianbao-fuses-'));
    const executable = standInElectron(appOutDir, platform);
    const context = { appOutDir, electronPlatformName: platform, packager: { executableName: 'nianbao', appInfo: { productFilename: 'nianbao' } } };
    if (platform === 'linux') {
      await expect(afterPack(context as unknown as AfterPackContext)).rejects.toThrow('npm run build:native');
      mkdirSync(dirname(packagedNativeModule(appOutDir)), { recursive: true });
      writeFileSync(packagedNativeModule(appOutDir), 'module');
    }
    await afterPack(context as unknown as AfterPackContext);
    const wire = await getCurrentFuseWire(executable);
    const on = 49;
    const off = 48;
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(platform === 'win32' ? on : off);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
  });
});

describe('checksums (build/checksums.ts)', () => {
  it('writes a sha256sum line beside every installer and returns those files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-release-'));
    const installer = join(dir, 'nianbao_0.1.0_amd64.deb');
    writeFileSync(installer, '安装包内容');
    const written = await afterAllArtifactBuild({ artifactPaths: [installer] } as unknown as BuildResult);
    expect(written).toEqual([`${installer}.sha256`]);
    const expected = createHash('sha256').update(readFileSync(installer)).digest('hex');
    expect(readFileSync(`${installer}.sha256`, 'utf8')).toBe(`${expected}  nianbao_0.1.0_amd64.deb\n`);
    expect(await writeChecksum(installer)).toBe(`${installer}.sha256`);
    expect(statSync(`${installer}.sha256`).size).toBe(64 + 2 + 'nianbao_0.1.0_amd64.deb'.length + 1);
  });
});
