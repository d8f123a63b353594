import type { Browser, Page } from 'playwright-core';
import { findChromium, OFFLINE_CHROMIUM_ARGS } from '../../chromium/findChromium.ts';
import type { Result } from '../../../shared/model/validation.ts';
import { errorSummary, showPrintPage, withHtmlFile } from './printPage.ts';
import { printerInTurn } from './pdfPrinter.ts';
import type { PdfPrinter } from './pdfPrinter.ts';

/**
 * The Node printer: one headless Chromium (`NIANBAO_CHROMIUM` or the usual system
 * paths, see services/chromium) kept open until `close()`, printing on one reused page.
 * Chromium runs in `env` (so a test can give it another font configuration).
 */
export async function launchChromiumPdfPrinter(env: NodeJS.ProcessEnv = process.env): Promise<Result<PdfPrinter>> {
  const found = findChromium(env);
  if (!found.ok) return found;
  let browser: Browser;
  try {
    // Loaded here, not at the top: the CLI's other commands start without it.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: found.path, args: OFFLINE_CHROMIUM_ARGS, env });
  } catch (error) {
    return {
      ok: false,
      error: `无法启动浏览器“${found.path}”，无法生成PDF：${errorSummary(error)}。请确认它能正常运行，或用环境变量 NIANBAO_CHROMIUM 指定另一个 Chromium。`,
    };
  }
  // One page for every print, one print at a time: a new page per print costs a renderer
  // start-up, and a print page shown in place keeps the fonts it has loaded (printPage.ts).
  let page: Page | undefined;
  /** The `printPageFrame` of what the page shows. */
  let shownFrame: string | undefined;
  const printOne = async (html: string): Promise<Result<Uint8Array>> => {
    try {
      const shown = page === undefined ? undefined : shownFrame;
      page ??= await browser.newPage();
      const ready = page;
      shownFrame = await showPrintPage(
        { run: (script) => ready.evaluate(script), load: (next) => withHtmlFile(next, (url) => ready.goto(url, { waitUntil: 'load' })) },
        html,
        shown,
      );
      const pdf = await ready.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      return { ok: true, value: new Uint8Array(pdf) };
    } catch (error) {
      // A page that failed may be in any state: the next print starts on a new one.
      await page?.close().catch(() => undefined);
      page = undefined;
      return { ok: false, error: `生成PDF时出错：${errorSummary(error)}` };
    }
  };
  return { ok: true, value: printerInTurn(printOne, () => browser.close()) };
}
