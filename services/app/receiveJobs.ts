import type { ReceiveProgress } from '../../shared/ipc/contract.ts';
import { UserFacingError } from './registry.ts';

/**
 * Receiving a folder of reports takes from seconds to minutes: the handler starts it as
 * a job and returns at once; the page asks how far it is (`progress`) a few times a second
 * and may cancel it. Each job reads its files one by one off the window's thread (the
 * reading itself runs on the heavy-work thread), so the window and every other call stay
 * responsive. A finished job is forgotten once its last state has been read.
 */

export interface JobReport {
  /** Files done so far of `total` (a folder's files are counted once it has been listed), and the one being read (null between files). */
  readonly done: number;
  readonly total: number;
  readonly current: string | null;
}

export type JobWork = (report: (progress: JobReport) => void, signal: AbortSignal) => Promise<{ received: number; unreadable: number }>;

interface Job {
  progress: ReceiveProgress;
  readonly abort: AbortController;
}

export class ReceiveJobs {
  readonly #jobs = new Map<number, Job>();
  #nextId = 1;

  /** Starts `work`; returns the job's number. */
  start(work: JobWork): number {
    const jobId = this.#nextId++;
    const job: Job = {
      abort: new AbortController(),
      progress: { jobId, total: 0, done: 0, current: null, finished: false, cancelled: false, received: 0, unreadable: 0, error: null },
    };
    this.#jobs.set(jobId, job);
    const update = (change: Partial<ReceiveProgress>) => void (job.progress = { ...job.progress, ...change });
    work((p) => update({ done: p.done, total: p.total, current: p.current }), job.abort.signal).then(
      ({ received, unreadable }) => update({ finished: true, current: null, received, unreadable, cancelled: job.abort.signal.aborted }),
      (error: unknown) =>
        update({
          finished: true,
          current: null,
          cancelled: job.abort.signal.aborted,
          error: job.abort.signal.aborted ? null : error instanceof Error ? error.message : String(error),
        }),
    );
    return jobId;
  }

  progress(jobId: number): ReceiveProgress {
    const job = this.#require(jobId);
    if (job.progress.finished) this.#jobs.delete(jobId);
    return job.progress;
  }

  /** Stops after the file being read; what was received before stays. */
  cancel(jobId: number): void {
    this.#jobs.get(jobId)?.abort.abort();
  }

  #require(jobId: number): Job {
    const job = this.#jobs.get(jobId);
    if (!job) throw new UserFacingError('没有找到这次接收（可能已经结束），请刷新后查看。');
    return job;
  }
}
