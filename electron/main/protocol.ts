import { protocol } from 'electron';
import type { Session } from 'electron';
import { readAppFile } from '../../services/app/appFiles.ts';
import type { AppFileRoots } from '../../services/app/appFiles.ts';
import { APP_HOST, APP_SCHEME } from './appOrigin.ts';

/**
 * The app's pages come from `app://nianbao/` rather than file://: a standard, secure
 * scheme has a real origin (so CSP 'self', module scripts and fetch work as on the web),
 * and it serves nothing but the built renderer and the bundled fonts.
 */

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

export function serveAppFiles(session: Session, roots: AppFileRoots): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = await readAppFile(roots, url.pathname);
    return new Response(Buffer.from(file.body), { status: file.status, headers: file.headers });
  });
}
