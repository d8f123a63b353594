import type { HeavyWork } from './heavyWork.ts';

/** The messages between main and the heavy-work thread. */

export type WorkRequest = {
  [M in keyof HeavyWork]: { readonly id: number; readonly method: M; readonly args: Parameters<HeavyWork[M]> };
}[keyof HeavyWork];

export type WorkResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  /** The service threw: an internal error, reported as the message it had. */
  | { readonly id: number; readonly ok: false; readonly error: string };
