import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writing files so that after a crash or power cut each is either the old one or the complete new one. */

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFolder(path: string): void {
  try {
    fsyncPath(dirname(path));
  } catch {
    // Folders cannot be opened for fsync on Windows, where the rename is durable on its own.
  }
}

/** Renames `from` to `to` durably: the file's data first, then the rename. */
export function durableRename(from: string, to: string): void {
  fsyncPath(from);
  renameSync(from, to);
  fsyncFolder(to);
}

/** Writes `data` to `path` through a temporary file, so a crash never leaves half a file. */
export function durableWriteFile(path: string, data: string | Uint8Array): void {
  const partial = `${path}.partial`;
  try {
    writeFileSync(partial, data);
    durableRename(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
