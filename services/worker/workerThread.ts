import { parentPort } from 'node:worker_threads';
import { inProcessHeavyWork } from './heavyWork.ts';
import type { WorkRequest, WorkResponse } from './workerProtocol.ts';

/** The heavy-work thread: runs each request on the in-process services and answers it. */

const port = parentPort;
if (!port) throw new Error('workerThread.ts runs only as a worker thread');

port.on('message', (request: WorkRequest) => {
  const work = inProcessHeavyWork[request.method] as (...args: unknown[]) => Promise<unknown>;
  work(...request.args).then(
    (value): void => port.postMessage({ id: request.id, ok: true, value } satisfies WorkResponse),
    (error: unknown): void => port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkResponse),
  );
});
