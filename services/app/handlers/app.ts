import { currentFormat } from '../../../shared/format/index.ts';
import { REPORT_SCHEMA_VERSION } from '../../../shared/model/serialize.ts';
import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';

type AppChannel = `nianbao:app:${string}` & keyof Implementations;

export function appHandlers({ store, about }: AppDeps): Implementations<AppChannel> {
  return {
    'nianbao:app:info': async () => ({
      ...about,
      formatId: currentFormat.id,
      formatName: `${currentFormat.name}（${currentFormat.basis}）`,
      dataVersion: REPORT_SCHEMA_VERSION,
      dataDir: store.dataDir,
    }),
    'nianbao:app:startupNotices': async () => store.startupNotices.map((notice) => ({ level: 'warning' as const, message: notice.message })),
  };
}
