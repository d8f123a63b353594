import type { Result } from '../../shared/model/validation.ts';
import { unitMatcher } from '../../shared/summary/index.ts';
import type { ExpectedUnit, ReceivedFile, UnitMatch, UnitMatcher } from '../../shared/summary/index.ts';
import type { Store } from '../store/index.ts';
import { inProcessHeavyWork } from '../worker/heavyWork.ts';
import { listReceivedPaths, readReceivedFile, unitNameFromFileName } from './readReceived.ts';
import type { ReadImportFile, ReceivedReading } from './readReceived.ts';

export interface ReceiveProgress {
  /** Files done so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** The file being read now (or just read when `done === total`). */
  readonly fileName: string;
}

export interface ReceiveOptions {
  /** Stops after the file being read; what was received so far is kept. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReceiveProgress) => void;
  /** The importer (the app passes the worker thread's `deps.heavy.readImportFile`); in-process by default. */
  readonly readImportFile?: ReadImportFile;
}

export interface ReceiveOutcome {
  /** Every file kept, in the order read. */
  readonly received: readonly ReceivedFile[];
  /** True when the signal stopped it before the last file. */
  readonly cancelled: boolean;
  /** Files that could not be read (listed with their reasons; nothing else affected). */
  readonly unreadable: readonly ReceivedFile[];
  /** Readable files the reviewer must give a unit: none fits, or two fit equally. */
  readonly needsUnit: readonly ReceivedFile[];
  /** Units that now have more than one readable revision: the reviewer chooses which counts. */
  readonly duplicateUnits: readonly number[];
}

/**
 * The unit a file belongs to: by the agency the report names, else by the file's name
 * (an unreadable file only by its name). A name fitting two units is ambiguous, never guessed.
 */
export function matchReceived(matcher: UnitMatcher, reading: Pick<ReceivedReading, 'fileName' | 'reading' | 'report'>): UnitMatch {
  const agency = reading.report?.agency.name.trim() || (reading.reading.status === 'read' ? reading.reading.agency : null);
  const byAgency = agency ? matcher.match(agency) : undefined;
  if (byAgency?.status === 'matched' || byAgency?.status === 'ambiguous') return byAgency;
  const byFileName = matcher.match(unitNameFromFileName(reading.fileName));
  if (byFileName.status !== 'unmatched') return byFileName;
  return byAgency ?? byFileName;
}

function unitIdOf(file: ReceivedFile): number | null {
  return file.match.status === 'matched' ? file.match.unitId : null;
}

/**
 * Receives files and folders into a workspace, one file at a time (read, checked for its
 * unit, kept with its bytes, then let go), so memory stays bounded however many PDFs come.
 * A unit received again is kept as a new revision and reported as a duplicate.
 */
export async function receiveFiles(store: Store, workspaceId: number, paths: readonly string[], options: ReceiveOptions = {}): Promise<Result<ReceiveOutcome>> {
  const readImportFile = options.readImportFile ?? inProcessHeavyWork.readImportFile;
  const units = store.listUnits({ workspaceId });
  if (!units.ok) return units;
  let files: string[];
  try {
    files = await listReceivedPaths(paths, options.signal);
  } catch (error) {
    if (options.signal?.aborted) return { ok: true, value: { received: [], cancelled: true, unreadable: [], needsUnit: [], duplicateUnits: [] } };
    return { ok: false, error: `无法读取文件夹：${(error as Error).message}` };
  }
  const matcher = unitMatcher(units.value satisfies ExpectedUnit[]);
  const received: ReceivedFile[] = [];
  let cancelled = false;
  for (const [i, path] of files.entries()) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const fileName = path.split(/[\\/]/).pop() ?? path;
    options.onProgress?.({ done: i, total: files.length, fileName });
    const reading = await readReceivedFile(path, readImportFile);
    const kept = store.addReceivedFile({
      workspaceId,
      fileName: reading.fileName,
      bytes: reading.bytes,
      reading: reading.reading,
      report: reading.report,
      match: matchReceived(matcher, reading),
    });
    if (!kept.ok) return kept;
    received.push(kept.value);
  }
  options.onProgress?.({ done: received.length, total: files.length, fileName: received[received.length - 1]?.fileName ?? '' });
  const all = store.listReceivedFiles({ workspaceId });
  if (!all.ok) return all;
  const readablePerUnit = new Map<number, number>();
  for (const file of all.value) {
    const unitId = unitIdOf(file);
    if (unitId !== null && file.reading.status === 'read') readablePerUnit.set(unitId, (readablePerUnit.get(unitId) ?? 0) + 1);
  }
  const touched = new Set(received.map(unitIdOf).filter((id) => id !== null));
  return {
    ok: true,
    value: {
      received,
      cancelled,
      unreadable: received.filter((f) => f.reading.status === 'unreadable'),
      needsUnit: received.filter((f) => f.reading.status === 'read' && unitIdOf(f) === null),
      duplicateUnits: [...touched].filter((id) => (readablePerUnit.get(id) ?? 0) > 1),
    },
  };
}
