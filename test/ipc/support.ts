import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps, FolderDialogRequest, OpenDialogRequest, SaveDialogRequest } from '../../services/app/deps.ts';
import type { Handlers } from '../../services/app/registry.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { DEVELOPMENT_FONT_ROOT, findFontRoot } from '../../services/fonts/fontRoot.ts';
import { openStore } from '../../services/store/index.ts';
import type { Store } from '../../services/store/index.ts';
import type { HeavyWork } from '../../services/worker/heavyWork.ts';
import type { Channel, ChannelArgs } from '../../shared/ipc/contract.ts';
import { realHandlers } from '../support/realHandlers.ts';

/**
 * Deps whose every function records its call and throws: a handler that validates its
 * argument first never touches them for a bad argument.
 */
export function tripwireDeps(calls: string[]): AppDeps {
  const tripwire = (name: string): unknown =>
    new Proxy(() => undefined, {
      get: (_target, prop) => tripwire(`${name}.${String(prop)}`),
      apply: () => {
        calls.push(name);
        throw new Error(`${name} was called`);
      },
    });
  return tripwire('deps') as AppDeps;
}

/** The real handlers over a real store in a temporary folder; dialogs answered from queues. */
export interface TestApp {
  readonly dir: string;
  readonly store: Store;
  readonly handlers: Handlers;
  readonly saves: (string | null)[];
  readonly opens: (string | null)[];
  /** Answers of the dialogs for several files. */
  readonly openMany: (readonly string[] | null)[];
  readonly folders: (string | null)[];
  readonly dialogsShown: (SaveDialogRequest | OpenDialogRequest | FolderDialogRequest)[];
  readonly printed: string[];
  readonly shownInFolder: string[];
  /** The value of a successful call; throws with the error of a failed one. */
  value<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<unknown>;
  close(): Promise<void>;
}

export function startTestApp(pdfPrinter: PdfPrinter, clock: () => Date = () => new Date(), heavy?: HeavyWork): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ipc-'));
  const opened = openStore({ dataDir: join(dir, 'data') });
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  const fontRoot = findFontRoot([DEVELOPMENT_FONT_ROOT]);
  if (!fontRoot.ok) throw new Error(fontRoot.error);
  const saves: (string | null)[] = [];
  const opens: (string | null)[] = [];
  const openMany: (readonly string[] | null)[] = [];
  const folders: (string | null)[] = [];
  const dialogsShown: (SaveDialogRequest | OpenDialogRequest | FolderDialogRequest)[] = [];
  const answer = <T,>(queue: T[], request: SaveDialogRequest | OpenDialogRequest | FolderDialogRequest): Promise<T> => {
    dialogsShown.push(request);
    if (queue.length === 0) throw new Error(`no answer for the dialog ${request.title}`);
    return Promise.resolve(queue.shift()!);
  };
  const { handlers, printed, shownInFolder } = realHandlers({
    store,
    pdfPrinter,
    fontRoot: fontRoot.value,
    dialogs: {
      chooseSavePath: (r) => answer(saves, r),
      chooseOpenPath: (r) => answer(opens, r),
      chooseOpenPaths: (r) => answer(openMany, r),
      chooseFolder: (r) => answer(folders, r),
    },
    clock,
    logsDir: join(dir, 'logs'),
    ...(heavy ? { heavy } : {}),
  });
  return {
    dir,
    store,
    handlers,
    saves,
    opens,
    openMany,
    folders,
    dialogsShown,
    printed,
    shownInFolder,
    async value(channel, args) {
      const response = await handlers[channel](args);
      if (!response.ok) throw new Error(response.error);
      return response.value;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A PDF printer for tests that must not print: any use fails the test. */
export const noPdfPrinter: PdfPrinter = {
  print: () => Promise.reject(new Error('this test prints no PDF')),
  close: async () => {},
};
