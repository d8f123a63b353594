import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FormatModule from '../../shared/format/index.ts';
import { ipcContract } from '../../shared/ipc/contract.ts';
import { blankAgency } from '../../shared/model/report.ts';
import type { Report } from '../../shared/model/report.ts';
import { isSealedReport } from '../../shared/model/sealedReport.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { noPdfPrinter, startTestApp } from './support.ts';
import type { TestApp } from './support.ts';

/** How often a report was validated: the report schema's refinement looks up its format once per report. */
const validated = vi.hoisted(() => ({ reports: 0 }));
vi.mock('../../shared/format/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof FormatModule>();
  return {
    ...original,
    formatById: (id: string) => {
      validated.reports++;
      return original.formatById(id);
    },
  };
});

function must<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Every object inside `value`, itself included. */
function objectsIn(value: unknown): object[] {
  if (typeof value !== 'object' || value === null) return [];
  return [value, ...Object.values(value).flatMap(objectsIn)];
}

describe('autosave validation', () => {
  let app: TestApp;
  let reportId: number;
  let report: Report;

  beforeEach(() => {
    app = startTestApp(noPdfPrinter);
    const agency = must(app.store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const created = must(app.store.createReport({ agencyId: agency.id, year: 2024 }));
    reportId = created.summary.id;
    report = { ...loadSeeds()[0]!.report, agency: created.report.agency, year: 2024 };
  });
  afterEach(() => app.close());

  it('checks the report once per autosave: the contract parses it and the store takes it as parsed', async () => {
    validated.reports = 0;
    await app.value('nianbao:reports:save', { id: reportId, report });
    expect(validated.reports).toBe(1);
    expect(must(app.store.getReport({ reportId })).report).toEqual(report);
  });

  it('seals what the contract parses: frozen throughout, so it stays as it was checked', () => {
    const parsed = ipcContract['nianbao:reports:save'].args.parse({ id: reportId, report });
    expect(isSealedReport(parsed.report)).toBe(true);
    const objects = objectsIn(parsed.report);
    expect(objects.length).toBeGreaterThan(8);
    for (const object of objects) expect(Object.isFrozen(object)).toBe(true);
    expect(() => {
      (parsed.report.values as Record<string, string>)['t3.granted.naturalPerson'] = '不是数字也能写进去吗';
    }).toThrow(TypeError);
  });

  it('still checks every report that did not come sealed, a changed copy of a sealed one included', () => {
    const parsed = ipcContract['nianbao:reports:save'].args.parse({ id: reportId, report });
    const changed = { ...parsed.report, values: { ...parsed.report.values, 不存在的单元格: '1' } };
    expect(isSealedReport(changed)).toBe(false);
    const refused = app.store.saveReport({ reportId, report: changed });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('未知的表格单元格') as string });
    expect(app.store.saveReport({ reportId, report: { ...report, year: 1999 } }).ok).toBe(false);
  });
});
