import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Result } from '../../shared/model/validation.ts';
import type { ImportResult, RevisionEntry, Store } from '../store/index.ts';
import { durableWriteFile } from '../store/durableFile.ts';
import { storageErrorMessage } from '../store/errors.ts';
import { EXCHANGE_MAX_BYTES, readExchangeFile, writeExchangeFile } from './exchangeFile.ts';

/** Exchange files to and from the store. */

function fileProblem(error: unknown, path: string, doing: string): string {
  const what = `${doing}“${path}”`;
  return storageErrorMessage(error, what) ?? `${what}失败：${(error as Error).message}`;
}

/**
 * Writes the report as an exchange file and keeps an `exported` revision, so the
 * revision list shows what was sent and when.
 */
export function exportExchangeFile(
  store: Store,
  input: { reportId: number; path: string },
  now: Date = new Date(),
): Result<{ path: string; revision: RevisionEntry }> {
  const stored = store.getReport({ reportId: input.reportId });
  if (!stored.ok) return stored;
  try {
    durableWriteFile(input.path, writeExchangeFile(stored.value.report, now));
  } catch (error) {
    return { ok: false, error: fileProblem(error, input.path, '写入') };
  }
  const revision = store.keepRevision({ reportId: input.reportId, reason: 'exported', note: `交换文件 ${basename(input.path)}` });
  return revision.ok ? { ok: true, value: { path: input.path, revision: revision.value } } : revision;
}

/**
 * Imports an exchange file. The file is read and checked completely (version,
 * checksum, schema) before the store is touched; a bad file changes nothing.
 */
export async function importExchangeFile(store: Store, input: { path: string }): Promise<Result<ImportResult>> {
  let text: string;
  try {
    if (statSync(input.path).size > EXCHANGE_MAX_BYTES) {
      return { ok: false, error: `“${input.path}”太大，不是年报的交换文件。` };
    }
    text = await readFile(input.path, 'utf8');
  } catch (error) {
    return { ok: false, error: fileProblem(error, input.path, '读取') };
  }
  const contents = readExchangeFile(text);
  if (!contents.ok) return { ok: false, error: `“${basename(input.path)}”：${contents.error}` };
  return store.importReport({ report: contents.value.report, source: basename(input.path) });
}
