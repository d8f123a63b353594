import type { AppDeps } from './deps.ts';
import { agencyHandlers } from './handlers/agencies.ts';
import { appHandlers } from './handlers/app.ts';
import { backupHandlers } from './handlers/backups.ts';
import { exchangeHandlers } from './handlers/exchange.ts';
import { exportHandlers } from './handlers/exports.ts';
import { importHandlers } from './handlers/imports.ts';
import { lastYearHandlers } from './handlers/lastYear.ts';
import { reportHandlers } from './handlers/reports.ts';
import { revisionHandlers } from './handlers/revisions.ts';
import { shellHandlers } from './handlers/shell.ts';
import { summaryHandlers } from './handlers/summary.ts';
import type { Handlers, Implementations } from './registry.ts';
import { ReviewCache } from './reviewCache.ts';
import { registerHandlers } from './registry.ts';
import { UserFiles } from './userFiles.ts';

/**
 * Every channel of the IPC contract, bound to the services in `deps`, each call's
 * argument validated first. Electron main registers these with `ipcMain.handle`; the
 * test harness routes the page's calls to them.
 */
export function createHandlers(deps: AppDeps): Handlers {
  const files = new UserFiles();
  const reviews = new ReviewCache();
  const implementations: Implementations = {
    ...appHandlers(deps),
    ...agencyHandlers(deps),
    ...reportHandlers(deps),
    ...revisionHandlers(deps),
    ...backupHandlers(deps, files, reviews),
    ...exchangeHandlers(deps, files),
    ...exportHandlers(deps, files),
    ...importHandlers(deps),
    ...lastYearHandlers(deps, files),
    ...shellHandlers(deps, files),
    ...summaryHandlers(deps, files, reviews),
  };
  return registerHandlers(implementations);
}
