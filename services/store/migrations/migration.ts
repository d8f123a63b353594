import type { Db } from '../database.ts';

/** One step of the database schema; `version` is the `user_version` after it ran. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
