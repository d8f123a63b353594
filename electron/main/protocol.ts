import { protocol } from 'electron';
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY, readAppFile } from '../../services/app/appFiles.ts';
import type { AppFileRoots } from '../../services/app/appFiles.ts';
import { APP_HOST, APP_SCHEME } from './appOrigin.ts';
import { printPageAt } from './printPages.ts';

/**
 * The app's pages come from `app://nianbao/` rather than file://: a standard, secure
 * scheme has a real origin (so CSP 'self', module scripts and fetch work as on the web),
 * and it serves nothing but the built renderer, the bundled fonts and the print pages
 * being printed. This handler is where the request policy for the app's own files runs:
 * Electron's `webRequest` is not called for app:// (nor for file://, data:, blob:).
 */

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

const refused = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves the app's files under app://nianbao/; refuses every file:// request (the app needs none). */
export function serveAppFiles(session: Session, roots: AppFileRoots): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return refused();
    const printPage = printPageAt(url.pathname);
    if (printPage !== undefined) {
      return new Response(printPage, {
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' },
      });
    }
    const file = await readAppFile(roots, url.pathname);
    return new Response(Buffer.from(file.body), { status: file.status, headers: file.headers });
  });
  session.protocol.handle('file', () => refused());
}
