import type { Report } from '../../shared/model/report.ts';
import { plainUnitName, reviewWorkspace, sumReviewedUnits, unitMatcher } from '../../shared/summary/index.ts';
import type { ExpectedUnit, ReceivedFile, UnitEntry, WorkspaceReview, WorkspaceSum } from '../../shared/summary/index.ts';
import { inProcessHeavyWork } from '../worker/heavyWork.ts';
import { listReceivedPaths, readReceivedFile, unitNameFromFileName } from './readReceived.ts';
import type { ReceivedReading } from './readReceived.ts';
import { matchReceived } from './receive.ts';
import type { ReceiveOptions } from './receive.ts';

/**
 * A review without the store, for the CLI (`nianbao review DIR`, `nianbao sum DIR`): the
 * folder read file by file, only the reports kept in memory (never the files' bytes).
 * Without a unit list, each agency named by the files is a unit.
 */

export interface FolderReview {
  readonly units: readonly ExpectedUnit[];
  readonly files: readonly ReceivedFile[];
  readonly review: WorkspaceReview;
  readonly sum: WorkspaceSum;
  readonly cancelled: boolean;
  /** The year most reports state (a report of another year is pointed out and not summed). */
  readonly year: number | null;
}

/** Units named by the files themselves: the report's agency, else the file's name; in the order met. */
function unitsFromReadings(readings: readonly Omit<ReceivedReading, 'bytes'>[]): ExpectedUnit[] {
  const units: ExpectedUnit[] = [];
  const seen = new Set<string>();
  for (const reading of readings) {
    if (reading.reading.status !== 'read') continue;
    const name = reading.report?.agency.name.trim() || reading.reading.agency || unitNameFromFileName(reading.fileName);
    const key = plainUnitName(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    units.push({ id: units.length + 1, name, aliases: [] });
  }
  return units;
}

/** The year most reports state (the later one on a tie): a folder holds one year's reports. */
export function commonYear(reports: readonly Report[]): number | null {
  const counts = new Map<number, number>();
  for (const report of reports) counts.set(report.year, (counts.get(report.year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

export async function reviewFolder(paths: readonly string[], options: ReceiveOptions & { readonly units?: readonly UnitEntry[] } = {}): Promise<FolderReview> {
  const readImportFile = options.readImportFile ?? inProcessHeavyWork.readImportFile;
  const list = await listReceivedPaths(paths, options.signal);
  const readings: (Omit<ReceivedReading, 'bytes'> & { readonly byteLength: number })[] = [];
  let cancelled = false;
  for (const [i, path] of list.entries()) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    options.onProgress?.({ done: i, total: list.length, fileName: path.split(/[\\/]/).pop() ?? path });
    // Only what the review needs is kept: the bytes go as soon as the file is read.
    const { bytes, ...reading } = await readReceivedFile(path, readImportFile);
    readings.push({ ...reading, byteLength: bytes.length });
  }
  const units = options.units ? options.units.map((u, i) => ({ id: i + 1, name: u.name, aliases: u.aliases })) : unitsFromReadings(readings);
  const matcher = unitMatcher(units);
  const reports = new Map<number, Report>();
  const perUnit = new Map<number, number>();
  const files: ReceivedFile[] = readings.map((reading, i) => {
    const id = i + 1;
    const match = matchReceived(matcher, reading);
    const unitId = match.status === 'matched' ? match.unitId : null;
    const revision = unitId === null ? null : (perUnit.get(unitId) ?? 0) + 1;
    if (unitId !== null) perUnit.set(unitId, revision!);
    if (reading.report) reports.set(id, reading.report);
    return { id, fileName: reading.fileName, receivedAt: '', byteLength: reading.byteLength, reading: reading.reading, match, revision };
  });
  const year = commonYear([...reports.values()]);
  const review = reviewWorkspace({ units, files, choices: [], notes: [], reportOf: (id) => reports.get(id) ?? null, ...(year === null ? {} : { year }) });
  return { units, files, review, sum: sumReviewedUnits(review), cancelled, year };
}
