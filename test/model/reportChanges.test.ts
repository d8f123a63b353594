import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../services/store/canonicalJson.ts';
import { cellIndex, currentFormat } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { applyReportChanges, reportChanges } from '../../shared/model/reportChanges.ts';
import { reportChangesSchema } from '../../shared/model/schemas.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';

/**
 * An autosave sends what changed since the last save (shared/model/reportChanges.ts) and main
 * applies it to the report it saved: whatever the page did, the report main makes must be the
 * page's report, and the changes must pass the contract's check whenever the report does.
 */

const BASE = 'a'.repeat(64);
const cells = cellIndex(currentFormat);
const inputKeys = cells.inputs.map((cell) => cell.key);
const totalKeys = [...cells.byKey.values()].filter((cell) => cell.sumOf).map((cell) => cell.key);
const sectionKeys = currentFormat.sections.map((section) => section.key);

/** One edit of the kinds the page makes, each making new objects only where it changes something (as the page's edits do). */
type Edit = (report: Report) => Report;
const figure = fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.constantFrom('', '1.5万', '—', '12 3'));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.constantFrom(...inputKeys), figure).map(([key, text]): Edit => (r) => ({ ...r, values: { ...r.values, [key]: text } })),
  fc.constantFrom(...inputKeys).map((key): Edit => (r) => {
    const { [key]: _cleared, ...values } = r.values;
    return { ...r, values };
  }),
  fc.tuple(fc.constantFrom(...sectionKeys), fc.string({ maxLength: 40 })).map(([key, text]): Edit => (r) => ({ ...r, sections: { ...r.sections, [key]: text } })),
  fc.constantFrom(...sectionKeys).map((key): Edit => (r) => {
    const { [key]: _emptied, ...sections } = r.sections;
    return { ...r, sections };
  }),
  fc.tuple(fc.constantFrom(...totalKeys), fc.option(figure)).map(([key, text]): Edit => (r) => ({ ...r, statedTotals: { ...r.statedTotals, [key]: text } })),
  fc.constantFrom(...totalKeys).map((key): Edit => (r) => {
    const { [key]: _dropped, ...statedTotals } = r.statedTotals;
    return { ...r, statedTotals };
  }),
  fc.string({ maxLength: 20 }).map((name): Edit => (r) => ({ ...r, agency: { ...r.agency, name } })),
  fc.option(figure).map((text): Edit => (r) => ({ ...r, infoFee: { ...r.infoFee, collectedYuan: text } })),
  fc.integer({ min: 2008, max: 2100 }).map((year): Edit => (r) => ({ ...r, year })),
);
const edits = fc.array(edit, { maxLength: 12 });
const applyAll = (report: Report, list: readonly Edit[]) => list.reduce((r, change) => change(r), report);

describe('the changes an autosave sends', () => {
  it('make, applied to the saved report, the page’s report: after any edits, through the IPC’s clone and the contract’s check', () => {
    fc.assert(
      fc.property(edits, edits, (before, after) => {
        const saved = applyAll(consistentReport(2024), before);
        const report = applyAll(saved, after);
        const changes = reportChanges(saved, report, BASE)!;
        const checked = reportChangesSchema.parse(structuredClone(changes));
        const made = applyReportChanges(saved, checked);
        expect(made).toEqual(report);
        expect(canonicalJson(made)).toBe(canonicalJson(report));
      }),
      { numRuns: 500 },
    );
  });

  it('carry only what changed: one figure is one member of the figures, the rest is left out', () => {
    const saved = consistentReport(2024);
    const report = { ...saved, values: { ...saved.values, 't3.granted.naturalPerson': '99' } };
    expect(reportChanges(saved, report, BASE)).toEqual({
      base: BASE,
      formatId: saved.formatId,
      values: { set: { 't3.granted.naturalPerson': '99' }, removed: [] },
    });
    const cleared = { ...saved, sections: {} };
    expect(reportChanges(saved, cleared, BASE)).toEqual({ base: BASE, formatId: saved.formatId, sections: { set: {}, removed: Object.keys(saved.sections) } });
    expect(reportChanges(saved, saved, BASE)).toEqual({ base: BASE, formatId: saved.formatId });
  });

  it('leave the saved report as it was', () => {
    const saved = consistentReport(2024);
    const copy = structuredClone(saved);
    applyReportChanges(saved, { base: BASE, formatId: saved.formatId, values: { set: { 't3.granted.naturalPerson': '1' }, removed: ['t3.denied.stateSecret.naturalPerson'] } });
    expect(saved).toEqual(copy);
  });

  it('are not made across formats: the whole report is saved then', () => {
    const saved = consistentReport(2024);
    expect(reportChanges(saved, { ...saved, formatId: 'another' }, BASE)).toBeUndefined();
  });
});
