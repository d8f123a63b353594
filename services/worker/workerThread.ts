import { parentPort } from 'node:worker_threads';
import { inProcessHeavyWork } from './heavyWork.ts';
import type { WorkRequest, WorkResponse } from './workerProtocol.ts';

/** The heavy-work thread: runs each request on the in-process services and answers it. */

const port = parentPort;
if (!port) throw new Error('workerThread.ts runs only as a worker thread');

function failure(id: number, error: unknown): WorkResponse {
  if (!(error instanceof Error)) return { id, ok: false, error: String(error) };
  const { code } = error as NodeJS.ErrnoException;
  return typeof code === 'string' ? { id, ok: false, error: error.message, code } : { id, ok: false, error: error.stack ?? error.message };
}

port.on('message', (request: WorkRequest) => {
  const work = inProcessHeavyWork[request.method] as (...args: unknown[]) => Promise<unknown>;
  work(...request.args).then(
    (value): void => port.postMessage({ id: request.id, ok: true, value } satisfies WorkResponse),
    (error: unknown): void => port.postMessage(failure(request.id, error)),
  );
});
