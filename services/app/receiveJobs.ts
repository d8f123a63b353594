import type { ReceiveProgress } from '../../shared/ipc/contract.ts';
import { UserFacingError } from './registry.ts';

/**
 * Receiving a folder of reports takes from seconds to minutes: the handler starts it as
 * a job and returns at once; the page asks how far it is (`progress`) a few times a second
 * and may cancel it. Each job reads its files one by one off the window's thread (the
 * reading itself runs on the heavy-work thread), so the window and every other call stay
 * responsive. One job at a time per workspace; a page that comes back to the workspace
 * (the clerk went to another screen, the window reloaded) finds the job under way and
 * follows it again. A workspace's last job is kept, finished or not, until the next one
 * starts: its last state can be read more than once.
 */

export interface JobReport {
  /** Files done so far of `total` (a folder's files are counted once it has been listed), and the one being read (null between files). */
  readonly done: number;
  readonly total: number;
  readonly current: string | null;
}

export type JobWork = (report: (progress: JobReport) => void, signal: AbortSignal) => Promise<{ received: number; unreadable: number }>;

interface Job {
  readonly workspaceId: number;
  progress: ReceiveProgress;
  readonly abort: AbortController;
}

export class ReceiveJobs {
  readonly #jobs = new Map<number, Job>();
  #nextId = 1;

  /** Refuses, in Chinese, while the workspace is receiving: two jobs would read the same files side by side. */
  refuseWhileReceiving(workspaceId: number): void {
    if (this.underWay(workspaceId)) throw new UserFacingError('这个汇总正在接收文件，请等这次接收完成（或取消）后再添加。');
  }

  /** Starts `work` for the workspace; returns the job's number. */
  start(workspaceId: number, work: JobWork): number {
    this.refuseWhileReceiving(workspaceId);
    for (const [id, job] of this.#jobs) if (job.workspaceId === workspaceId) this.#jobs.delete(id);
    const jobId = this.#nextId++;
    const job: Job = {
      workspaceId,
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
    const job = this.#jobs.get(jobId);
    if (!job) throw new UserFacingError('没有找到这次接收（可能已经结束），请刷新后查看。');
    return job.progress;
  }

  /** The workspace's job that has not finished yet, if any. */
  underWay(workspaceId: number): ReceiveProgress | null {
    for (const job of this.#jobs.values()) if (job.workspaceId === workspaceId && !job.progress.finished) return job.progress;
    return null;
  }

  /** Stops after the file being read; what was received before stays. */
  cancel(jobId: number): void {
    this.#jobs.get(jobId)?.abort.abort();
  }
}
