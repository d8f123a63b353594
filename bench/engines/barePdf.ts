import type { Browser } from 'playwright-core';

/**
 * The bare engine of the PDF export: the same print HTML without any web font (the
 * bundled stylesheets and the `@font-face` rules removed, so Chromium uses the system's
 * fonts), loaded into a page and printed with `page.pdf`, nothing else.
 */

export function withoutWebFonts(html: string): string {
  return html.replace(/<link rel="stylesheet"[^>]*>\n?/g, '').replace(/@font-face\s*\{[^}]*\}\n?/g, '');
}

export async function barePagePdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  } finally {
    await page.close();
  }
}
