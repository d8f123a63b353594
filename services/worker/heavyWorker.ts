import { Worker } from 'node:worker_threads';
import type { HeavyWork } from './heavyWork.ts';
import { HEAVY_WORK_METHODS } from './heavyWork.ts';
import type { WorkRequest, WorkResponse } from './workerProtocol.ts';

/**
 * The heavy services on a worker thread (Node's worker_threads, which run the same
 * modules in Electron main and in Node, so the tests exercise what the app runs). The
 * thread starts on the first call and again after it dies; a call in flight when it dies
 * fails with a message instead of waiting forever.
 *
 * A worker thread rather than Electron's utilityProcess: the work is pure JavaScript
 * (pdf.js, docx, our recognisers), a thread shares the process's memory limits and loads
 * in milliseconds, and it runs the same in Node, where the tests can check it; a separate
 * process would only add isolation from native crashes, which this code cannot cause.
 */

export interface HeavyWorker extends HeavyWork {
  close(): Promise<void>;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

export function startHeavyWorker(entry: string | URL): HeavyWorker {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function failAll(error: Error): void {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    worker = undefined;
  }

  /** An idle thread never keeps the process alive; one with calls in flight does. */
  function holdWhileBusy(): void {
    if (pending.size > 0) worker?.ref();
    else worker?.unref();
  }

  function thread(): Worker {
    if (worker) return worker;
    const started = new Worker(entry);
    started.on('message', (response: WorkResponse) => {
      const call = pending.get(response.id);
      if (!call) return;
      pending.delete(response.id);
      holdWhileBusy();
      if (response.ok) call.resolve(response.value);
      else call.reject(Object.assign(new Error(response.error), response.code === undefined ? {} : { code: response.code }));
    });
    started.on('error', (error) => failAll(new Error(`后台处理线程出错：${error.message}`)));
    started.on('exit', (code) => {
      if (worker === started) failAll(new Error(`后台处理线程意外退出（代码 ${code}），请重试。`));
    });
    return (worker = started);
  }

  function call(method: WorkRequest['method'], args: WorkRequest['args']): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      thread().postMessage({ id, method, args } as WorkRequest);
      holdWhileBusy();
    });
  }

  const methods = Object.fromEntries(
    HEAVY_WORK_METHODS.map((method) => [method, (...args: WorkRequest['args']) => call(method, args)]),
  ) as unknown as HeavyWork;

  return {
    ...methods,
    async close() {
      const closing = worker;
      worker = undefined;
      failAll(new Error('后台处理线程已关闭。'));
      await closing?.terminate();
    },
  };
}
