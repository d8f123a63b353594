import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocTable } from '../../shared/document/model.ts';
import { importPasted } from '../../services/import/index.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';

/** 从剪贴板导入: a whole report, or one table copied from a browser or WPS (text and HTML). */

const seed = loadSeeds().find((s) => s.id === '002_02b0b34086fdfbea')!;

/** A table as a browser puts it on the clipboard: HTML with its spans, and text with tabs between cells. */
function copiedTable(table: DocTable): { html: string; text: string } {
  const rows = Array.from({ length: table.rowCount }, (_, r) => table.cells.filter((c) => c.row === r));
  const html = `<html><body><!--StartFragment--><table>${rows
    .map((cells) => `<tr>${cells.map((c) => `<td rowspan="${c.rowSpan}" colspan="${c.colSpan}">${c.text.replace(/\n/g, '<br>')}</td>`).join('')}</tr>`)
    .join('')}</table><!--EndFragment--></body></html>`;
  const text = rows.map((cells) => cells.map((c) => c.text.replace(/\n/g, ' ')).join('\t')).join('\n');
  return { html, text };
}

describe('pasted content', () => {
  it('a whole report pasted as text gives the figures of the file', () => {
    const result = importPasted({ text: seed.text });
    expect(result.ok && result.value.report.values).toEqual(seed.report.values);
  });

  it('one table copied from a browser (HTML and text) gives that table, the others left unread', () => {
    const table3 = buildDocument(seed.report).sections.flatMap((s) => s.blocks).find((b): b is DocTable => b.kind === 'table' && b.id === 'table3')!;
    const result = importPasted(copiedTable(table3));
    if (!result.ok) throw new Error(result.error);
    const expected = Object.entries(seed.report.values).filter(([key]) => key.startsWith('t3.'));
    expect(Object.entries(result.value.report.values).filter(([key]) => key.startsWith('t3.'))).toEqual(expected);
    expect(Object.keys(result.value.report.values).filter((key) => !key.startsWith('t3.'))).toEqual([]);
    expect(result.value.sourceFormat).toBe('html');
  });

  it('something that is no report', () => {
    expect(importPasted({ text: '会议通知\n请各科室负责人于周五下午参加会议。', html: '<p>会议通知</p>' })).toEqual({
      ok: false,
      error: '粘贴的内容中没有找到年度报告的章节标题或表格（主动公开、依申请公开、复议诉讼）。请复制整份报告，或带表头的一张表格，再粘贴。',
    });
  });
});
