import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../shared/model/validation.ts';
import type { ReceivedFile } from '../../shared/summary/index.ts';
import type { Store } from '../store/index.ts';
import { inProcessHeavyWork } from '../worker/heavyWork.ts';
import { readReceivedFile } from './readReceived.ts';
import type { ReceiveOptions } from './receive.ts';

/**
 * Re-runs the reading of every received file from the bytes the store kept (after an
 * update of the importer, or to check again): each file is written to a private
 * temporary folder under its own name, read as when it was received, and its reading and
 * report replaced. Its unit, its revision number, the choices and the notes stay.
 */
export async function rereadReceivedFiles(store: Store, workspaceId: number, options: ReceiveOptions = {}): Promise<Result<{ reread: ReceivedFile[]; cancelled: boolean }>> {
  const readImportFile = options.readImportFile ?? inProcessHeavyWork.readImportFile;
  const files = store.listReceivedFiles({ workspaceId });
  if (!files.ok) return files;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-reread-'));
  const reread: ReceivedFile[] = [];
  try {
    for (const [i, file] of files.value.entries()) {
      if (options.signal?.aborted) return { ok: true, value: { reread, cancelled: true } };
      options.onProgress?.({ done: i, total: files.value.length, fileName: file.fileName });
      const bytes = store.getReceivedBytes({ fileId: file.id });
      if (!bytes.ok) return bytes;
      const path = join(dir, file.fileName.replace(/[\\/]/g, '_'));
      writeFileSync(path, bytes.value);
      const reading = await readReceivedFile(path, readImportFile);
      rmSync(path, { force: true });
      const kept = store.rereadFile({ fileId: file.id, reading: reading.reading, report: reading.report });
      if (!kept.ok) return kept;
      reread.push(kept.value);
    }
    options.onProgress?.({ done: files.value.length, total: files.value.length, fileName: '' });
    return { ok: true, value: { reread, cancelled: false } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
