import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * One pdf.js worker for every document shown: without it each document starts a new Web
 * Worker and compiles pdf.js's worker script again (hundreds of ms on an office PC).
 */
let sharedWorker: PDFWorker | undefined;

/**
 * pdf.js and its worker, loaded when first needed (it is not needed to start the app) or
 * ahead, while the page is idle (screens.tsx): the first preview then does not wait for
 * pdf.js's script and its worker's start.
 */
export async function startPdfJs(): Promise<PDFWorker> {
  const { GlobalWorkerOptions, PDFWorker } = await import('pdfjs-dist');
  GlobalWorkerOptions.workerSrc = workerUrl;
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  const worker = sharedWorker;
  try {
    await worker.promise;
  } catch (error) {
    // A worker that failed to start is not kept: the next PDF starts another.
    if (sharedWorker === worker) sharedWorker = undefined;
    worker.destroy();
    throw error;
  }
  return worker;
}

/**
 * A PDF to show (the print preview, the import review's page view). With `fontsEmbedded` (the
 * app's own PDFs, which embed every font they use) pdf.js draws each glyph as a path from the
 * embedded font instead of installing every font of every new document in the page: the
 * preview of a changed report drew page 1 some 80–100 ms sooner. A PDF from elsewhere may name
 * fonts it does not carry, which only the page's own fonts can draw.
 */
export async function loadPdf(data: Uint8Array, { fontsEmbedded = false } = {}): Promise<PDFDocumentProxy> {
  const worker = await startPdfJs();
  const { getDocument } = await import('pdfjs-dist');
  return getDocument({ data, useWasm: false, worker, disableFontFace: fontsEmbedded }).promise;
}

/** A PDF sent over IPC as base64, back to bytes. */
export function decodeBase64(base64: string): Uint8Array {
  return binaryBytes(atob(base64));
}

/** A binary string (one character per byte, as `atob` gives it) as bytes. */
export function binaryBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
