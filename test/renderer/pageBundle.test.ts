import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The scripts the built page (dist/renderer, `npm run build`) loads when it starts: what
 * every start of the app parses before the home screen is up.
 */

const RENDERER = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

/** The entry script and the modules index.html preloads with it. */
function startScripts(): { path: string; text: string }[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return paths.map((path) => ({ path, text: readFileSync(join(RENDERER, path), 'utf8') }));
}

describe('the page as built', () => {
  it('loads no zod when it starts: the page validates nothing (main checks every call), so the schemas stay out of it', () => {
    const scripts = startScripts();
    expect(scripts.length).toBeGreaterThan(0);
    for (const { path, text } of scripts) expect({ path, zod: /ZodError|\$ZodType|strictObject/.test(text) }).toEqual({ path, zod: false });
  });
});
