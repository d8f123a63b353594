import { stat } from 'node:fs/promises';
import type { UnitEntry } from '../../shared/summary/index.ts';
import { readUnitList, reviewFolder } from '../summary/index.ts';
import type { FolderReview } from '../summary/index.ts';
import type { CliIo } from './command.ts';
import { UsageError } from './command.ts';

/** What `review` and `sum` share: the folders given, the unit list, the folder read with progress on stderr. */
export async function readFolderArgs(command: string, dirs: readonly string[], unitsPath: string | true | undefined, io: CliIo): Promise<FolderReview> {
  if (dirs.length === 0) throw new UsageError(`请给出收到报告的文件夹：nianbao ${command} 文件夹`);
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) throw new UsageError(`“${dir}”不存在`);
  }
  let units: readonly UnitEntry[] | undefined;
  if (typeof unitsPath === 'string') {
    const list = await readUnitList(unitsPath);
    if (!list.ok) throw new UsageError(list.error);
    units = list.value.units;
  }
  const folder = await reviewFolder(dirs, {
    ...(units ? { units } : {}),
    onProgress: ({ done, total, fileName }) => io.err.write(`\r读取 ${done + 1}/${total}：${fileName}`.padEnd(60)),
  });
  if (folder.files.length > 0) io.err.write('\n');
  if (folder.files.length === 0) throw new UsageError(`“${dirs.join('、')}”中没有报告文件（.docx、.pdf、.html、.mht、.xlsx、.txt、.nianbao）`);
  return folder;
}
