import type { Report } from '../../shared/model/report.ts';
import { importFile } from '../../services/import/index.ts';
import type { ImportResult } from '../../services/import/index.ts';

/** Imports bytes, failing the test with the importer's message when it refuses them. */
export async function importBytes(bytes: Uint8Array, name: string): Promise<ImportResult> {
  const result = await importFile({ bytes, name });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The message an import gives for bytes it refuses. */
export async function importError(bytes: Uint8Array, name: string): Promise<string> {
  const result = await importFile({ bytes, name });
  if (result.ok) throw new Error(`${name} was imported, but should have been refused`);
  return result.error;
}

/**
 * A report as a printed document can carry it: each section's text as its paragraphs
 * (lines trimmed, empty lines dropped: a document has no empty paragraphs to keep), and
 * no empty sections.
 */
export function printable(report: Report): Report {
  const sections = Object.entries(report.sections)
    .map(([key, text]) => [key, text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n')] as const)
    .filter(([, text]) => text !== '');
  return { ...report, sections: Object.fromEntries(sections) };
}
