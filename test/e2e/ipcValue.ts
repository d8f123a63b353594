import type { IpcResponse } from '../../shared/ipc/contract.ts';

/** What a handler answered through the harness, or its readable error thrown. */
export function ipcValue<T>(response: IpcResponse): T {
  if (!response.ok) throw new Error(response.error);
  return response.value as T;
}
