import type { z } from 'zod';
import type { Report } from './report.ts';
import type { reportChangesSchema } from './schemas.ts';

/**
 * An autosave sends what changed since the last save, not the whole report: mostly one
 * figure or one section's text, where the report has ~165 figures (~9 KB) that main had to
 * receive, check and copy on every save. Main applies the changes to the report it saved
 * last, once it is sure that is the report they were made on (`base`, its content hash);
 * otherwise the page saves the whole report.
 */
export type ReportChanges = z.infer<typeof reportChangesSchema>;

type How = 'base' | 'whole' | 'byKey';

/**
 * How each member of a report is sent when it changed: the format is that of the base (a
 * new one means a new report: saved whole), records key by key, the rest whole. The
 * compiler checks that these are the members of a report and those the changes' schema
 * carries, so a new member can be left out of neither.
 */
const HOW_SENT: Record<Exclude<keyof ReportChanges, 'base'>, How> = {
  formatId: 'base',
  year: 'whole',
  agency: 'whole',
  infoFee: 'whole',
  sections: 'byKey',
  values: 'byKey',
  statedTotals: 'byKey',
} satisfies Record<keyof Report, How>;

const members = Object.keys(HOW_SENT) as (keyof Report & keyof typeof HOW_SENT)[];

/**
 * What changed from `saved` (whose content hash is `base`) to `report`; undefined when the
 * whole report must be saved (another format). The page's edits make new objects only where
 * something changed, so unchanged members are found by identity; records are compared key by key.
 */
export function reportChanges(saved: Report, report: Report, base: string): ReportChanges | undefined {
  if (saved.formatId !== report.formatId) return undefined;
  const changes: Record<string, unknown> = { base, formatId: report.formatId };
  for (const member of members) {
    const how = HOW_SENT[member];
    if (how === 'base' || saved[member] === report[member]) continue;
    if (how === 'whole') changes[member] = report[member];
    else changes[member] = keyedChanges(saved[member] as Keyed, report[member] as Keyed);
  }
  return changes as ReportChanges;
}

type Keyed = Readonly<Record<string, unknown>>;
type KeyedChanges = { readonly set: Keyed; readonly removed: readonly string[] };

function keyedChanges(saved: Keyed, now: Keyed): KeyedChanges {
  const set = Object.fromEntries(Object.entries(now).filter(([key, value]) => !Object.hasOwn(saved, key) || saved[key] !== value));
  const removed = Object.keys(saved).filter((key) => !Object.hasOwn(now, key));
  return { set, removed };
}

/** `saved` with `changes` applied: a new report; `saved` is left as it was. */
export function applyReportChanges(saved: Report, changes: ReportChanges): Report {
  const report: Record<string, unknown> = { ...saved };
  for (const member of members) {
    const how = HOW_SENT[member];
    const change = (changes as Partial<Record<keyof Report, unknown>>)[member];
    if (how === 'base' || change === undefined) continue;
    report[member] = how === 'whole' ? change : applied(saved[member] as Keyed, change as KeyedChanges);
  }
  return report as Report;
}

function applied(record: Keyed, { set, removed }: KeyedChanges): Keyed {
  const next = { ...record, ...set };
  for (const key of removed) delete next[key];
  return next;
}
