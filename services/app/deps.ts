import type { AppInfo, PrintOutcome } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/model/validation.ts';
import type { PdfPrinter } from '../export/pdf/pdfPrinter.ts';
import type { Store } from '../store/index.ts';
import type { HeavyWork } from '../worker/heavyWork.ts';

/**
 * What the handlers need from the outside world, injected so that Electron main and the
 * test harness register the very same handlers: main passes Electron's dialogs, shell
 * and printers; the harness passes answers chosen by the test.
 */

export interface FileFilter {
  /** Shown in the dialog, e.g. Word文档. */
  readonly name: string;
  /** Without dots, e.g. docx. */
  readonly extensions: readonly string[];
}

export interface SaveDialogRequest {
  readonly title: string;
  /** Suggested file name (no folder). */
  readonly defaultName: string;
  readonly filters: readonly FileFilter[];
}

export interface OpenDialogRequest {
  readonly title: string;
  readonly filters: readonly FileFilter[];
}

export interface FolderDialogRequest {
  readonly title: string;
}

/** Native file dialogs; null when the user cancels. */
export interface Dialogs {
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  chooseOpenPath(request: OpenDialogRequest): Promise<string | null>;
  /** Several files at once (e.g. the reports units sent); null when cancelled, never empty. */
  chooseOpenPaths(request: OpenDialogRequest): Promise<readonly string[] | null>;
  chooseFolder(request: FolderDialogRequest): Promise<string | null>;
}

export interface Shell {
  showItemInFolder(path: string): void;
}

/** Prints a print-layout document with the system print dialog, and says what the platform reported. */
export interface SystemPrinter {
  print(html: string): Promise<Result<PrintOutcome>>;
}

export interface AppDeps {
  readonly store: Store;
  readonly pdfPrinter: PdfPrinter;
  readonly systemPrinter: SystemPrinter;
  /** Where the print layout finds the bundled fonts (services/fonts `findFontRoot(...).url`). */
  readonly fontBaseUrl: string;
  /** Import and DOCX writing: on a worker thread in the app, in-process in Node (services/worker). */
  readonly heavy: HeavyWork;
  readonly dialogs: Dialogs;
  readonly shell: Shell;
  readonly clock: () => Date;
  /** What the 关于 dialog shows (services/about `aboutInfo`). */
  readonly appInfo: AppInfo;
}
