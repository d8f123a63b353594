import { defaultDataDir, openStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import type { CliIo, ParsedArgs } from './command.ts';

/** How store commands find and open the store: `--data-dir`, else the app's own folder. */

export const DATA_DIR_OPTION = 'data-dir';

/** Prints a store's refusal (not a usage mistake: no usage line) and gives exit code 1. */
export function storeFailure(io: CliIo, command: string, error: string): number {
  io.err.write(`nianbao ${command}：${error}\n`);
  return 1;
}

/**
 * Opens the store, runs `use` and closes it again. Start-up notices (a damaged
 * database restored from a backup) are printed; a store that cannot be opened
 * (in use by the app, newer version …) is a failure with its reason.
 */
export async function withStore(
  parsed: ParsedArgs,
  io: CliIo,
  how: { readonly command: string; readonly readOnly: boolean },
  use: (store: Store) => Promise<number> | number,
): Promise<number> {
  const option = parsed.options.get(DATA_DIR_OPTION);
  const opened = openStore({ dataDir: typeof option === 'string' ? option : defaultDataDir(), readOnly: how.readOnly });
  if (!opened.ok) return storeFailure(io, how.command, opened.error);
  for (const notice of opened.value.startupNotices) io.err.write(`注意：${notice.message}\n`);
  try {
    return await use(opened.value);
  } finally {
    await opened.value.close();
  }
}
