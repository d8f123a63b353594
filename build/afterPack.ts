import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import type { FuseV1Config } from '@electron/fuses';
import type { AfterPackContext, LinuxPackager } from 'electron-builder';

/**
 * electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of the
 * packaged executable, after electron-builder has written the asar integrity resource into
 * the Windows .exe and before anything is signed or wrapped into an installer.
 */

/**
 * The fuses, per target platform. The app is a closed box: the binary never runs as plain
 * Node, ignores NODE_OPTIONS and --inspect, and loads only its own app.asar. Electron checks
 * the asar against the hash embedded in the executable on Windows only (macOS aside), so the
 * integrity fuse is set for Windows alone. Cookie encryption is off: the app keeps no cookies,
 * and on Linux it would ask the desktop's keyring, which on some desktops prompts for a password.
 */
export function electronFuses(platform: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'win32',
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };
}

/** The packaged Electron executable: `nianbao.exe` on Windows, `nianbao` on Linux. */
export function packagedExecutable(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  return electronPlatformName === 'win32'
    ? join(appOutDir, `${packager.appInfo.productFilename}.exe`)
    : join(appOutDir, (packager as LinuxPackager).executableName);
}

/** Where a Linux package holds better-sqlite3 built for old Linux (electron-builder.yml linux.files). */
export function packagedNativeModule(appOutDir: string): string {
  return join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

export default async function afterPack(context: AfterPackContext): Promise<void> {
  if (context.electronPlatformName === 'linux' && !existsSync(packagedNativeModule(context.appOutDir))) {
    throw new Error('the Linux package lacks better-sqlite3 for old Linux (build/native): run npm run build:native first');
  }
  await flipFuses(packagedExecutable(context), electronFuses(context.electronPlatformName));
}
