import type { Agency, InfoFee, Report } from '../../shared/model/report.ts';

/** The edits the editor makes to a report, as pure functions (no-ops return the same object). */

/** Sets figures by cell key; null clears a cell. */
export function withValues(report: Report, entries: ReadonlyMap<string, string | null>): Report {
  const values = { ...report.values };
  let changed = false;
  for (const [key, value] of entries) {
    if ((values[key] ?? null) === value) continue;
    changed = true;
    if (value === null) delete values[key];
    else values[key] = value;
  }
  return changed ? { ...report, values } : report;
}

export function withSection(report: Report, key: string, text: string): Report {
  if ((report.sections[key] ?? '') === text) return report;
  const sections = { ...report.sections };
  if (text === '') delete sections[key];
  else sections[key] = text;
  return { ...report, sections };
}

export function withInfoFee(report: Report, field: keyof InfoFee, value: string | null): Report {
  if (report.infoFee[field] === value) return report;
  return { ...report, infoFee: { ...report.infoFee, [field]: value } };
}

export function withAgency(report: Report, agency: Agency): Report {
  return { ...report, agency };
}

/** Drops totals stated by an imported source, so the app's derived totals are used. */
export function withoutStatedTotals(report: Report, keys: readonly string[]): Report {
  const present = keys.filter((key) => Object.hasOwn(report.statedTotals, key));
  if (present.length === 0) return report;
  const statedTotals = { ...report.statedTotals };
  for (const key of present) delete statedTotals[key];
  return { ...report, statedTotals };
}
