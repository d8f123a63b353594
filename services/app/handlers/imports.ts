import { readFile } from 'node:fs/promises';
import type { ImportedCell, ImportReview } from '../../../shared/ipc/contract.ts';
import { IMPORT_EXTENSIONS, reportAsYear } from '../../import/index.ts';
import type { CellReading, ImportResult } from '../../import/index.ts';
import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';
import { unwrap } from '../registry.ts';
import { agencyOf, summaryOf } from './storeAccess.ts';

type ImportChannel = `nianbao:import:${string}` & keyof Implementations;

const IMPORT_FILTERS = [{ name: '年度报告（Word、PDF、网页、Excel、文本）', extensions: IMPORT_EXTENSIONS }];

/** Sure: a figure read where labels and position agree, or a cell printed blank. A cell not read may be in the source: it is checked. */
function isSure(cell: CellReading): boolean {
  if (cell.status === 'blank') return true;
  return cell.status === 'read' && cell.confidence === 'high';
}

function importedCell(cell: CellReading, lines: readonly string[]): ImportedCell {
  return {
    key: cell.key,
    status: cell.status === 'read' || cell.status === 'blank' ? cell.status : 'unread',
    value: cell.value,
    confidence: isSure(cell) ? 'sure' : 'unsure',
    source: (cell.line === undefined ? undefined : lines[cell.line]) ?? cell.raw ?? '',
    note: cell.note ?? null,
    ...(cell.line === undefined ? {} : { line: cell.line }),
    ...(cell.box ? { box: cell.box } : {}),
  };
}

/** The import service's reading, in the shape of the review screen; with the file's bytes when they are a PDF to show. */
export function importReview(result: ImportResult, pdfBytes?: Uint8Array): ImportReview {
  return {
    fileName: result.fileName,
    agency: result.agency,
    year: result.year,
    sourceText: result.sourceLines.join('\n'),
    pdf: pdfBytes && result.pageSizes ? { base64: Buffer.from(pdfBytes).toString('base64'), pageSizes: result.pageSizes } : null,
    report: result.report,
    cells: result.cells.map((cell) => importedCell(cell, result.sourceLines)),
    unmatched: result.unmatched.map((u) => u.text),
    notes: result.issues.map((issue) => `${issue.where}：${issue.message}`),
  };
}

export function importHandlers({ store, dialogs, heavy }: AppDeps): Implementations<ImportChannel> {
  return {
    'nianbao:import:read': async () => {
      const path = await dialogs.chooseOpenPath({ title: '导入已有的年度报告', filters: IMPORT_FILTERS });
      if (path === null) return null;
      const result = unwrap(await heavy.readImportFile(path));
      // The review shows a PDF's pages: its bytes go to the renderer with the reading (as the print preview's PDF does).
      return importReview(result, result.sourceFormat === 'pdf' ? new Uint8Array(await readFile(path)) : undefined);
    },
    'nianbao:import:pasted': async ({ text, html }) => importReview(unwrap(await heavy.readPasted({ text, ...(html === undefined ? {} : { html }) }))),
    'nianbao:import:confirm': async ({ agencyId, report, fileName }) => {
      // The store files an imported report under the agency of its name: the chosen one.
      const { agency } = agencyOf(store, agencyId);
      const asYear = unwrap(reportAsYear(report, report.year));
      const filed = { ...asYear, agency: { ...asYear.agency, name: agency.name } };
      const imported = unwrap(store.importReport({ report: filed, source: fileName }));
      return summaryOf(store, imported.summary.id);
    },
  };
}
