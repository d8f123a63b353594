import { channels, ipcContract } from '../../shared/ipc/contract.ts';
import type { Channel, ChannelResult, IpcResponse, ValidArgs } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/model/validation.ts';
import { validate } from '../../shared/model/validation.ts';
import { compiledSchema } from '../compiledSchema.ts';

/**
 * The handler registry: one function per channel of the contract. Every call's argument
 * is checked against the channel's schema first; a bad argument is answered with a
 * readable error and never reaches a service. Electron main and the test harness both
 * register exactly these functions.
 */

export type Implementation<C extends Channel> = (args: ValidArgs<C>) => Promise<ChannelResult<C>>;
export type Implementations<C extends Channel = Channel> = { readonly [K in C]: Implementation<K> };

/** What main's `ipcMain.handle` and the harness's binding call: untrusted argument in, response out. */
export type Handler = (args: unknown) => Promise<IpcResponse>;
export type Handlers = Readonly<Record<Channel, Handler>>;

/** An expected failure whose message the user should read (e.g. a file that cannot be read). */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/** The value of a service result, or its readable error thrown as a UserFacingError. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new UserFacingError(result.error);
  return result.value;
}

/** The channel's argument after its schema, or what is wrong with it in Chinese. */
function validateArgs<C extends Channel>(channel: C, args: unknown): Result<ValidArgs<C>> {
  return validate(compiledSchema(ipcContract[channel].args), args, '请求的参数有误：') as Result<ValidArgs<C>>;
}

function failureMessage(channel: Channel, error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  // A bug, not a user mistake: keep the details for the log, tell the user plainly.
  console.error(`[${channel}]`, error);
  const detail = error instanceof Error ? error.message : String(error);
  return `操作未能完成（${detail}）。请重试；如果问题持续出现，请重新启动年报。`;
}

function handler<C extends Channel>(channel: C, implementation: Implementation<C>): Handler {
  return async (args) => {
    const valid = validateArgs(channel, args);
    if (!valid.ok) return valid;
    try {
      return { ok: true, value: await implementation(valid.value) };
    } catch (error) {
      return { ok: false, error: failureMessage(channel, error) };
    }
  };
}

/** Wraps every implementation with argument validation and error reporting. */
export function registerHandlers(implementations: Implementations): Handlers {
  return Object.freeze(
    Object.fromEntries(channels.map((channel) => [channel, handler(channel, implementations[channel] as Implementation<typeof channel>)])),
  ) as Handlers;
}
