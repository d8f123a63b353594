import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

/**
 * Bundles the `nianbao` command into dist/cli/nianbao.mjs. Node would otherwise strip the
 * types of every source file on each run (seconds); one bundle starts at once. Packages
 * that are native, spawn processes or read their own files beside them stay external and
 * are loaded only by the commands that use them. dist/cli/ (chunks included) is as deep
 * as services/*, so paths the services derive from their own folder still point at the project.
 */
export const cliBuild: BuildOptions = {
  absWorkingDir: new URL('..', import.meta.url).pathname,
  entryPoints: { nianbao: 'services/cli/entry.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  // What a command loads with import() (exceljs: a third of the code) goes into chunks
  // beside the entry, read only by the commands that use it.
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  external: ['better-sqlite3', 'pdfjs-dist', 'playwright-core'],
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
};

export async function bundleCli(): Promise<void> {
  await build(cliBuild);
}
