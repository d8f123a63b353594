import { build as buildRenderer } from 'vite';
import { bundleCli } from './bundleCli.ts';
import { bundleElectron } from './bundleElectron.ts';

/** `npm run build`: the renderer (Vite) into dist/renderer, main and preload (esbuild) into dist/electron, the CLI into dist/cli. */
await buildRenderer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
await Promise.all([bundleElectron(), bundleCli()]);
console.log('已构建：dist/renderer、dist/electron/{main,worker,preload}.cjs、dist/cli/nianbao.mjs');
