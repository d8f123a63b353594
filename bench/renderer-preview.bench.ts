import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crossCellKey, currentFormat } from '../shared/format/index.ts';
import { blankAgency } from '../shared/model/report.ts';
import { findChromium } from '../services/chromium/findChromium.ts';
import { APP_URL, startHarness } from '../test/e2e/harness.ts';
import type { Harness } from '../test/e2e/harness.ts';
import { consistentReport } from '../test/fixtures/consistentReport.ts';
import type { BenchResult } from './run.ts';
import { storeReport } from '../test/e2e/storedReport.ts';
import { compareWithEngine, comparisonFigures, machineLoad, ms, percentile, summary } from './timing.ts';
import { keystrokeLatencies } from './keystrokeLatencies.ts';

/**
 * The preview step of the built renderer (the e2e harness: real services, Chromium's PDF
 * printer): the first preview of a report, the preview shown again unchanged (goal
 * < 100 ms), the preview right after a figure changed and saved, beside the PDF export of
 * the same report (goal ≤ 1.2×), the same clicked before the save (nothing printed ahead),
 * the same with the pointer resting on the button before the click, the preview 2 s after
 * a change, and the preview's way through the harness without its print (IPC both ways
 * and the print HTML). Each preview is timed from the click on 预览与导出 until page 1 is
 * drawn and the preview no longer says 正在更新, in the page (see timeToPreview). A figure
 * in table 3 leaves page 1 as it was (its picture is taken over); a change in section 一
 * changes page 1, which is drawn anew: both are timed. Once the preview has been shown,
 * main prints a changed report's pages ahead after the autosave's pause
 * (useBackgroundPreview), so the click after the save finds them printed or printing. The
 * preview is asked for when the pointer arrives on the button; Playwright's click moves it
 * there just before pressing, a few ms ahead of the click.
 */

const REPEATS = 6;
/** Changes timed, each beside an export: the ratio of two medians of 4 moved 1.02–1.80× between runs on 2 shared cores. */
const CHANGES = 10;
/** A clerk's pause between a change and heading for the preview, longer than its refresh delay (1.2 s). */
const PAUSE_MS = 2000;
/**
 * How long a clerk's pointer rests on 预览与导出 before the click ends (the button's release):
 * the last corrections of the movement and the press, often more. The preview is asked for
 * as the pointer arrives (StepList's onApproach).
 */
const POINTER_REST_MS = 150;
/**
 * A key every so often: the print ahead that follows the autosave's pause (400 ms) after one
 * key is still running at the next (seen: keys 77–108 ms into prints of 130–340 ms).
 */
const TYPING_PAUSE_MS = 480;
const TYPED_KEYS = 15;
const TYPING_ROUNDS = 2;
const PREVIEW_DONE = '[data-testid="preview"][data-updating="false"] .nb-page[data-page="1"][data-rendered="true"]';

/**
 * From the click's event in the page until React marks page 1 drawn (a mutation observer
 * in the page notes the time): what the clerk waits for, without the harness's round
 * trips to Chromium (Playwright's click and polling), as the export beside it is timed
 * in the services without them.
 */
async function timeToPreview(harness: Harness, go: () => Promise<unknown>): Promise<number> {
  await harness.page.evaluate((done) => {
    const timing = window as unknown as { previewClick?: number; previewDone?: Promise<number> };
    timing.previewDone = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        // The kept preview is in the page, hidden, while another step is on screen.
        if (!document.querySelector('[data-step="export"][aria-current="step"]') || !document.querySelector(done)) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    document.addEventListener('click', (event) => (timing.previewClick = event.timeStamp), { capture: true, once: true });
  }, PREVIEW_DONE);
  await go();
  await harness.page.waitForSelector(PREVIEW_DONE, { timeout: 120_000 });
  return harness.page.evaluate(async () => {
    const timing = window as unknown as { previewClick: number; previewDone: Promise<number> };
    return (await timing.previewDone) - timing.previewClick;
  });
}

async function showStep(harness: Harness, step: string): Promise<void> {
  await harness.page.click(`[data-step="${step}"]`);
  await harness.page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
}

/**
 * What printing ahead costs the clerk's typing: keys typed with pauses longer than the
 * autosave's, so that main prints the pages ahead after each key (the preview was shown
 * in this page), against the same typing in a page where the preview was never shown (not
 * printed ahead), alternating.
 */
