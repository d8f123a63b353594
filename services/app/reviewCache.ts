import type { Result } from '../../shared/model/validation.ts';

/**
 * The review rows and sums of the workspaces looked at, kept until something they depend
 * on changes: checking 1,000 units takes about a second of the heavy-work thread, and the
 * review table is read again after every change on its screen. The summary handlers call
 * `changed()` after every change of units, received files, a file's unit or a chosen
 * revision (a workspace's review also depends on last year's workspace), and the backup
 * handler after a restore; a reviewer's note is not such a change: the handlers lay the
 * notes over the kept rows when they read them, so saving a note checks nothing again.
 */
export class ReviewCache {
  readonly #kept = new Map<string, Promise<Result<unknown>>>();

  /** Everything kept is dropped; a computation under way answers only those who asked before. */
  changed(): void {
    this.#kept.clear();
  }

  /** The kept result under `key`, else `compute`'s (a failure is not kept: the next call tries again). */
  kept<T>(key: string, compute: () => Promise<Result<T>>): Promise<Result<T>> {
    const existing = this.#kept.get(key) as Promise<Result<T>> | undefined;
    if (existing) return existing;
    const computing = compute();
    this.#kept.set(key, computing);
    const forget = () => {
      if (this.#kept.get(key) === computing) this.#kept.delete(key);
    };
    computing.then((result) => result.ok || forget(), forget);
    return computing;
  }
}
