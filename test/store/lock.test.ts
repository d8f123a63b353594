import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStore } from '../../services/store/index.ts';
import { errorOf, openTestStore, tempDir, unwrap } from './support.ts';

describe('one writer per data folder', () => {
  test('a second store on the same folder gets a clear message; after closing, it opens', async () => {
    const dataDir = tempDir();
    const first = openTestStore(dataDir);
    const refusal = errorOf(openStore({ dataDir }));
    expect(refusal).toMatch(/^这份数据正由另一个年报程序使用（进程\d+，.+起）。同一时间只能有一个年报程序修改数据/);
    expect(refusal).toContain(`进程${process.pid}`);
    // Reading beside the writer is allowed (the CLI's list and backup).
    const reader = unwrap(openStore({ dataDir, readOnly: true }));
    expect(unwrap(reader.listAgencies())).toEqual([]);
    await reader.close();
    await first.close();
    await unwrap(openStore({ dataDir })).close();
  });

  test('a process that holds the store and is killed leaves no lock behind', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [join(import.meta.dirname, 'crashChild.ts'), dataDir, '1']);
    const output: string[] = [];
    const editing = new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output.push(chunk);
        if (chunk.includes('ready')) child.stdin.write('go\n');
        if (chunk.includes('saved')) resolve();
      });
      child.once('exit', () => reject(new Error(`child ended early: ${output.join('')}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await editing;
    const refusal = errorOf(openStore({ dataDir }));
    expect(refusal).toContain(`进程${child.pid}`);
    child.kill('SIGKILL');
    await exited;
    const store = unwrap(openStore({ dataDir }));
    expect(store.startupNotices).toEqual([]);
    await store.close();
  });
});
