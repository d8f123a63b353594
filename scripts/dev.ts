import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { watchElectron } from './bundleElectron.ts';

/**
 * `npm run dev`: the renderer from Vite's dev server (hot reload), main and preload
 * rebuilt by esbuild on every change, Electron restarted after each rebuild. Main
 * loads the dev server only when NIANBAO_DEV_SERVER_URL is set and the app is not packaged.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** In Node, the electron package's export is the path of its binary. */
const electronBinary = createRequire(import.meta.url)('electron') as string;

const server = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('Vite 开发服务器没有给出地址。');

let electron: ChildProcess | undefined;
let restartTimer: NodeJS.Timeout | undefined;

function startElectron(): void {
  const child = spawn(electronBinary, ['.'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NIANBAO_DEV_SERVER_URL: url } });
  child.on('exit', () => {
    // Closed by the user (not by a restart): end the dev session.
    if (electron === child) void shutdown();
  });
  electron = child;
}

/** Both bundles report their builds; one restart for a burst of them. */
function restartElectron(): void {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    const old = electron;
    electron = undefined;
    old?.kill();
    startElectron();
  }, 300);
}

const stopWatching = await watchElectron(restartElectron);

async function shutdown(): Promise<void> {
  clearTimeout(restartTimer);
  const child = electron;
  electron = undefined;
  child?.kill();
  await stopWatching();
  await server.close();
  process.exit(0);
}

process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
