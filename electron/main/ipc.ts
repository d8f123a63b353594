import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/ipc/contract.ts';
import type { IpcResponse } from '../../shared/ipc/contract.ts';
import type { Handlers } from '../../services/app/registry.ts';
import type { AppLog } from '../../services/log/appLog.ts';

/**
 * Registers every channel of the contract with `ipcMain.handle`. A message from anything
 * but the app's own main frame is refused before its argument is even looked at; the
 * handlers validate the argument itself. Refusals and failures go to the app's log.
 */
export function registerIpc(handlers: Handlers, isTrusted: (event: IpcMainInvokeEvent) => boolean, log: AppLog): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, args: unknown): Promise<IpcResponse> => {
      if (!isTrusted(event)) {
        log.warn(`已拒绝来自“${event.senderFrame?.url ?? '未知页面'}”的请求：${channel}`);
        return Promise.resolve({ ok: false, error: '请求来自不受信任的页面，已拒绝。' });
      }
      return handlers[channel](args).then((response) => {
        if (!response.ok) log.warn(`${channel} 未完成：${response.error}`);
        return response;
      });
    });
  }
}
