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
 * integrity fuse is set for Windows alone.
 */
export function electronFuses(platform: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
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

export default async function afterPack(context: AfterPackContext): Promise<void> {
  await flipFuses(packagedExecutable(context), electronFuses(context.electronPlatformName));
}
