import { describe, expect, it } from 'vitest';
import { createApi } from '../../shared/ipc/api.ts';
import type { Invoke } from '../../shared/ipc/api.ts';
import { channels } from '../../shared/ipc/contract.ts';
import type { Channel, MenuCommand } from '../../shared/ipc/contract.ts';

/** createApi: the page's one API shape, built from the contract for the preload and the harness alike. */

function recordingApi(answer: (channel: Channel) => Awaited<ReturnType<Invoke>>) {
  const sent: [Channel, unknown][] = [];
  const api = createApi(
    async (channel, args) => {
      sent.push([channel, args]);
      return answer(channel);
    },
    () => () => {},
    () => () => {},
  );
  return { api, sent };
}

describe('createApi', () => {
  it('has one method per channel, named after it', () => {
    const { api } = recordingApi(() => ({ ok: true, value: null }));
    const methods = Object.entries(api)
      .filter(([group]) => group !== 'menu' && group !== 'lifecycle')
      .flatMap(([group, members]) => Object.keys(members as object).map((method) => `nianbao:${group}:${method}`));
    expect(methods.sort()).toEqual([...channels].sort());
  });

  it('sends the channel and argument (an empty object when none is given) and resolves with the value', async () => {
    const { api, sent } = recordingApi(() => ({ ok: true, value: { savedAt: '2025-01-31T02:00:00.000Z' } }));
    await expect(api.reports.save({ id: 3, report: {} as never })).resolves.toEqual({ savedAt: '2025-01-31T02:00:00.000Z' });
    await api.agencies.list();
    expect(sent).toEqual([
      ['nianbao:reports:save', { id: 3, report: {} }],
      ['nianbao:agencies:list', {}],
    ]);
  });

  it('rejects with the readable error main sent', async () => {
    const { api } = recordingApi(() => ({ ok: false, error: '找不到编号为9的报告。' }));
    await expect(api.reports.open({ id: 9 })).rejects.toThrow(new Error('找不到编号为9的报告。'));
  });

  it('is frozen: the page cannot swap a method', () => {
    const { api } = recordingApi(() => ({ ok: true, value: null }));
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.reports)).toBe(true);
  });

  it('passes menu commands to the subscriber and unsubscribes', () => {
    const listeners = new Set<(c: MenuCommand) => void>();
    const api = createApi(
      async () => ({ ok: true, value: null }),
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      () => () => {},
    );
    const seen: MenuCommand[] = [];
    const stop = api.menu.onCommand((command) => seen.push(command));
    for (const l of listeners) l('export-pdf');
    stop();
    expect(seen).toEqual(['export-pdf']);
    expect(listeners.size).toBe(0);
  });

  it('passes the page flush handlers to the subscriber and removes them', async () => {
    const handlers = new Set<() => Promise<void>>();
    const api = createApi(
      async () => ({ ok: true, value: null }),
      () => () => {},
      (handler) => {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
    );
    let flushed = 0;
    const stop = api.lifecycle.onFlushRequest(async () => void flushed++);
    await Promise.all([...handlers].map((h) => h()));
    stop();
    expect(flushed).toBe(1);
    expect(handlers.size).toBe(0);
  });
});
