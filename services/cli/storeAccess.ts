import { defaultDataDir, openStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import type { Result } from '../../shared/model/validation.ts';
import type { CliIo, ParsedArgs } from './command.ts';

/** How store commands find and open the store: `--data-dir`, else the app's own folder. */

export const DATA_DIR_OPTION = 'data-dir';

export function openStoreFor(parsed: ParsedArgs, io: CliIo, readOnly: boolean): Result<Store> {
  const option = parsed.options.get(DATA_DIR_OPTION);
  const opened = openStore({ dataDir: typeof option === 'string' ? option : defaultDataDir(), readOnly });
  if (opened.ok) for (const notice of opened.value.startupNotices) io.err.write(`注意：${notice.message}\n`);
  return opened;
}

/** Prints a store's refusal (not a usage mistake: no usage line) and gives exit code 1. */
export function storeFailure(io: CliIo, command: string, error: string): number {
  io.err.write(`nianbao ${command}：${error}\n`);
  return 1;
}
