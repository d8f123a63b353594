import { Spin } from 'antd';
import { lazyScreen } from './lazyScreen.tsx';
import { startPdfJs } from './pdf/loadPdf.ts';
import type { Route } from './route.ts';

/**
 * The screens the home screen does not need, each in a script of its own: the window
 * opening on the home screen parses only the home screen's code (README, Performance).
 * The screen the window opens on starts loading at once (main.tsx); the others load
 * while the page is idle once a screen is up, so that going to one does not wait.
 */

const opening = <Spin size="large" className="nb-loading" tip="正在打开…" fullscreen />;

export const ReportScreen = lazyScreen(() => import('./editor/ReportScreen.tsx').then((m) => m.ReportScreen), (
  <Spin size="large" className="nb-loading" tip="正在打开报告…" fullscreen />
));
export const SummaryScreen = lazyScreen(() => import('./summary/SummaryScreen.tsx').then((m) => m.SummaryScreen), opening);
export const ImportReviewScreen = lazyScreen(() => import('./import/ImportReviewScreen.tsx').then((m) => m.ImportReviewScreen), opening);
/** The report's export step, inside the report screen: the step list stays while it loads. */
export const ExportStep = lazyScreen(() => import('./export/ExportStep.tsx').then((m) => m.KeptExportStep), <Spin className="nb-loading" />);
export const AboutDialog = lazyScreen(() => import('./about/AboutDialog.tsx').then((m) => m.AboutDialog), null);

/**
 * Loads the script of `route`'s screen (the window's first screen). The first render waits
 * for it (main.tsx) rather than showing a fallback: React holds a revealed Suspense
 * boundary back for 300 ms after its fallback, which would delay the screen.
 */
export async function loadScreenOf(route: Route): Promise<void> {
  const loads = route.screen === 'report' ? [ReportScreen, ...(route.step === 'export' ? [ExportStep] : [])] : route.screen === 'summary' ? [SummaryScreen] : [];
  // A failure shows when the screen renders and tries again.
  await Promise.all(loads.map((screen) => screen.preload())).catch(() => undefined);
}

/** Every later screen's script, then pdf.js with its worker (the preview's and the import review's). */
const AHEAD: readonly { readonly preload: () => Promise<unknown> }[] = [ReportScreen, ExportStep, SummaryScreen, ImportReviewScreen, AboutDialog, { preload: startPdfJs }];

/**
 * How long after a screen is up the others start loading: the first moments are when the
 * clerk starts to use it, and loading them then would hold up that first input.
 */
const PRELOAD_AFTER_MS = 1000;

let preloading = false;

/** Loads every screen not loaded yet, and pdf.js, one per idle period, so that none holds up the clerk's input for long. */
export function preloadScreensWhenIdle(): void {
  if (preloading) return;
  preloading = true;
  const next = (index: number): void => {
    const screen = AHEAD[index];
    if (!screen) return;
    requestIdleCallback(() => void screen.preload().then(() => next(index + 1), () => undefined));
  };
  setTimeout(() => next(0), PRELOAD_AFTER_MS);
}
