import { CHANNEL_PREFIX, channels } from './names.ts';
import type { Channel, MenuCommand } from './names.ts';
import type { ChannelArgs, ChannelResult, IpcResponse } from './contract.ts';

/**
 * The API the page sees as `window.nianbao`, built from the contract: channel
 * `nianbao:reports:save` becomes `api.reports.save({ id, report })`. Each method resolves
 * with the result or rejects with an Error whose message is the readable Chinese reason.
 */

/** Sends one call to main (Electron: `ipcRenderer.invoke`; tests: a Playwright binding). */
export type Invoke = (channel: Channel, args: unknown) => Promise<IpcResponse>;

type GroupOf<C> = C extends `${typeof CHANNEL_PREFIX}${infer G}:${string}` ? G : never;
type Group = GroupOf<Channel>;

/** Methods without required arguments may be called without any. */
type Method<C extends Channel> = Record<never, never> extends ChannelArgs<C>
  ? (args?: ChannelArgs<C>) => Promise<ChannelResult<C>>
  : (args: ChannelArgs<C>) => Promise<ChannelResult<C>>;

export type MenuListener = (command: MenuCommand) => void;
/** Starts delivering menu commands to `listener`; returns the function that stops it. */
export type SubscribeToMenu = (listener: MenuListener) => () => void;

/** Saves what the page still holds; resolves once it is durable (or has failed). */
export type FlushHandler = () => Promise<void>;
/** Registers a handler main's flush requests run; returns the function that removes it. */
export type SubscribeToFlush = (handler: FlushHandler) => () => void;

export type NianbaoApi = {
  readonly [G in Group]: {
    readonly [C in Channel as C extends `${typeof CHANNEL_PREFIX}${G}:${infer M}` ? M : never]: Method<C>;
  };
} & {
  readonly menu: { readonly onCommand: SubscribeToMenu };
  readonly lifecycle: { readonly onFlushRequest: SubscribeToFlush };
};

function splitChannel(channel: Channel): { group: string; method: string } {
  const [group = '', method = ''] = channel.slice(CHANNEL_PREFIX.length).split(':');
  return { group, method };
}

export function createApi(invoke: Invoke, subscribeToMenu: SubscribeToMenu, subscribeToFlush: SubscribeToFlush): NianbaoApi {
  const api: Record<string, Record<string, unknown>> = { menu: { onCommand: subscribeToMenu }, lifecycle: { onFlushRequest: subscribeToFlush } };
  for (const channel of channels) {
    const { group, method } = splitChannel(channel);
    api[group] ??= {};
    api[group][method] = async (args: unknown = {}) => {
      const response = await invoke(channel, args);
      if (!response.ok) throw new Error(response.error);
      return response.value;
    };
  }
  for (const methods of Object.values(api)) Object.freeze(methods);
  return Object.freeze(api) as unknown as NianbaoApi;
}
