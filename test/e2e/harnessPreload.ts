import { createApi } from '../../shared/ipc/api.ts';
import type { FlushHandler, MenuListener } from '../../shared/ipc/api.ts';
import type { Channel, IpcResponse, MenuCommand } from '../../shared/ipc/contract.ts';

/**
 * The harness's stand-in for electron/preload/preload.ts, run in the page before its
 * scripts: the same `createApi`, with calls going to the harness's Playwright binding
 * (and from there to the handlers main registers) instead of ipcRenderer.
 */

interface HarnessWindow {
  __nianbaoInvoke(channel: Channel, args: unknown): Promise<IpcResponse>;
  __nianbaoMenu?: (command: MenuCommand) => void;
  /** What main's flush request does: runs the page's flush handlers, resolves when they settle. */
  __nianbaoFlush?: () => Promise<void>;
}

const page = window as unknown as HarnessWindow;
const listeners = new Set<MenuListener>();
const flushHandlers = new Set<FlushHandler>();

const api = createApi(
  (channel, args) => page.__nianbaoInvoke(channel, args),
  (listener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  (handler) => {
    flushHandlers.add(handler);
    return () => {
      flushHandlers.delete(handler);
    };
  },
);

// Read-only, as contextBridge makes it.
Object.defineProperty(window, 'nianbao', { value: api, enumerable: true, writable: false, configurable: false });
page.__nianbaoMenu = (command) => {
  for (const listener of listeners) listener(command);
};
page.__nianbaoFlush = async () => {
  await Promise.allSettled([...flushHandlers].map((flush) => flush()));
};
