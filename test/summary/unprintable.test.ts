import { expect, test } from 'vitest';
import { openStore } from '../../services/store/index.ts';
import { inProcessWorkspaceWork } from '../../services/summary/workspaceWork.ts';
import { openZip } from '../../services/import/readers/zip.ts';
import { renderXlsx } from '../../services/export/xlsx/renderXlsx.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { buildDocument } from '../../shared/document/build.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { tempDir, unwrap } from '../store/support.ts';

/**
 * A unit's report that came mangled (U+FFFE, U+FFFF: a file decoded wrongly) must not make
 * the superior office's workbooks and 审核意见 files damaged: no XML may hold those two, and
 * the docx and exceljs writers leave out control characters but not them. Every XML part of
 * every file written shows U+FFFD in their place.
 */

const MANGLED_NAME = '城关\uFFFF镇人民政府';

/** Every XML part of an Office file, as text. */
function xmlParts(bytes: Uint8Array): string[] {
  const zip = openZip(bytes);
  return zip.names.filter((name) => name.endsWith('.xml')).map((name) => new TextDecoder().decode(zip.read(name)));
}

function expectPrintable(bytes: Uint8Array): void {
  const parts = xmlParts(bytes).join('\n');
  expect(parts).not.toMatch(/[\uFFFE\uFFFF]/);
  expect(parts).toContain('\uFFFD');
}

test('the 汇总 workbooks and 审核意见 of a unit whose report came with U+FFFE/U+FFFF show U+FFFD instead', async () => {
  const dataDir = tempDir();
  const store = unwrap(openStore({ dataDir }));
  let workspaceId: number;
  let unitId: number;
  try {
    const agencyId = unwrap(store.createAgency({ agency: blankAgency('湖滨县人民政府') })).id;
    workspaceId = unwrap(store.createWorkspace({ agencyId, year: 2024 })).id;
    unitId = unwrap(store.addUnits({ workspaceId, units: [{ name: MANGLED_NAME, aliases: [] }] })).added[0]!.id;
    const report = consistentReport(2024);
    // A figure that cannot be read (so the 审核意见 quotes it) and a mangled name.
    const mangled = { ...report, agency: blankAgency(MANGLED_NAME), values: { ...report.values, 't3.granted.naturalPerson': '1\uFFFE' } };
    unwrap(
      store.addReceivedFile({
        workspaceId,
        fileName: `${MANGLED_NAME}.nianbao`,
        bytes: new Uint8Array([1]),
        reading: { status: 'read', agency: MANGLED_NAME, year: 2024, sourceFormat: 'exchange', uncertainCells: 0 },
        report: mangled,
        match: { status: 'matched', unitId, by: 'exact' },
      }),
    );
  } finally {
    await store.close();
  }
  const at = { dataDir, workspaceId };
  const options = { title: `${MANGLED_NAME}汇总`, author: '湖滨县人民政府' };
  expectPrintable(unwrap(await inProcessWorkspaceWork.reviewListXlsx(at, options)));
  expectPrintable(unwrap(await inProcessWorkspaceWork.sumXlsx(at, options)));
  expectPrintable(unwrap(await inProcessWorkspaceWork.reviewOpinionDocx(at, unitId, '2025-03-05')));
});

test('a report with U+FFFE/U+FFFF is written as DOCX and XLSX with U+FFFD in their place', async () => {
  const report = consistentReport(2024);
  const model = buildDocument({ ...report, agency: { ...report.agency, name: MANGLED_NAME } });
  expectPrintable(await renderDocx(model));
  expectPrintable(await renderXlsx(model));
});
