import type { AppDeps } from '../deps.ts';
import type { ReviewCache } from '../reviewCache.ts';
import type { Implementations } from '../registry.ts';
import { unwrap } from '../registry.ts';
import type { UserFiles } from '../userFiles.ts';

type BackupChannel = `nianbao:backups:${string}` & keyof Implementations;

const BACKUP_FILTERS = [{ name: '年报数据备份', extensions: ['db'] }];

/** `reviews`: the 汇总 reviews kept, dropped when a backup replaces the data. */
export function backupHandlers({ store, dialogs, clock }: AppDeps, files: UserFiles, reviews: ReviewCache): Implementations<BackupChannel> {
  return {
    'nianbao:backups:list': async () =>
      unwrap(store.listBackups()).backups.map((backup) => ({ file: backup.file, createdAt: backup.takenAt, sizeBytes: backup.bytes })),
    'nianbao:backups:backupToFile': async () => {
      const day = clock().toISOString().slice(0, 10);
      const path = await dialogs.chooseSavePath({ title: '备份到文件', defaultName: `年报数据备份-${day}.db`, filters: BACKUP_FILTERS });
      if (path === null) return null;
      const written = unwrap(await store.backupToFile({ path }));
      files.remember(written.path);
      return { path: written.path };
    },
    'nianbao:backups:restoreFromFile': async () => {
      const path = await dialogs.chooseOpenPath({ title: '从备份文件恢复', filters: BACKUP_FILTERS });
      if (path === null) return { restored: false };
      try {
        unwrap(await store.restoreFromFile({ path }));
      } finally {
        reviews.changed();
      }
      return { restored: true };
    },
  };
}
