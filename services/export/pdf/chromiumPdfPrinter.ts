import type { Browser } from 'playwright-core';
import { findChromium, OFFLINE_CHROMIUM_ARGS } from '../../chromium/findChromium.ts';
import type { Result } from '../../../shared/model/validation.ts';
import { errorSummary, FONTS_READY_SCRIPT, withHtmlFile } from './printPage.ts';
import type { PdfPrinter } from './pdfPrinter.ts';

/**
 * The Node printer: one headless Chromium (`NIANBAO_CHROMIUM` or the usual system
 * paths, see services/chromium) kept open until `close()`, a fresh page per document.
 */
export async function launchChromiumPdfPrinter(env: NodeJS.ProcessEnv = process.env): Promise<Result<PdfPrinter>> {
  const found = findChromium(env);
  if (!found.ok) return found;
  let browser: Browser;
  try {
    // Loaded here, not at the top: the CLI's other commands start without it.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: found.path, args: OFFLINE_CHROMIUM_ARGS });
  } catch (error) {
    return {
      ok: false,
      error: `无法启动浏览器“${found.path}”，无法生成PDF：${errorSummary(error)}。请确认它能正常运行，或用环境变量 NIANBAO_CHROMIUM 指定另一个 Chromium。`,
    };
  }
  return {
    ok: true,
    value: {
      async print(html) {
        const page = await browser.newPage();
        try {
          const pdf = await withHtmlFile(html, async (url) => {
            await page.goto(url, { waitUntil: 'load' });
            await page.evaluate(FONTS_READY_SCRIPT);
            return page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
          });
          return { ok: true, value: new Uint8Array(pdf) };
        } catch (error) {
          return { ok: false, error: `生成PDF时出错：${errorSummary(error)}` };
        } finally {
          await page.close();
        }
      },
      async close() {
        await browser.close();
      },
    },
  };
}
