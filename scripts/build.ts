import { build as buildRenderer } from 'vite';
import { bundleElectron } from './bundleElectron.ts';

/** `npm run build`: the renderer (Vite) into dist/renderer, main and preload (esbuild) into dist/electron. */
await buildRenderer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
await bundleElectron();
console.log('已构建：dist/renderer、dist/electron/main.cjs、dist/electron/preload.cjs');
