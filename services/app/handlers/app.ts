import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';

type AppChannel = `nianbao:app:${string}` & keyof Implementations;

export function appHandlers({ store, appInfo }: AppDeps): Implementations<AppChannel> {
  return {
    'nianbao:app:info': async () => appInfo,
    'nianbao:app:startupNotices': async () => store.startupNotices.map((notice) => ({ level: 'warning' as const, message: notice.message })),
  };
}
