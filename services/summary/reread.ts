import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../shared/model/validation.ts';
import type { ReceivedFile } from '../../shared/summary/index.ts';
import { EXCHANGE_EXTENSION } from '../exchange/index.ts';
import type { ImportResult } from '../import/index.ts';
import type { Store } from '../store/index.ts';
import { inProcessHeavyWork } from '../worker/heavyWork.ts';
import { readReceivedFile } from './readReceived.ts';
import type { ReadImportFile } from './readReceived.ts';
import type { ReceiveOptions } from './receive.ts';

/**
 * Reading again what the store kept of a received file: each file is written to a
 * private temporary folder under its own name (the importer, possibly on the worker
 * thread, reads paths) and removed as soon as it has been read.
 */
async function withTemporaryCopy<T>(fileName: string, bytes: Uint8Array, read: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-received-'));
  try {
    const path = join(dir, fileName.replace(/[\\/]/g, '_'));
    writeFileSync(path, bytes);
    return await read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Re-runs the reading of every received file from the bytes the store kept (after an
 * update of the importer, or to check again): its reading and report replaced; its unit,
 * its revision number, the choices and the notes stay.
 */
export async function rereadReceivedFiles(store: Store, workspaceId: number, options: ReceiveOptions = {}): Promise<Result<{ reread: ReceivedFile[]; cancelled: boolean }>> {
  const readImportFile = options.readImportFile ?? inProcessHeavyWork.readImportFile;
  const files = store.listReceivedFiles({ workspaceId });
  if (!files.ok) return files;
  const reread: ReceivedFile[] = [];
  for (const [i, file] of files.value.entries()) {
    if (options.signal?.aborted) return { ok: true, value: { reread, cancelled: true } };
    options.onProgress?.({ done: i, total: files.value.length, fileName: file.fileName });
    const bytes = store.getReceivedBytes({ fileId: file.id });
    if (!bytes.ok) return bytes;
    const reading = await withTemporaryCopy(file.fileName, bytes.value, (path) => readReceivedFile(path, readImportFile));
    const kept = store.rereadFile({ fileId: file.id, reading: reading.reading, report: reading.report });
    if (!kept.ok) return kept;
    reread.push(kept.value);
  }
  options.onProgress?.({ done: files.value.length, total: files.value.length, fileName: '' });
  return { ok: true, value: { reread, cancelled: false } };
}

/**
 * The importer's whole reading of a received file (the source text line by line, each
 * cell's source line and confidence), for showing a unit's report beside its source.
 * An exchange file has no source text: it is the report itself (`null`).
 */
export async function receivedFileSource(store: Store, fileId: number, readImportFile: ReadImportFile = inProcessHeavyWork.readImportFile): Promise<Result<ImportResult | null>> {
  const file = store.getReceivedFile({ fileId });
  if (!file.ok) return file;
  if (file.value.fileName.toLowerCase().endsWith(EXCHANGE_EXTENSION)) return { ok: true, value: null };
  const bytes = store.getReceivedBytes({ fileId });
  if (!bytes.ok) return bytes;
  return withTemporaryCopy(file.value.fileName, bytes.value, readImportFile);
}
