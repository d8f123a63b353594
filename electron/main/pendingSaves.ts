import { ipcMain } from 'electron';
import type { IpcMainEvent, WebContents } from 'electron';
import { FLUSH_DONE_EVENT, FLUSH_EVENT } from '../../shared/ipc/contract.ts';

/**
 * Asks a page to save what it still holds before its window closes or the app quits
 * (FLUSH_EVENT, answered with FLUSH_DONE_EVENT), and waits for its answer, at most
 * SAVE_PENDING_TIMEOUT_MS: a page that hangs must not keep the app from closing. A window
 * that goes away meanwhile ends the wait at once.
 */

export const SAVE_PENDING_TIMEOUT_MS = 2000;

export type SaveOutcome = 'saved' | 'timed-out' | 'gone';
export type SavePending = (contents: WebContents) => Promise<SaveOutcome>;

export function answerPendingSaves(isTrusted: (event: IpcMainEvent) => boolean): SavePending {
  let lastRequest = 0;
  const waiting = new Map<number, { readonly contentsId: number; readonly answered: () => void }>();
  ipcMain.on(FLUSH_DONE_EVENT, (event, request: unknown) => {
    const entry = typeof request === 'number' ? waiting.get(request) : undefined;
    if (entry && entry.contentsId === event.sender.id && isTrusted(event)) entry.answered();
  });

  return (contents) => {
    if (contents.isDestroyed()) return Promise.resolve('gone');
    const request = ++lastRequest;
    return new Promise<SaveOutcome>((resolve) => {
      const finish = (outcome: SaveOutcome) => {
        clearTimeout(timer);
        waiting.delete(request);
        contents.removeListener('destroyed', gone);
        resolve(outcome);
      };
      const gone = () => finish('gone');
      const timer = setTimeout(() => finish('timed-out'), SAVE_PENDING_TIMEOUT_MS);
      waiting.set(request, { contentsId: contents.id, answered: () => finish('saved') });
      contents.once('destroyed', gone);
      contents.send(FLUSH_EVENT, request);
    });
  };
}
