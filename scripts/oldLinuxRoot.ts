import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A Debian 11 (bullseye, glibc 2.31, gcc 10) root made with debootstrap: the oldest system
 * the native module is built in and tried on. UOS 20 is built on Debian 10 (glibc 2.28) and
 * Kylin V10 on glibc 2.31, so what is built here must also run there (scripts/buildNative.ts
 * checks the symbol versions). Built once and kept under ~/.cache.
 */

export const DEBIAN_SUITE = 'bullseye';
/** Compilers for x64 and, as a cross-compiler, for arm64; python3 and make for node-gyp. */
const ROOT_PACKAGES = ['g++', 'make', 'python3', 'g++-aarch64-linux-gnu', 'binutils-aarch64-linux-gnu'];
export const OLD_ROOT = join(homedir(), '.cache', 'nianbao-native', `${DEBIAN_SUITE}-root`);
/** Written last: a root without it is incomplete and made again. */
const READY_FILE = '.nianbao-root-ready';
const READY_CONTENT = JSON.stringify({ suite: DEBIAN_SUITE, packages: ROOT_PACKAGES });

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export function oldRootReady(root = OLD_ROOT): boolean {
  try {
    return readFileSync(join(root, READY_FILE), 'utf8') === READY_CONTENT;
  } catch {
    return false;
  }
}

/** The Debian mirror the machine's apt uses (deb.debian.org when none is configured). */
export function debianMirror(): string {
  if (process.env.NIANBAO_DEBIAN_MIRROR) return process.env.NIANBAO_DEBIAN_MIRROR;
  const files = ['/etc/apt/sources.list'];
  const dir = '/etc/apt/sources.list.d';
  if (existsSync(dir)) files.push(...readdirSync(dir).map((f) => join(dir, f)));
  for (const file of files) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    // One-line (`deb URI suite …`) and deb822 (`URIs: URI`) formats; the archive, not -security.
    const uri = /^(?:deb\s+(?:\[[^\]]*\]\s+)?|URIs:\s*)(https?:\/\/\S+\/debian)\/?\s/m.exec(text)?.[1];
    if (uri) return uri;
  }
  return 'http://deb.debian.org/debian';
}

/** Why the root cannot be made on this machine, or null when it is ready or can be made. */
export function oldRootObstacle(root = OLD_ROOT): string | null {
  if (oldRootReady(root)) return null;
  if (!isRoot()) return `making the Debian ${DEBIAN_SUITE} root needs root (debootstrap, chroot)`;
  try {
    execFileSync('sh', ['-c', 'command -v debootstrap'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'debootstrap is missing: apt-get install --no-install-recommends debootstrap';
  }
}

/** Makes the root if it is missing or incomplete (needs root and debootstrap); returns its path. */
export function ensureOldRoot(root = OLD_ROOT): string {
  if (oldRootReady(root)) return root;
  const obstacle = oldRootObstacle(root);
  if (obstacle) throw new Error(obstacle);
  const partial = `${root}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const mirror = debianMirror();
  console.log(`Debian ${DEBIAN_SUITE} root: debootstrap from ${mirror} into ${root} (once; a few minutes)`);
  execFileSync('debootstrap', ['--variant=minbase', '--arch=amd64', `--include=${ROOT_PACKAGES.join(',')}`, DEBIAN_SUITE, partial, mirror], {
    stdio: 'inherit',
  });
  const archives = join(partial, 'var', 'cache', 'apt', 'archives');
  for (const file of readdirSync(archives).filter((f) => f.endsWith('.deb'))) rmSync(join(archives, file));
  writeFileSync(join(partial, READY_FILE), READY_CONTENT);
  rmSync(root, { recursive: true, force: true });
  renameSync(partial, root);
  return root;
}

export interface Bind {
  /** A host folder… */
  readonly host: string;
  /** …seen at this absolute path inside the root. */
  readonly inRoot: string;
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * Runs `command` inside the root with chroot, in a private mount namespace (unshare) with
 * /proc, /dev and the given folders bound read-only: the mounts vanish with the process.
 * Returns what it printed on stdout (nothing with `showOutput`, which lets it print as it
 * goes); throws with its stderr when it fails.
 */
export function runInRoot(
  root: string,
  command: readonly string[],
  options: { binds?: readonly Bind[]; env?: Record<string, string>; cwd?: string; showOutput?: boolean } = {},
): string {
  const mounts = [
    `mount -t proc proc ${quote(join(root, 'proc'))}`,
    `mount --rbind /dev ${quote(join(root, 'dev'))}`,
    ...(options.binds ?? []).flatMap(({ host, inRoot }) => {
      const target = join(root, inRoot);
      mkdirSync(target, { recursive: true });
      return [`mount --bind ${quote(host)} ${quote(target)}`, `mount -o remount,bind,ro ${quote(target)}`];
    }),
  ];
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin', HOME: '/tmp', LANG: 'C.UTF-8', ...options.env };
  const script = [
    'set -e',
    'mount --make-rprivate /',
    ...mounts,
    `exec chroot ${quote(root)} env -i ${Object.entries(env)
      .map(([k, v]) => quote(`${k}=${v}`))
      .join(' ')} "$@"`,
  ].join('\n');
  const inFolder = ['sh', '-c', 'cd "$0" && exec "$@"', options.cwd ?? '/', ...command];
  const output = execFileSync('unshare', ['--mount', '--', 'sh', '-c', script, 'sh', ...inFolder], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', options.showOutput ? 'inherit' : 'pipe', options.showOutput ? 'inherit' : 'pipe'],
  });
  return output ?? '';
}
