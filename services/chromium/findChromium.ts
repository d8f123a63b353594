import { existsSync } from 'node:fs';

/** Where Chromium usually is on Debian/UOS/Kylin and other systems. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/**
 * The Chromium executable for PDF export and tests outside Electron: `NIANBAO_CHROMIUM`
 * (or `CHROMIUM_PATH`) if set, else the usual system paths. Returns a readable error.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { ok: true; path: string } | { ok: false; error: string } {
  const configured = env.NIANBAO_CHROMIUM ?? env.CHROMIUM_PATH;
  if (configured) {
    return existsSync(configured)
      ? { ok: true, path: configured }
      : { ok: false, error: `环境变量 NIANBAO_CHROMIUM 指定的浏览器“${configured}”不存在。` };
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  return found
    ? { ok: true, path: found }
    : {
        ok: false,
        error: '找不到 Chromium 浏览器，无法生成PDF。请安装 Chromium（如 apt-get install chromium），或用环境变量 NIANBAO_CHROMIUM 指定其路径。',
      };
}

/** Flags for headless Chromium on a closed network: nothing phones home. */
export const OFFLINE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];
