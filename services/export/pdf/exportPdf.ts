import type { DocumentModel } from '../../../shared/document/model.ts';
import type { Result } from '../../../shared/model/validation.ts';
import { renderPrintHtml } from '../../../shared/print/renderPrintHtml.ts';
import type { PdfPrinter } from './pdfPrinter.ts';

/** The PDF of a document model: the print layout, printed by `printer`. */
export function exportPdf(model: DocumentModel, printer: PdfPrinter, fontBaseUrl: string): Promise<Result<Uint8Array>> {
  return printer.print(renderPrintHtml(model, { fontBaseUrl }));
}
