import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppInfo, Configuration, PlatformSpecificBuildOptions } from 'electron-builder';
// electron-builder's own implementation (app-builder-lib, installed with it at the same
// version): the tests read and match the configuration exactly as packaging does.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import * as fileMatcher from 'app-builder-lib/out/fileMatcher.js';
import type { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander.js';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** What the installers are built for: electron-builder's platform key, Node's name, the architecture. */
export const PACKAGED_TARGETS = [
  { os: 'win', platform: 'win32', arch: 'x64' },
  { os: 'linux', platform: 'linux', arch: 'x64' },
  { os: 'linux', platform: 'linux', arch: 'arm64' },
] as const;
export type PackagedTarget = (typeof PACKAGED_TARGETS)[number];

/** Functions of fileMatcher.js that its type declarations leave out (marked internal). */
const internals = fileMatcher as unknown as {
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: PlatformSpecificBuildOptions,
    packager: { config: Configuration; debugLogger: { isEnabled: boolean } },
  ): FileMatcher;
  copyFiles(matchers: FileMatcher[], transformer: null): Promise<void>;
};

/** electron-builder.yml as electron-builder loads it, after checking it against its schema. */
export async function loadBuilderConfig(): Promise<Configuration> {
  const config = await getConfig(PROJECT_ROOT, null, null);
  await validateConfiguration(config, { isEnabled: false } as Parameters<typeof validateConfiguration>[1]);
  return config;
}

function platformOptions(config: Configuration, target: PackagedTarget): PlatformSpecificBuildOptions {
  return (target.os === 'win' ? config.win : config.linux) ?? {};
}

/** Expands `${os}`, `${arch}` and the like in a file pattern, as packaging for `target` does. */
function macroExpander(config: Configuration, target: PackagedTarget): (pattern: string) => string {
  const appInfo = { productName: config.productName, sanitizedProductName: config.productName } as unknown as AppInfo;
  return (pattern) => expandMacro(pattern, target.arch, appInfo, { os: target.os, '/*': '{,/**/*}' });
}

function matcherOptions(config: Configuration, target: PackagedTarget, outDir: string) {
  return { macroExpander: macroExpander(config, target), customBuildOptions: platformOptions(config, target), globalOutDir: outDir, defaultSrc: PROJECT_ROOT };
}

/** Whether a file of node_modules (path relative to the project) goes into the package for `target`. */
export function packagesNodeModuleFile(config: Configuration, target: PackagedTarget): (file: string) => boolean {
  const matcher = internals.getNodeModuleFileMatcher(PROJECT_ROOT, '/app', macroExpander(config, target), platformOptions(config, target), {
    config,
    debugLogger: { isEnabled: false },
  });
  const filter = matcher.createFilter();
  return (file) => filter(join(PROJECT_ROOT, file), statSync(join(PROJECT_ROOT, file)));
}

/** Whether a packaged file (path relative to the app) is put beside the asar rather than in it. */
export function unpacksFromAsar(config: Configuration, target: PackagedTarget): (file: string) => boolean {
  const matchers = fileMatcher.getFileMatchers(config, 'asarUnpack', '/app', matcherOptions(config, target, '/out'));
  const filter = matchers?.[0]?.createFilter();
  return (file) => filter?.(join(PROJECT_ROOT, file), statSync(join(PROJECT_ROOT, file))) ?? false;
}

/** The FileSets (`from` folder, `to` in the app) of `files` that packaging for `target` adds besides the project's own files. */
export function fileSets(config: Configuration, target: PackagedTarget): { from: string; to: string; patterns: string[] }[] {
  const matchers = fileMatcher.getFileMatchers(config, 'files', '/app', matcherOptions(config, target, '/out')) ?? [];
  return matchers.filter((m) => m.from !== PROJECT_ROOT).map((m) => ({ from: m.from, to: relative('/app', m.to), patterns: m.patterns }));
}

/** Copies the extraResources into `resourcesDir` with electron-builder's own copying. */
export async function layOutResources(config: Configuration, target: PackagedTarget, resourcesDir: string): Promise<void> {
  const matchers = fileMatcher.getFileMatchers(config, 'extraResources', resourcesDir, matcherOptions(config, target, join(resourcesDir, '..', '..')));
  await internals.copyFiles(matchers ?? [], null);
}
