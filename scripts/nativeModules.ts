import { basename, dirname, join } from 'node:path';
import { runInRoot } from './oldLinuxRoot.ts';

/**
 * better-sqlite3 built for old Linux (scripts/buildNative.ts): where the modules are, what
 * each architecture's tools are called in the Debian root, and the limits every module
 * must keep so that it loads on UOS 20 (glibc 2.28) and Kylin V10 (glibc 2.31).
 */

export const NATIVE_ARCHES = ['x64', 'arm64'] as const;
export type NativeArch = (typeof NATIVE_ARCHES)[number];

export const PROJECT_ROOT = join(import.meta.dirname, '..');
export const NATIVE_DIR = join(PROJECT_ROOT, 'build', 'native');
/** The file name node-gyp gives the module; electron-builder.yml packs it under that name. */
export const NATIVE_FILE = 'better_sqlite3.node';

export function nativeModulePath(arch: NativeArch, dir = NATIVE_DIR): string {
  return join(dir, `linux-${arch}`, NATIVE_FILE);
}

/** The newest glibc and libstdc++ symbol versions a module may need (Debian 10: glibc 2.28, gcc 8). */
export const MAX_GLIBC = '2.28';
/** The Node binary scripts/buildNative.ts puts into the Debian root. */
export const NODE_IN_ROOT = '/opt/node/bin/node';
export const MAX_GLIBCXX = '3.4.25';

export interface Toolchain {
  /** node-gyp's --arch. */
  readonly arch: NativeArch;
  readonly prefix: string;
  /** What `objdump -f` calls the ELF format. */
  readonly elfFormat: string;
  /** The oldest version of libm's functions on this architecture (its first glibc). */
  readonly baseGlibc: string;
}

export const TOOLCHAINS: Readonly<Record<NativeArch, Toolchain>> = {
  x64: { arch: 'x64', prefix: '', elfFormat: 'elf64-x86-64', baseGlibc: 'GLIBC_2.2.5' },
  arm64: { arch: 'arm64', prefix: 'aarch64-linux-gnu-', elfFormat: 'elf64-littleaarch64', baseGlibc: 'GLIBC_2.17' },
};

function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The versions of one library a module refers to, e.g. every `GLIBC_2.x` in `objdump -T`. */
function versionsOf(objdumpT: string, library: 'GLIBC' | 'GLIBCXX'): string[] {
  const found = new Set([...objdumpT.matchAll(new RegExp(`\\b${library}_([0-9.]+)\\b`, 'g'))].map((m) => m[1]!));
  return [...found].sort(compareVersions);
}

export interface ModuleReport {
  readonly format: string | undefined;
  readonly newestGlibc: string | undefined;
  readonly newestGlibcxx: string | undefined;
  readonly needed: readonly string[];
  /** Empty when the module keeps every limit. */
  readonly problems: readonly string[];
}

/** Judges a module by what `objdump -f`, `-p` and `-T` print for it. */
export function judgeModule(arch: NativeArch, objdump: { f: string; p: string; T: string }): ModuleReport {
  const format = /file format (\S+)/.exec(objdump.f)?.[1];
  const glibc = versionsOf(objdump.T, 'GLIBC');
  const glibcxx = versionsOf(objdump.T, 'GLIBCXX');
  const needed = [...objdump.p.matchAll(/^\s*NEEDED\s+(\S+)/gm)].map((m) => m[1]!);
  const newestGlibc = glibc.at(-1);
  const newestGlibcxx = glibcxx.at(-1);
  const problems: string[] = [];
  if (format !== TOOLCHAINS[arch].elfFormat) problems.push(`ELF format ${format ?? 'unknown'}, expected ${TOOLCHAINS[arch].elfFormat}`);
  if (!newestGlibc) problems.push('no GLIBC symbol versions found (not a glibc module?)');
  else if (compareVersions(newestGlibc, MAX_GLIBC) > 0) {
    const late = glibc.filter((v) => compareVersions(v, MAX_GLIBC) > 0);
    const symbols = objdump.T.split('\n').filter((line) => late.some((v) => line.includes(`GLIBC_${v} `) || line.includes(`GLIBC_${v})`)));
    problems.push(`needs GLIBC_${newestGlibc} (at most ${MAX_GLIBC} allowed): ${symbols.map((l) => l.trim().split(/\s+/).at(-1)).join(', ')}`);
  }
  if (newestGlibcxx && compareVersions(newestGlibcxx, MAX_GLIBCXX) > 0) problems.push(`needs GLIBCXX_${newestGlibcxx} (at most ${MAX_GLIBCXX} allowed)`);
  if (needed.some((lib) => lib.startsWith('libstdc++'))) problems.push('links libstdc++ dynamically (it must be static)');
  if (!/\bnapi_register_module_v1\b/.test(objdump.T)) problems.push('exports no napi_register_module_v1: not a Node-API module');
  return { format, newestGlibc, newestGlibcxx, needed, problems };
}

/** Runs objdump (the architecture's own, from the Debian root) on a module and judges it. */
export function inspectModule(root: string, arch: NativeArch, file: string): ModuleReport {
  const objdump = `${TOOLCHAINS[arch].prefix}objdump`;
  const inRoot = `/inspect/${basename(file)}`;
  const run = (flag: string) => runInRoot(root, [objdump, flag, inRoot], { binds: [{ host: dirname(file), inRoot: '/inspect' }] });
  return judgeModule(arch, { f: run('-f'), p: run('-p'), T: run('-T') });
}

export function describeModule(arch: NativeArch, report: ModuleReport): string {
  return `linux-${arch}: ${report.format}, newest GLIBC_${report.newestGlibc}, ${report.newestGlibcxx ? `newest GLIBCXX_${report.newestGlibcxx}` : 'no GLIBCXX'}, needs ${report.needed.join(' ')}`;
}
