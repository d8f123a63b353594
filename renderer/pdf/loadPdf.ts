import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * One pdf.js worker for every document shown: without it each document starts a new Web
 * Worker and compiles pdf.js's worker script again (hundreds of ms on an office PC).
 */
let sharedWorker: PDFWorker | undefined;

/** pdf.js, loaded when a PDF is first shown (the print preview, the import review's page view): it is not needed to start the app. */
export async function loadPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const { GlobalWorkerOptions, PDFWorker, getDocument } = await import('pdfjs-dist');
  GlobalWorkerOptions.workerSrc = workerUrl;
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return getDocument({ data, useWasm: false, worker: sharedWorker }).promise;
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
