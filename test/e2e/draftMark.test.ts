import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossCellKey, currentFormat } from '../../shared/format/index.ts';
import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { toolsAvailable } from '../support/tools.ts';
import { startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { appPage } from './ui.ts';
import { ipcValue } from './ipcValue.ts';

/**
 * The 草稿 mark as a clerk meets it on the export step: a report with errors exports PDF
 * and DOCX marked 草稿; turning the option off exports them unmarked; the choice is
 * remembered with the agency, so it holds after a reload and for the agency's next
 * report. Screenshots go to test-output/ui/ (prefixed `draft-`).
 */

const AGENCY = '湖滨区人民政府办公室';
const MARK = '草稿';
const OPTION = '.nb-option:has-text("标注") input[type="checkbox"]';
const OPTION_LABEL = '.nb-option label:has-text("标注")';

describe.runIf(toolsAvailable('chromium', 'pdftotext'))('the draft mark on the export step', { timeout: 240_000 }, () => {
  let harness: Harness;
  let page: Page;
  let ui: ReturnType<typeof appPage>;
  const files = mkdtempSync(join(tmpdir(), 'nianbao-ui-draft-'));
  let agencyId: number;

  /** A report with one error (a carried-forward figure that does not balance). */
  async function reportWithError(year: number): Promise<number> {
    const { agency } = ipcValue<AgencyRecord[]>(await harness.call('nianbao:agencies:list', {})).find((a) => a.id === agencyId)!;
    const report = ipcValue<ReportSummary>(await harness.call('nianbao:reports:create', { agencyId, year, from: 'blank' }));
    const right = consistentReport(year);
    const unbalanced = crossCellKey(currentFormat.tables.table3, 'carriedForward', 'naturalPerson');
    ipcValue(await harness.call('nianbao:reports:save', { id: report.id, report: { ...right, agency, values: { ...right.values, [unbalanced]: '999' } } }));
    return report.id;
  }

  const openExportStep = async (reportId: number) => {
    await page.goto(`https://app.nianbao.invalid/index.html#/report/${reportId}/export`);
    await page.waitForSelector('[data-step="export"][aria-current="step"]');
  };

  beforeAll(async () => {
    harness = await startHarness({ open: false });
    page = harness.page;
    ui = appPage(page, 'draft-');
    agencyId = ipcValue<AgencyRecord>(await harness.call('nianbao:agencies:create', { agency: { ...consistentReport().agency, name: AGENCY } })).id;
    await openExportStep(await reportWithError(2024));
  }, 120_000);

  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await harness?.close();
  }, 60_000);

  /** Exports `output`, answering the question the app asks about a report with errors. */
  async function exportWithErrors(output: 'pdf' | 'docx', path: string): Promise<void> {
    harness.dialogs.answerSave(path);
    await ui.confirmAfter(`[data-action="export-${output}"]`, '仍然导出');
  }

  const exportedTo = (path: string, timeout: number) => page.waitForSelector(`[data-testid="exported-path"]:has-text("${path}")`, { timeout });

  async function exportPdfText(name: string): Promise<string> {
    const path = join(files, name);
    await exportWithErrors('pdf', path);
    await exportedTo(path, 120_000);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  }

  async function exportDocxHeaders(name: string): Promise<string> {
    const path = join(files, name);
    await exportWithErrors('docx', path);
    await exportedTo(path, 60_000);
    const parts = unzipSync(readFileSync(path));
    return Object.entries(parts)
      .filter(([part]) => /^word\/header\d*\.xml$/.test(part))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
  }

  const pageCount = (text: string) => text.split('\f').filter((p) => p.trim()).length;

  it('marks every page of a report with errors as 草稿 (PDF and DOCX), with the option on by default', async () => {
    expect(await page.textContent('[data-testid="export-status"]')).toMatch(/^还有 \d+ 个错误[、，]/);
    expect(await page.isChecked(OPTION)).toBe(true);
    await page.waitForSelector('[data-testid="preview"][data-updating="false"] .nb-page[data-page="1"][data-rendered="true"]', { timeout: 120_000 });
    await page.setViewportSize({ width: 1024, height: 768 });
    await ui.screenshot('marked-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    const text = await exportPdfText('marked.pdf');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const printed of pages) expect(printed).toContain(MARK);
    expect(await exportDocxHeaders('marked.docx')).toContain(MARK);
  });

  it('exports without the mark once the clerk turns it off', async () => {
    await page.click(OPTION_LABEL);
    await ui.saved();
    expect(await page.isChecked(OPTION)).toBe(false);
    const text = await exportPdfText('unmarked.pdf');
    expect(pageCount(text)).toBeGreaterThan(1);
    expect(text).not.toContain(MARK);
    expect(await exportDocxHeaders('unmarked.docx')).not.toContain(MARK);
    await ui.screenshot('unmarked');
  });

  it('remembers the choice after a reload and for the agency’s next report', async () => {
    await harness.reload();
    await page.waitForSelector('[data-step="export"][aria-current="step"]');
    expect(await page.isChecked(OPTION)).toBe(false);
    await openExportStep(await reportWithError(2025));
    expect(await page.getAttribute('[data-testid="export-status"]', 'data-status')).not.toBe('ready');
    expect(await page.isChecked(OPTION)).toBe(false);
    expect(await exportPdfText('next-year.pdf')).not.toContain(MARK);
  });
});
