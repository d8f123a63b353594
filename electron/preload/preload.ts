import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createApi } from '../../shared/ipc/api.ts';
import { isMenuCommand, MENU_EVENT } from '../../shared/ipc/contract.ts';
import type { IpcResponse } from '../../shared/ipc/contract.ts';

/**
 * The sandboxed preload: the page gets `window.nianbao`, the typed API of the IPC
 * contract, and nothing else: no ipcRenderer, no Electron or Node object, no event.
 */
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
);

contextBridge.exposeInMainWorld('nianbao', api);
