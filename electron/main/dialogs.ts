import { dirname, join } from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow, FileFilter } from 'electron';
import type { Dialogs, FileFilter as AppFileFilter } from '../../services/app/deps.ts';

/** Native open/save/folder dialogs, attached to the main window; they start in the folder used last. */
export function electronDialogs(parent: () => BrowserWindow | undefined): Dialogs {
  let lastFolder: string | undefined;
  const filters = (list: readonly AppFileFilter[]): FileFilter[] => list.map((f) => ({ name: f.name, extensions: [...f.extensions] }));
  const folder = () => lastFolder ?? app.getPath('documents');
  const chosen = (path: string | undefined): string | null => {
    if (!path) return null;
    lastFolder = dirname(path);
    return path;
  };

  return {
    async chooseSavePath(request) {
      const options = {
        title: request.title,
        defaultPath: join(folder(), request.defaultName),
        filters: filters(request.filters),
        properties: ['showOverwriteConfirmation', 'createDirectory'] as ('showOverwriteConfirmation' | 'createDirectory')[],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : chosen(result.filePath);
    },
    async chooseOpenPath(request) {
      const options = { title: request.title, defaultPath: folder(), filters: filters(request.filters), properties: ['openFile'] as 'openFile'[] };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : chosen(result.filePaths[0]);
    },
    async chooseOpenPaths(request) {
      const options = {
        title: request.title,
        defaultPath: folder(),
        filters: filters(request.filters),
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      if (result.canceled || result.filePaths.length === 0) return null;
      chosen(result.filePaths[0]);
      return result.filePaths;
    },
    async chooseFolder(request) {
      const options = { title: request.title, defaultPath: folder(), properties: ['openDirectory'] as 'openDirectory'[] };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return null;
      lastFolder = path;
      return path;
    },
  };
}
