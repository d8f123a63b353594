import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, readAppFile, resolveAppFile } from '../../services/app/appFiles.ts';
import { DEVELOPMENT_FONT_ROOT, fontFiles } from '../../services/fonts/fontRoot.ts';

/** What app:// (and the e2e harness) serve: the renderer's files and the listed font files, nothing else. */

const roots = { renderer: join(import.meta.dirname, '..', '..', 'renderer'), fonts: DEVELOPMENT_FONT_ROOT };

describe('app files', () => {
  it('maps the root to index.html and paths to files under the renderer', () => {
    expect(resolveAppFile(roots, '/')).toBe(join(roots.renderer, 'index.html'));
    expect(resolveAppFile(roots, '/assets/x%20y.js')).toBe(join(roots.renderer, 'assets', 'x y.js'));
  });

  it('refuses paths that leave the renderer folder', () => {
    for (const path of ['/../package.json', '/a/../../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/a\\..\\..\\x', '/%00', '/%E0%A4%A']) {
      expect(resolveAppFile(roots, path), path).toBeUndefined();
    }
  });

  it('serves only the bundled font files from the font root', () => {
    const [stylesheet] = fontFiles(DEVELOPMENT_FONT_ROOT);
    expect(resolveAppFile(roots, `/fonts/${stylesheet}`)).toBe(join(DEVELOPMENT_FONT_ROOT, stylesheet!));
    expect(resolveAppFile(roots, '/fonts/react/package.json')).toBeUndefined();
    expect(resolveAppFile(roots, '/fonts/../package.json')).toBeUndefined();
  });

  it('answers with the strict CSP and a content type, and 404 for anything else', async () => {
    const page = await readAppFile(roots, '/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' app:;/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect((await readAppFile(roots, '/missing.js')).status).toBe(404);
    expect((await readAppFile(roots, '/../package.json')).status).toBe(404);
  });
});
