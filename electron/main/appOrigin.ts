/** Where the app's pages come from: `app://nianbao/` (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