async function typingWhilePrintingAhead(harness: Harness, reportId: number) {
  const typed = { printingAhead: [] as number[], nothingAhead: [] as number[] };
  const tableStep = `${APP_URL}#/report/${reportId}/section%3Arequests`;
  for (let round = 0; round < TYPING_ROUNDS; round++) {
    await harness.page.goto(tableStep);
    await harness.page.reload();
    await harness.page.waitForSelector('[data-step="section:requests"][aria-current="step"]');
    typed.nothingAhead.push(...(await keystrokeLatencies(harness, { keys: TYPED_KEYS, pauseMs: TYPING_PAUSE_MS })).frame);
    await showStep(harness, 'export');
    await harness.page.waitForSelector(PREVIEW_DONE, { timeout: 120_000 });
    await showStep(harness, 'section:requests');
    typed.printingAhead.push(...(await keystrokeLatencies(harness, { keys: TYPED_KEYS, pauseMs: TYPING_PAUSE_MS })).frame);
  }
  typed.printingAhead.sort((a, b) => a - b);
  typed.nothingAhead.sort((a, b) => a - b);
  return { ...typed, comparison: compareWithEngine('the same typing, preview never shown', typed.printingAhead, typed.nothingAhead) };
}

export default async function bench(): Promise<BenchResult[]> {
  const name = 'renderer preview (built, Chromium)';
  if (!findChromium().ok) return [{ name, figures: { skipped: 'Chromium not found' } }];
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html'))) {
    return [{ name, figures: { skipped: 'dist/renderer missing: run npm run build first' } }];
  }
  const harness = await startHarness({ open: false });
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-preview-'));
  try {
    const reportId = await storeReport(harness, { ...consistentReport(2024), agency: blankAgency('湖滨区人民政府办公室') });

    await harness.page.goto(`${APP_URL}#/report/${reportId}/agency`);
    await harness.page.waitForSelector('[data-step="agency"][aria-current="step"]');
    // The first preview of the session: pdf.js loaded, the PDF printed (Chromium started before, as the app's printer is).
    await harness.call('nianbao:export:preview', { report: consistentReport(2020) });
    const first = await timeToPreview(harness, () => showStep(harness, 'export'));

    const unchanged: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await showStep(harness, 'section:overview');
      unchanged.push(await timeToPreview(harness, () => showStep(harness, 'export')));
    }

    const cell = crossCellKey(currentFormat.tables.table3, 'newReceived', 'naturalPerson');
    const saved = () => harness.page.waitForSelector('[data-testid="save-state"][data-status="saved"]');
    const changeFigure = async (figure: number, { waitForSave = true } = {}) => {
      await showStep(harness, 'section:requests');
      await harness.page.click(`[data-cell="${cell}"]`);
      await harness.page.keyboard.type(String(figure));
      await harness.page.keyboard.press('Enter');
      if (waitForSave) await saved();
    };
    // Changed, then a pause longer than the preview's refresh delay before heading for it:
    // its pages are made in the background meanwhile (renderer/export/useBackgroundPreview.ts).
    const afterPause: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      await changeFigure(40 + i);
      await harness.page.waitForTimeout(PAUSE_MS);
      afterPause.push(await timeToPreview(harness, () => showStep(harness, 'export')));
    }

    const changeOverview = async (mark: number) => {
      await showStep(harness, 'section:overview');
      await harness.page.click('[data-section-editor="overview"]');
      await harness.page.keyboard.press('Control+End');
      await harness.page.keyboard.type(String(mark));
      await harness.page.waitForSelector('[data-testid="save-state"][data-status="saved"]');
    };

    const changed: number[] = [];
    const changedPageOne: number[] = [];
    const exported: number[] = [];
    const withPointer: number[] = [];
    const beforeSave: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      // Changed, then straight to the preview as soon as the change is saved.
      await changeFigure(20 + i);
      changed.push(await timeToPreview(harness, () => showStep(harness, 'export')));
      // Changed, then to the preview at once, before the autosave's pause ends: nothing printed ahead.
      await changeFigure(80 + i, { waitForSave: false });
      beforeSave.push(await timeToPreview(harness, () => showStep(harness, 'export')));
      await saved();
      await changeOverview(i);
      changedPageOne.push(await timeToPreview(harness, () => showStep(harness, 'export')));
      // The PDF export of the same (saved) report, as 导出 PDF makes it.
      harness.dialogs.answerSave(join(outDir, `export-${i}.pdf`));
      const start = performance.now();
      const result = await harness.call('nianbao:export:pdf', { reportId });
      if (!result.ok) throw new Error(result.error);
      exported.push(performance.now() - start);
      await changeFigure(60 + i);
      withPointer.push(
        await timeToPreview(harness, async () => {
          await harness.page.hover('[data-step="export"]');
          await harness.page.waitForTimeout(POINTER_REST_MS);
          await showStep(harness, 'export');
        }),
      );
    }
    // The preview's way through the harness without its print: the saved report's preview,
    // asked for again from the page, is answered from main's cache of PDFs (IPC in, the print
    // HTML and its hash, the PDF back as base64 across Playwright's binding).
    const stored = harness.store.getReport({ reportId });
    if (!stored.ok) throw new Error(stored.error);
    const roundTrip = await harness.page.evaluate(
      async ({ report, repeats }) => {
        const { nianbao } = window as unknown as { nianbao: { export: { preview(args: { report: unknown }): Promise<{ pdfBase64: string }> } } };
        const { pdfBase64 } = await nianbao.export.preview({ report });
        const times: number[] = [];
        for (let i = 0; i < repeats; i++) {
          const start = performance.now();
          await nianbao.export.preview({ report });
          times.push(performance.now() - start);
        }
        return { times, base64Length: pdfBase64.length };
      },
      { report: stored.value.report, repeats: CHANGES },
    );
    const typing = await typingWhilePrintingAhead(harness, reportId);
    const roundTrips = [...roundTrip.times];
    roundTrips.sort((a, b) => a - b);
    unchanged.sort((a, b) => a - b);
    afterPause.sort((a, b) => a - b);
    changed.sort((a, b) => a - b);
    changedPageOne.sort((a, b) => a - b);
    exported.sort((a, b) => a - b);
    withPointer.sort((a, b) => a - b);
    beforeSave.sort((a, b) => a - b);
    const ratio = percentile(changed, 50) / percentile(exported, 50);
    const ratioPageOne = percentile(changedPageOne, 50) / percentile(exported, 50);
    return [
      { name: `${name}: first preview of a report in the session`, figures: { time: ms(first), 'load average': machineLoad() } },
      {
        name: `${name}: preview shown again, report unchanged (${REPEATS} visits)`,
        figures: { ...summary(unchanged), goal: '< 100 ms', 'load average': machineLoad() },
      },
      {
        name: `${name}: preview after a figure changed, beside PDF export of the report (${CHANGES} changes)`,
        figures: {
          'preview p50 / max': `${ms(percentile(changed, 50))} / ${ms(changed[changed.length - 1]!)}`,
          'PDF export p50 / max': `${ms(percentile(exported, 50))} / ${ms(exported[exported.length - 1]!)}`,
          ratio: `${ratio.toFixed(2)}× (goal ≤ 1.2×)`,
          'load average': machineLoad(),
        },
      },
      {
        name: `${name}: preview after the text on page 1 changed (section 一), beside PDF export of the report (${CHANGES} changes)`,
        figures: {
          'preview p50 / max': `${ms(percentile(changedPageOne, 50))} / ${ms(changedPageOne[changedPageOne.length - 1]!)}`,
          'PDF export p50 (above)': ms(percentile(exported, 50)),
          ratio: `${ratioPageOne.toFixed(2)}× (goal ≤ 1.2×)`,
          'load average': machineLoad(),
        },
      },
      {
        name: `${name}: preview after a figure changed, clicked before the autosave's pause ended: all made after the click (${CHANGES} changes)`,
        figures: {
          'preview p50 / max': `${ms(percentile(beforeSave, 50))} / ${ms(beforeSave[beforeSave.length - 1]!)}`,
          'PDF export p50 (above)': ms(percentile(exported, 50)),
          ratio: `${(percentile(beforeSave, 50) / percentile(exported, 50)).toFixed(2)}× (the goal line is the click after the save, above)`,
          'load average': machineLoad(),
        },
      },
      {
        name: `${name}: preview after a figure changed, the pointer on 预览与导出 ${POINTER_REST_MS} ms before the click (${CHANGES} changes)`,
        figures: {
          'preview p50 / max': `${ms(percentile(withPointer, 50))} / ${ms(withPointer[withPointer.length - 1]!)}`,
          'PDF export p50 (above)': ms(percentile(exported, 50)),
          ratio: `${(percentile(withPointer, 50) / percentile(exported, 50)).toFixed(2)}× (the goal line is the click without the pointer's rest, above)`,
          'load average': machineLoad(),
        },
      },
      {
        name: `${name}: the preview asked for again, answered from main's cache of PDFs: the way there and back without the print (${CHANGES} requests)`,
        figures: { ...summary(roundTrips), 'PDF as base64': `${Math.round(roundTrip.base64Length / 1024)} KB`, 'load average': machineLoad() },
      },
      {
        name: `${name}: keystroke in a table-3 cell → next frame, a key every ${TYPING_PAUSE_MS} ms, main printing ahead after each (${typing.printingAhead.length} keys), against the preview never shown (nothing printed ahead)`,
        figures: comparisonFigures(typing.comparison, typing.printingAhead, typing.nothingAhead),
        comparison: typing.comparison,
      },
      {
        name: `${name}: preview ${PAUSE_MS / 1000} s after a figure changed (${CHANGES} changes)`,
        figures: { ...summary(afterPause), 'PDF export p50 (above)': ms(percentile(exported, 50)), 'load average': machineLoad() },
      },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    await harness.close();
  }
}
