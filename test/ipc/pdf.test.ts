import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import { blankAgency } from '../../shared/model/report.ts';
import { launchChromiumPdfPrinter } from '../../services/export/pdf/chromiumPdfPrinter.ts';
import type { PdfPrinter } from '../../services/export/pdf/pdfPrinter.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { startTestApp } from './support.ts';
import type { TestApp } from './support.ts';

/** PDF export and the in-app preview through the handlers, printed by Debian's Chromium. */
describe.runIf(toolsAvailable('chromium'))('PDF through the handlers', () => {
  let printer: PdfPrinter;
  let app: TestApp;
  let prints = 0;
  let lastPrintEnded = 0;
  beforeAll(async () => {
    const launched = await launchChromiumPdfPrinter();
    if (!launched.ok) throw new Error(launched.error);
    printer = launched.value;
    const print = async (html: string) => {
      prints++;
      const printed = await printer.print(html);
      lastPrintEnded = performance.now();
      return printed;
    };
    app = startTestApp({ print, close: () => printer.close() });
  });
  afterAll(async () => {
    await app?.close();
    await printer?.close();
  });

  it('previews the report being edited and exports the saved one to the chosen path', async () => {
    const agency = (await app.value('nianbao:agencies:create', { agency: blankAgency('预览测试局') })) as AgencyRecord;
    const { id } = (await app.value('nianbao:reports:create', { agencyId: agency.id, year: 2024, from: 'blank' })) as ReportSummary;
    const report = { ...consistentReport(2024), agency: agency.agency };

    const { pdfBase64 } = (await app.value('nianbao:export:preview', { report })) as { pdfBase64: string };
    expect(Buffer.from(pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    await app.value('nianbao:reports:save', { id, report });
    const target = join(app.dir, 'report.pdf');
    app.saves.push(target);
    expect(await app.value('nianbao:export:pdf', { reportId: id })).toEqual({ path: target });
    expect(app.dialogsShown.at(-1)).toMatchObject({ title: '导出PDF', defaultName: '预览测试局2024年政府信息公开工作年度报告.pdf' });
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints a preview ahead without waiting for it, and the preview asked for then is that print', async () => {
    const report = { ...consistentReport(2023), agency: blankAgency('提前打印测试局') };
    const before = prints;
    expect(await app.value('nianbao:export:printAhead', { report })).toBeNull();
    const answered = performance.now();
    expect(prints - before).toBe(1);
    const { pdfBase64 } = (await app.value('nianbao:export:preview', { report })) as { pdfBase64: string };
    expect(Buffer.from(pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(prints - before).toBe(1);
    // The print ahead answered while its print was running; the preview took that print.
    expect(answered).toBeLessThan(lastPrintEnded);
  });
});
