import { join } from 'node:path';
import { aboutInfo, DEVELOPMENT_NOTICES_DIR } from '../../services/about/about.ts';
import { createHandlers } from '../../services/app/createHandlers.ts';
import type { AppDeps } from '../../services/app/deps.ts';
import type { Handlers } from '../../services/app/registry.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import type { FontRoot } from '../../services/fonts/fontRoot.ts';
import { inProcessHeavyWork } from '../../services/worker/heavyWork.ts';
import type { HeavyWork } from '../../services/worker/heavyWork.ts';
import type { Store } from '../../services/store/index.ts';

const REPO = join(import.meta.dirname, '..', '..');

export interface RealHandlers {
  readonly handlers: Handlers;
  /** Print layouts sent to the system printer. */
  readonly printed: string[];
  /** Files the app asked to show in their folder. */
  readonly shownInFolder: string[];
}

/**
 * The app's handlers over the real services, as Electron main registers them, with the
 * system printer and the file manager recorded instead of reached. Used by the IPC tests
 * and the end-to-end harness alike.
 */
export function realHandlers(options: {
  store: Store;
  pdfPrinter: PdfPrinter;
  fontRoot: FontRoot;
  dialogs: AppDeps['dialogs'];
  clock: () => Date;
  logsDir: string;
  /** The heavy work (default: in-process, as the CLI runs it). */
  heavy?: HeavyWork;
}): RealHandlers {
  const printed: string[] = [];
  const shownInFolder: string[] = [];
  const handlers = createHandlers({
    store: options.store,
    pdfPrinter: options.pdfPrinter,
    systemPrinter: { print: async (html) => (printed.push(html), { ok: true, value: 'printed' }) },
    fontBaseUrl: options.fontRoot.url,
    heavy: options.heavy ?? inProcessHeavyWork,
    dialogs: options.dialogs,
    shell: { showItemInFolder: (path) => void shownInFolder.push(path) },
    clock: options.clock,
    appInfo: aboutInfo({ appRoot: REPO, dataDir: options.store.dataDir, logsDir: options.logsDir, noticesDirs: [DEVELOPMENT_NOTICES_DIR] }),
  });
  return { handlers, printed, shownInFolder };
}
