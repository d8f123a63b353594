import { build, context } from 'esbuild';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * Bundles the Electron main process, its heavy-work thread and the preload with esbuild
 * into dist/electron/{main,worker,preload}.cjs. The preload is one CommonJS file: a sandboxed
 * preload may require nothing but `electron`.
 */

const ROOT = new URL('..', import.meta.url).pathname;

const common: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

export const mainBuild: BuildOptions = {
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist/electron/main.cjs',
  platform: 'node',
  target: 'node22',
  // Native and worker-loading packages stay in node_modules; electron is the runtime.
  external: ['electron', 'better-sqlite3', 'pdfjs-dist'],
  // Services locate files next to their module (import.meta): in the bundle that is dist/electron/.
  define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename', 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/** The heavy-work thread main starts (services/worker), beside main.cjs. */
export const workerBuild: BuildOptions = {
  ...mainBuild,
  entryPoints: ['services/worker/workerThread.ts'],
  outfile: 'dist/electron/worker.cjs',
  external: ['better-sqlite3', 'pdfjs-dist'],
};

export const preloadBuild: BuildOptions = {
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  platform: 'browser',
  target: 'chrome130',
  external: ['electron'],
};

export async function bundleElectron(): Promise<void> {
  await Promise.all([build(mainBuild), build(workerBuild), build(preloadBuild)]);
}

/** Rebuilds on every change; `onRebuilt` runs after each successful build of either bundle. */
export async function watchElectron(onRebuilt: () => void): Promise<() => Promise<void>> {
  const notify: Plugin = {
    name: 'notify',
    setup(b) {
      b.onEnd((result) => {
        if (result.errors.length === 0) onRebuilt();
      });
    },
  };
  const contexts = await Promise.all([mainBuild, workerBuild, preloadBuild].map((options) => context({ ...options, plugins: [notify] })));
  await Promise.all(contexts.map((c) => c.watch()));
  return async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
  };
}
