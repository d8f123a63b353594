import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore } from '../../services/store/index.ts';
import type { Store } from '../../services/store/index.ts';
import type { Result } from '../../shared/model/validation.ts';

/** Helpers for store tests: throw-away data folders, a clock the test moves, unwrapping results. */

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh folder removed after the test. */
export function tempDir(prefix = 'nianbao-store-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestClock {
  (): Date;
  advance(minutes: number): void;
}

export function testClock(start = '2025-01-10T02:00:00.000Z'): TestClock {
  let time = new Date(start).getTime();
  const clock = (() => new Date(time)) as TestClock;
  clock.advance = (minutes) => {
    time += minutes * 60_000;
  };
  return clock;
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.value;
}

export function errorOf(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected a refusal, got success');
  return result.error;
}

/** Opens a store (closed after the test unless the test closed it). */
export function openTestStore(dataDir = tempDir(), clock: TestClock = testClock()): Store {
  const store = unwrap(openStore({ dataDir, clock }));
  cleanups.push(() => store.close());
  return store;
}
