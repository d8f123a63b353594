import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The bare engine of PDF import: pdf.js (legacy build, the same CMaps and options as our
 * reader) reading every page's text content and operator list, nothing else. Our reader
 * adds rebuilding tables from the drawn rules and recognising the report.
 */
export async function barePdfText(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    let items = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      items += (await page.getTextContent()).items.length;
      items += (await page.getOperatorList()).fnArray.length;
    }
    return items;
  } finally {
    await task.destroy();
  }
}
