import type { HeavyWork } from './heavyWork.ts';

/** The messages between main and the heavy-work thread. */

export type WorkRequest = {
  [M in keyof HeavyWork]: { readonly id: number; readonly method: M; readonly args: Parameters<HeavyWork[M]> };
}[keyof HeavyWork];

export type WorkResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  /**
   * The service threw. An error with a code (SQLite's or the file system's, e.g. SQLITE_FULL,
   * ENOSPC) keeps its code and message, so main words it for the user as if thrown there
   * (services/store/errors.ts); any other is an internal error, reported with its stack.
   */
  | { readonly id: number; readonly ok: false; readonly error: string; readonly code?: string };
