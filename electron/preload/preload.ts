import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createApi } from '../../shared/ipc/api.ts';
import type { FlushHandler } from '../../shared/ipc/api.ts';
import { FLUSH_DONE_EVENT, FLUSH_EVENT, isMenuCommand, MENU_EVENT } from '../../shared/ipc/names.ts';
import type { IpcResponse } from '../../shared/ipc/contract.ts';

/**
 * The sandboxed preload: the page gets `window.nianbao`, the typed API of the IPC
 * contract, and nothing else: no ipcRenderer, no Electron or Node object, no event.
 */
const flushHandlers = new Set<FlushHandler>();

// Main's flush request is answered once every handler has settled (saved or failed).
ipcRenderer.on(FLUSH_EVENT, (_event: IpcRendererEvent, request: unknown) => {
  void Promise.allSettled([...flushHandlers].map((flush) => flush())).then(() => ipcRenderer.send(FLUSH_DONE_EVENT, request));
});

const api = createApi(
  (channel, args) => ipcRenderer.invoke(channel, args) as Promise<IpcResponse>,
  (listener) => {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, forward);
    };
  },
  (handler) => {
    flushHandlers.add(handler);
    return () => {
      flushHandlers.delete(handler);
    };
  },
);

contextBridge.exposeInMainWorld('nianbao', api);
