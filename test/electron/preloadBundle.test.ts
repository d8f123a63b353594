import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { NianbaoApi } from '../../shared/ipc/api.ts';
import { channels, FLUSH_DONE_EVENT, FLUSH_EVENT, MENU_EVENT } from '../../shared/ipc/contract.ts';

/**
 * The built preload (dist/electron/preload.cjs) run as a sandboxed preload runs: it may
 * require nothing but `electron`, and must expose exactly `window.nianbao`.
 */

const PRELOAD = join(import.meta.dirname, '..', '..', 'dist', 'electron', 'preload.cjs');

function runPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  const sent: [string, unknown][] = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, args: unknown) => (invoked.push([channel, args]), { ok: true, value: 'answer' }),
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void listeners.set(channel, listener),
      removeListener: (channel: string) => void listeners.delete(channel),
      send: (channel: string, value: unknown) => void sent.push([channel, value]),
    },
  };
  const required: string[] = [];
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(PRELOAD, 'utf8'), { require, module, exports: module.exports, console });
  return { exposed, invoked, sent, listeners, required };
}

describe('the preload bundle', () => {
  it('requires only electron and exposes only window.nianbao, built from the contract', async () => {
    const { exposed, invoked, required } = runPreload();
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect([...exposed.keys()]).toEqual(['nianbao']);
    const api = exposed.get('nianbao') as NianbaoApi;
    const methods = Object.entries(api)
      .filter(([group]) => group !== 'menu' && group !== 'lifecycle')
      .flatMap(([group, members]) => Object.keys(members as object).map((m) => `nianbao:${group}:${m}`));
    expect(methods.sort()).toEqual([...channels].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
    await expect(api.reports.open({ id: 4 })).resolves.toBe('answer');
    expect(invoked).toEqual([['nianbao:reports:open', { id: 4 }]]);
  });

  it('carries the names of the IPC only, not the schemas of the contract (it runs before the page in every window)', () => {
    const preload = readFileSync(PRELOAD, 'utf8');
    expect(preload).not.toMatch(/zod|ZodObject|strictObject/);
    expect(preload.length).toBeLessThan(20_000);
  });

  it('forwards only known menu commands, never the IPC event', () => {
    const { exposed, listeners } = runPreload();
    const api = exposed.get('nianbao') as NianbaoApi;
    const seen: unknown[][] = [];
    const stop = api.menu.onCommand((...args) => seen.push(args));
    const deliver = listeners.get(MENU_EVENT)!;
    deliver({ sender: 'secret' }, 'print');
    deliver({ sender: 'secret' }, 'rm -rf');
    stop();
    expect(seen).toEqual([['print']]);
    expect(listeners.has(MENU_EVENT)).toBe(false);
  });

  it('answers the flush request of main once the flush handlers of the page have saved', async () => {
    const { exposed, listeners, sent } = runPreload();
    const api = exposed.get('nianbao') as NianbaoApi;
    let release = () => {};
    const saving = new Promise<void>((resolve) => (release = resolve));
    api.lifecycle.onFlushRequest(() => saving);
    listeners.get(FLUSH_EVENT)!({ sender: 'secret' }, 7);
    await Promise.resolve();
    expect(sent).toEqual([]);
    release();
    await expect.poll(() => sent).toEqual([[FLUSH_DONE_EVENT, 7]]);
  });
});
