import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocParagraph } from '../../shared/document/model.ts';
import { currentFormat } from '../../shared/format/index.ts';
import { renderWebHtml } from '../../shared/web/renderWebHtml.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { exportCases } from '../support/expectedTables.ts';
import type { Element } from './htmlDocument.ts';
import { attr, elements, parseHtml, tableCells, textOf } from './htmlDocument.ts';

/**
 * The web page export read back with parse5 (the HTML standard's parser): valid, self-
 * contained, and every heading, paragraph, label and figure where the format puts it.
 */

/** Elements that load or run something. */
const LOADING_ELEMENTS = ['script', 'link', 'img', 'iframe', 'frame', 'object', 'embed', 'base', 'video', 'audio', 'source', 'track', 'picture', 'form', 'svg', 'math'];
/** Attributes that hold a URL. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'longdesc', 'manifest', 'ping', 'xlink:href', 'usemap'];

const cases = exportCases().map((c) => ({ ...c, model: buildDocument(c.report), html: renderWebHtml(buildDocument(c.report)) }));

const paragraphText = (p: DocParagraph) => `${p.lead?.text ?? ''}${p.text}`;

describe.each(cases)('web page of $name', ({ report, model, html, tables }) => {
  const { document, errors } = parseHtml(html);
  const all = elements(document);
  const byTag = (tag: string) => all.filter((e) => e.tagName === tag);

  it('is valid HTML: the parser reports no error', () => {
    expect(errors).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(attr(byTag('html')[0]!, 'lang')).toBe('zh-CN');
    expect(byTag('meta').some((m) => attr(m, 'charset') === 'utf-8')).toBe(true);
    const ids = all.map((e) => attr(e, 'id')).filter((id) => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refers to nothing outside itself: no script, no font, no file, no link', () => {
    expect(all.filter((e) => LOADING_ELEMENTS.includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
    const urls = all.flatMap((e) => e.attrs.filter((a) => URL_ATTRIBUTES.includes(a.name) && !a.value.startsWith('#')));
    expect(urls).toEqual([]);
    expect(all.flatMap((e) => e.attrs.filter((a) => a.name.startsWith('on')))).toEqual([]);
    const css = [...byTag('style').map(textOf), ...all.map((e) => attr(e, 'style') ?? '')].join('\n');
    expect(css).not.toMatch(/url\(|@import|@font-face/i);
  });

  it('reads in order: title, preamble, the six headings with their paragraphs, signature', () => {
    expect(textOf(byTag('title')[0]!)).toBe(model.title);
    expect(byTag('h1').map(textOf)).toEqual([model.title]);
    expect(byTag('h2').map(textOf)).toEqual(currentFormat.sections.map((s) => s.heading));
    expect(byTag('caption').map(textOf)).toEqual(tables.map((t) => t.title));
    const text = textOf(byTag('article')[0]!);
    const expected = [
      ...model.preamble.map(paragraphText),
      ...model.sections.flatMap((s) => [s.heading, ...s.blocks.map((b) => (b.kind === 'table' ? b.title : paragraphText(b)))]),
      ...(model.signature ? [model.signature.agency, model.signature.date] : []),
    ].filter((t): t is string => Boolean(t));
    let at = 0;
    for (const piece of expected) {
      const found = text.indexOf(piece.replace(/\s+/g, ' '), at);
      expect(found, piece).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    expect(model.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'paragraph').length).toBeGreaterThan(0);
  });

  it('holds each table with the official labels, merges and every figure in its cell, blanks blank', () => {
    const htmlTables = byTag('table');
    expect(htmlTables).toHaveLength(3);
    tables.forEach((expected, t) => {
      const cells = tableCells(htmlTables[t]!);
      expect(cells).toHaveLength(expected.cells.length);
      for (const cell of expected.cells) {
        const found = cells.find((c) => c.row === cell.row && c.col === cell.col);
        const where = `${expected.id} row ${cell.row} col ${cell.col}`;
        expect([found?.rowSpan, found?.colSpan], where).toEqual([cell.rowSpan, cell.colSpan]);
        if (cell.label !== undefined) expect(found!.text, where).toBe(cell.label);
        else if (cell.figure === null) expect(found!.text, `${where} ${cell.key}`).toBe('');
        else expect(Number(found!.text), `${where} ${cell.key}`).toBe(cell.figure);
      }
    });
  });

  it('marks labels as <th scope> and names the headers of every figure, block by block', () => {
    const htmlTables = byTag('table');
    const th = all.filter((e) => e.tagName === 'th');
    expect(th.filter((e) => !['col', 'row', 'rowgroup'].includes(attr(e, 'scope') ?? '')).map(textOf)).toEqual([]);
    // A block caption opens its own row group.
    const captionRows = elements(document).filter((e) => e.tagName === 'tbody').map((tbody) => elements(tbody).find((e) => e.tagName === 'th'));
    expect(th.filter((e) => attr(e, 'scope') === 'rowgroup')).toEqual(captionRows.filter((e) => e && attr(e, 'scope') === 'rowgroup'));
    const byId = new Map(all.flatMap((e) => (attr(e, 'id') ? [[attr(e, 'id')!, e] as const] : [])));
    const headersOf = (td: Element) => (attr(td, 'headers') ?? '').split(' ').map((id) => textOf(byId.get(id)!));
    const { table2, table3, table4 } = currentFormat.tables;
    const feeHeader = currentFormat.feeColumn!.header[report.agency.exportOptions.feeWording];
    const expected = [
      table2.blocks.flatMap((block) =>
        block.rows.flatMap((row) => block.columns.map((column) => [block.caption, row.kind === 'money' ? feeHeader : column.label, row.label])),
      ),
      table3.rows.flatMap((row) => table3.columns.map((column) => [...column.path, ...row.path])),
      table4.rows.flatMap((row) => table4.columns.map((column) => [...column.path, ...row.path])),
    ];
    htmlTables.forEach((table, t) => {
      const figures = elements(table).filter((e) => e.tagName === 'td' && attr(e, 'headers') !== undefined);
      expect(figures.map(headersOf)).toEqual(expected[t]);
    });
  });
});

describe('web page export', () => {
  it('prints what the user typed as text, never as markup', () => {
    const report = consistentReport();
    const typed = '<script>alert("x")</script> & <img src=x>';
    const html = renderWebHtml(buildDocument({ ...report, agency: { ...report.agency, name: `机关${typed}` }, sections: { ...report.sections, problems: typed } }));
    const { document, errors } = parseHtml(html);
    expect(errors).toEqual([]);
    expect(elements(document).filter((e) => e.tagName === 'script' || e.tagName === 'img')).toEqual([]);
    expect(textOf(elements(document).find((e) => e.tagName === 'h1')!)).toContain(typed);
    expect(elements(document).filter((e) => e.tagName === 'p').map(textOf)).toContain(typed);
  });
});
