import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../services/store/index.ts';
import { toolsAvailable } from '../support/tools.ts';
import { runMainBundle } from './runMainBundle.ts';

/**
 * Nothing typed is lost on the way out: the built main process with the Electron stand-in
 * and the real page; a figure typed into a table cell and a sentence into a prose field,
 * then, within 50 ms, each orderly way out. Reopening the store must find every character,
 * the app must exit by itself (code 0), in Electron's order of events, with no error logged.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What the stand-in records, per way out (electronStandIn.ts follows Electron's documented order). */
const QUIT = ['before-quit', 'before-quit', 'close', 'closed', 'will-quit', 'before-quit', 'will-quit', 'quit'];
const WAYS: [string, string[]][] = [
  // The close button: the page saves, the window closes, the last window closing quits the app.
  ['close', ['close', 'close', 'closed', 'window-all-closed', 'before-quit', 'will-quit', 'before-quit', 'will-quit', 'quit']],
  // The hidden window main keeps for PDF previews is destroyed (closed, no close) with the app's window.
  ['close-after-preview', ['close', 'close', 'closed', 'closed', 'window-all-closed', 'before-quit', 'will-quit', 'before-quit', 'will-quit', 'quit']],
  ['ctrl-q', QUIT],
  ['menu-quit', QUIT],
  // Electron answers SIGTERM with app.quit(), and so does main (in case Electron's handler is
  // not there): the second quit finds the first under way and changes nothing.
  ['sigterm', ['before-quit', ...QUIT]],
  // Windows shutdown or log-off: no quit events at all; main saves, closes the store and exits.
  ['session-end', ['query-session-end', 'session-end', 'exit 0', 'closed']],
];

describe.runIf(toolsAvailable('chromium'))('quitting right after typing', () => {
  it.each(WAYS)('%s: every character typed is in the store', { timeout: 150_000 }, (way, lifecycle) => {
    const dir = mkdtempSync(join(tmpdir(), `nianbao-quit-${way}-`));
    dirs.push(dir);
    const run = runMainBundle(`quit:${way}`, dir);
    const typed = run.result as { reportId: number; cellKey: string; figure: string; sectionKey: string; prose: string; leftWithinMs: number };
    expect(typed.reportId, run.output).toBeDefined();
    expect(typed.leftWithinMs).toBeLessThan(50);

    expect(run.exit, run.output).toMatchObject({ code: 0, errors: [], pageErrors: [] });
    expect(run.exit!.lifecycle).toEqual(lifecycle);
    expect(run.status).toBe(0);
    // A close reads nothing from a destroyed window ("Object has been destroyed").
    expect(run.log).not.toMatch(/ERROR/);
    // The page answered: main did not have to give up waiting.
    expect(run.log).not.toContain('未能及时保存');

    const store = openStore({ dataDir: join(dir, 'userData') });
    if (!store.ok) throw new Error(store.error);
    try {
      const stored = store.value.getReport({ reportId: typed.reportId });
      if (!stored.ok) throw new Error(stored.error);
      expect(stored.value.report.values[typed.cellKey]).toBe(typed.figure);
      expect(stored.value.report.sections[typed.sectionKey]).toBe(typed.prose);
    } finally {
      void store.value.close();
    }
  });
});
