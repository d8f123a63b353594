import type { NianbaoApi } from '../shared/ipc/api.ts';

/**
 * The app's services, as installed by the preload (or the test harness) on the page.
 * Every method resolves with its result or rejects with a readable Chinese message.
 */
export const nianbao: NianbaoApi = window.nianbao;

/** The readable message of a failed call. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
