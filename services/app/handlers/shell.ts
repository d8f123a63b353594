import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';
import { UserFacingError } from '../registry.ts';
import type { UserFiles } from '../userFiles.ts';

type ShellChannel = `nianbao:shell:${string}` & keyof Implementations;

export function shellHandlers({ shell }: AppDeps, files: UserFiles): Implementations<ShellChannel> {
  return {
    'nianbao:shell:showInFolder': async ({ path }) => {
      if (!files.wasWritten(path)) throw new UserFacingError('只能在文件夹中显示本次由年报保存的文件。');
      shell.showItemInFolder(path);
      return null;
    },
  };
}
