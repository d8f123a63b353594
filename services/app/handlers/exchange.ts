import { EXCHANGE_EXTENSION, exportExchangeFile, importExchangeFile } from '../../exchange/index.ts';
import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';
import { unwrap } from '../registry.ts';
import type { UserFiles } from '../userFiles.ts';
import { reportFileName } from '../userFiles.ts';
import { summaryOf } from './storeAccess.ts';

type ExchangeChannel = `nianbao:exchange:${string}` & keyof Implementations;

const EXCHANGE_FILTERS = [{ name: '年报交换文件', extensions: [EXCHANGE_EXTENSION.slice(1)] }];

export function exchangeHandlers({ store, dialogs, clock }: AppDeps, files: UserFiles): Implementations<ExchangeChannel> {
  return {
    'nianbao:exchange:export': async ({ reportId }) => {
      const { report } = unwrap(store.getReport({ reportId }));
      const path = await dialogs.chooseSavePath({
        title: '导出交换文件',
        defaultName: reportFileName(report, EXCHANGE_EXTENSION.slice(1)),
        filters: EXCHANGE_FILTERS,
      });
      if (path === null) return null;
      const written = unwrap(exportExchangeFile(store, { reportId, path }, clock()));
      files.remember(written.path);
      return { path: written.path };
    },
    'nianbao:exchange:import': async () => {
      const path = await dialogs.chooseOpenPath({ title: '导入交换文件', filters: EXCHANGE_FILTERS });
      if (path === null) return null;
      const imported = unwrap(await importExchangeFile(store, { path }));
      return summaryOf(store, imported.summary.id);
    },
  };
}
