import type { CliCommand } from '../command.ts';
import { parseArgs, UsageError } from '../command.ts';
import { DATA_DIR_OPTION, storeFailure, withStore } from '../storeAccess.ts';

const NAME = 'backup';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const backupCommand: CliCommand = {
  name: NAME,
  usage: 'backup [-o FILE.db] [--data-dir DIR]',
  summary: '备份整个数据库（放入自动备份文件夹，或 -o 另存）；年报程序开着时也能用',
  async run(args, io) {
    const parsed = parseArgs(args, ['o', 'out', DATA_DIR_OPTION]);
    if (parsed.positional.length) throw new UsageError(`多余的参数：${parsed.positional.join(' ')}`);
    const out = parsed.options.get('o') ?? parsed.options.get('out');
    return withStore(parsed, io, { command: NAME, readOnly: true }, async (store) => {
      const backup = typeof out === 'string' ? await store.backupToFile({ path: out }) : await store.backupNow();
      if (!backup.ok) return storeFailure(io, NAME, backup.error);
      io.out.write(`已备份到 ${backup.value.path}（${size(backup.value.bytes)}）\n`);
      return 0;
    });
  },
};
