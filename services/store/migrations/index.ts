import { initial } from './0001-initial.ts';
import { summary } from './0002-summary.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every migration in order; version n is at index n-1. Add a file NNNN-name.ts and list it here. */
export const migrations: readonly Migration[] = [initial, summary];
