import { BrowserWindow } from 'electron';
import { errorSummary, showPrintPage } from '../../../services/export/pdf/printPage.ts';
import type { PrintSurface } from '../../../services/export/pdf/printPage.ts';
import { printerInTurn } from '../../../services/export/pdf/pdfPrinter.ts';
import type { PdfPrinter } from '../../../services/export/pdf/pdfPrinter.ts';
import type { PrintOutcome } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/model/validation.ts';
import { withPrintPage } from '../printPages.ts';

/**
 * PDF and printing in the app: the print layout (shared/print `renderPrintHtml`, with
 * `fontBaseUrl` PRINT_FONT_BASE_URL) served as an app:// print page (printPages.ts) into a
 * hidden window. The HTML is the app's own, with every user text escaped; the window
 * still may neither open windows nor navigate.
 */

function hiddenWindow(): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  return window;
}

/** The print page shown in a hidden window: loaded through app:// (printPages.ts), run in it. */
function printSurface(window: BrowserWindow): PrintSurface {
  return { run: (script) => window.webContents.executeJavaScript(script), load: (html) => withPrintPage(html, (url) => window.loadURL(url)) };
}

/** Loads the HTML into a new hidden window and waits for its fonts: Chromium silently substitutes a font still loading. */
async function withLoadedWindow<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const window = hiddenWindow();
  try {
    await showPrintPage(printSurface(window), html, undefined);
    return await use(window);
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

/**
 * The hidden window of the last PDF, kept for the next one: it shows the next print page
 * in place (printPage.ts `showInPlaceScript`), with the fonts it has loaded, instead of a
 * new window with a new renderer process loading every font again. One PDF at a time.
 * `close()` destroys it; main calls it when the app's window closes, so that a hidden
 * window left over never keeps the app from quitting.
 */
let pdfWindow: BrowserWindow | undefined;
/** The `printPageFrame` of what `pdfWindow` shows. */
let shownFrame: string | undefined;

async function printPdf(html: string): Promise<Result<Uint8Array>> {
  try {
    const open = pdfWindow?.isDestroyed() === false ? pdfWindow : undefined;
    const window = open ?? hiddenWindow();
    pdfWindow = window;
    const shown = open === undefined ? undefined : shownFrame;
    shownFrame = await showPrintPage(printSurface(window), html, shown);
    // printToPDF defaults to Letter: A4, and the @page margins of the layout.
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    return { ok: true, value: new Uint8Array(pdf) };
  } catch (error) {
    // A window that failed may be in any state: the next PDF starts in a new one.
    if (pdfWindow && !pdfWindow.isDestroyed()) pdfWindow.destroy();
    pdfWindow = undefined;
    return { ok: false, error: `生成PDF时出错：${errorSummary(error)}` };
  }
}

export const electronPdfPrinter: PdfPrinter = printerInTurn(printPdf, () => {
  if (pdfWindow && !pdfWindow.isDestroyed()) pdfWindow.destroy();
  pdfWindow = undefined;
});

/**
 * webContents.print fails on Linux (electron#28192; Joplin's experience up to 2024), while
 * window.print() works: it shows the dialog and returns when the dialog closes, without
 * saying whether the user printed or cancelled, so the outcome is only that it closed.
 */
async function printOnLinux(window: BrowserWindow): Promise<PrintOutcome> {
  await window.webContents.executeJavaScript('window.print()');
  // Destroying the window right after the dialog closes can crash Electron (electron#31635).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return 'dialog-closed';
}

function printWithCallback(window: BrowserWindow): Promise<Result<PrintOutcome>> {
  return new Promise((resolve) => {
    window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) resolve({ ok: true, value: 'printed' });
      else if (/cancel/i.test(failureReason)) resolve({ ok: true, value: 'cancelled' });
      else resolve({ ok: false, error: `打印失败：${failureReason}。请检查打印机，或先导出PDF再打印。` });
    });
  });
}

/**
 * Prints the print layout through the system print dialog (never silently: silent
 * printing is unreliable on Linux). Resolves when the dialog is done.
 */
export async function printWithDialog(html: string): Promise<Result<PrintOutcome>> {
  try {
    return await withLoadedWindow(html, async (window) =>
      process.platform === 'linux' ? { ok: true, value: await printOnLinux(window) } : printWithCallback(window),
    );
  } catch (error) {
    return { ok: false, error: `打印时出错：${errorSummary(error)}` };
  }
}
