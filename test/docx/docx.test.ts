import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import { computeFigures } from '../../shared/figures/figures.ts';
import { currentFormat, tableLayouts } from '../../shared/format/index.ts';
import type { Format2021TableId as TableId } from '../../shared/format/index.ts';
import type { Report } from '../../shared/model/report.ts';
import { norm } from '../../shared/text/norm.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { child, children, descendants, parseXml, readTables, textOf, unzipDocx, val } from './ooxml.ts';
import type { ReadTable, XmlElement } from './ooxml.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { numberedReport, zeroReport } from './reports.ts';

const TABLE_IDS: readonly TableId[] = ['table2', 'table3', 'table4'];
const TWIPS_PER_MM = 1440 / 25.4;

async function exportParts(report: Report): Promise<Map<string, string>> {
  return unzipDocx(await renderDocx(buildDocument(report)));
}

/** The grid the format defines, with the report's printed figures in the data cells. */
function expectedRegions(report: Report, id: TableId) {
  const figures = computeFigures(report);
  const layout = tableLayouts(currentFormat, { feeWording: report.agency.exportOptions.feeWording })[id];
  return layout.cells.map(({ row, col, rowSpan, colSpan, content }) => ({
    row,
    col,
    rowSpan,
    colSpan,
    text: content.type === 'label' ? content.text : figures.get(content.key).text,
  }));
}

function paragraphs(documentXml: string): XmlElement[] {
  const body = child(child(parseXml(documentXml), 'w:document'), 'w:body')!;
  return children(body, 'w:p');
}

const styleOf = (p: XmlElement) => val(child(child(p, 'w:pPr'), 'w:pStyle'));

/** A paragraph style's alignment, its own or inherited through `w:basedOn`. */
function styleAlignment(stylesXml: string): (styleId: string | undefined) => string | undefined {
  const styles = children(child(parseXml(stylesXml), 'w:styles')!, 'w:style');
  const byId = new Map(styles.map((style) => [val(style, 'w:styleId'), style]));
  const alignment = (id: string | undefined): string | undefined => {
    const style = id === undefined ? undefined : byId.get(id);
    if (!style) return undefined;
    return val(child(child(style, 'w:pPr'), 'w:jc')) ?? alignment(val(child(style, 'w:basedOn')));
  };
  return alignment;
}

describe('DOCX export: the three tables', () => {
  const report = numberedReport();
  let tables: ReadTable[];
  let alignmentOfStyle: (styleId: string | undefined) => string | undefined;
  beforeAll(async () => {
    const parts = await exportParts(report);
    tables = readTables(parts.get('word/document.xml')!);
    alignmentOfStyle = styleAlignment(parts.get('word/styles.xml')!);
  });

  it('has exactly the grid, spans and labels of shared/format, with every figure in its cell', () => {
    expect(tables).toHaveLength(3);
    TABLE_IDS.forEach((id, i) => expect(tables[i]!.regions).toEqual(expectedRegions(report, id)));
    // The figures are all different, so each one sits in its own cell and nowhere else.
    expect(tables[0]!.regions.find((r) => r.row === 2 && r.col === 1)!.text).toBe(report.values['t2.regulations.issued']);
    expect(tables[1]!.regions.find((r) => r.row === 27 && r.col === 9)!.text).toBe(String(computeFigures(report).value('t3.carriedForward.total')));
  });

  it('prints zero as 0 in every data cell', async () => {
    const report = zeroReport();
    const zeroTables = readTables((await exportParts(report)).get('word/document.xml')!);
    TABLE_IDS.forEach((id, i) => expect(zeroTables[i]!.regions).toEqual(expectedRegions(report, id)));
    const dataTexts = zeroTables.flatMap((t, i) =>
      tableLayouts(currentFormat)[TABLE_IDS[i]!].cells.filter((c) => c.content.type === 'data').map((c) => t.regions.find((r) => r.row === c.row && r.col === c.col)!.text),
    );
    expect(dataTexts).toHaveLength(200);
    expect(new Set(dataTexts)).toEqual(new Set(['0']));
  });

  it('gives the grid in twips, a DXA width to the table and every cell, and a fixed layout', () => {
    tables.forEach((table, i) => {
      const widthsMm = currentFormat.columnWidthsMm[TABLE_IDS[i]!]!;
      const total = table.gridCols.reduce((a, b) => a + b, 0);
      expect(total).toBe(Math.round(156 * TWIPS_PER_MM));
      table.gridCols.forEach((twips, c) => expect(Math.abs(twips - widthsMm[c]! * TWIPS_PER_MM)).toBeLessThanOrEqual(1));
      const tblPr = child(table.element, 'w:tblPr');
      expect([val(child(tblPr, 'w:tblW'), 'w:type'), Number(val(child(tblPr, 'w:tblW'), 'w:w'))]).toEqual(['dxa', total]);
      expect(val(child(tblPr, 'w:tblLayout'), 'w:type')).toBe('fixed');
      for (const row of table.rows) {
        expect(row.cells.reduce((sum, cell) => sum + cell.span, 0)).toBe(widthsMm.length);
        for (const cell of row.cells) {
          expect(cell.widthType).toBe('dxa');
          expect(cell.width).toBe(table.gridCols.slice(cell.col, cell.col + cell.span).reduce((a, b) => a + b, 0));
        }
      }
    });
  });

  it('repeats the head rows on every page and never splits a row', () => {
    tables.forEach((table, i) => {
      const { headerRows } = tableLayouts(currentFormat)[TABLE_IDS[i]!];
      expect(table.rows.map((r) => r.header)).toEqual(table.rows.map((_, r) => r < headerRows));
      expect(table.rows.every((r) => r.cantSplit)).toBe(true);
    });
    expect(tables[1]!.rows.filter((r) => r.header)).toHaveLength(3);
    expect(tables[2]!.rows.filter((r) => r.header)).toHaveLength(3);
  });

  it('centres figures and header cells and sets row labels flush left', () => {
    const alignment = (table: ReadTable, row: number, col: number) => {
      const tc = children(children(table.element, 'w:tr')[row]!, 'w:tc').find((_, k, all) => {
        const before = all.slice(0, k).reduce((sum, cell) => sum + Number(val(child(child(cell, 'w:tcPr'), 'w:gridSpan')) ?? 1), 0);
        return before === col;
      })!;
      const paragraph = descendants(tc, 'w:p')[0]!;
      // As Word shows it: the paragraph's own alignment, else its style's.
      return val(child(child(paragraph, 'w:pPr'), 'w:jc')) ?? alignmentOfStyle(styleOf(paragraph));
    };
    const table3 = tables[1]!;
    expect(alignment(table3, 10, 5)).toBe('center');
    expect(alignment(table3, 1, 4)).toBe('center');
    expect(alignment(table3, 10, 2)).toBe('left');
  });

  it('sets a figure too wide for its cell smaller, in that run only (the same size as the print layout)', () => {
    const table3 = tables[1]!;
    const runSizes = (row: number) =>
      descendants(children(table3.element, 'w:tr')[row]!, 'w:r').map((run) => val(child(child(run, 'w:rPr'), 'w:sz')));
    // （七）总计 row: six four-digit figures at the table size, the five-digit total at 8.5 pt.
    const totals = table3.regions.filter((r) => r.row === 26 && r.col >= 3);
    expect(totals.map((r) => r.text.length)).toEqual([4, 4, 4, 4, 4, 4, 5]);
    expect(runSizes(26).slice(-7)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, '17']);
  });

  it('matches the circulating Word template cell for cell: same merges, same labels', () => {
    const template = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'circulating-template.docx'));
    const official = readTables(unzipDocx(template).get('word/document.xml')!);
    expect(official.map((t) => [t.rows.length, t.gridCols.length])).toEqual([
      [14, 4],
      [28, 10],
      [4, 15],
    ]);
    official.forEach((table, i) => {
      const ours = tables[i]!.regions;
      expect(ours.map(({ text: _, ...at }) => at)).toEqual(table.regions.map(({ text: _, ...at }) => at));
      table.regions.forEach((region, k) => {
        if (region.text) expect(norm(ours[k]!.text)).toBe(norm(region.text));
      });
    });
  });
});

describe('DOCX export: page, type and document', () => {
  const report = numberedReport();
  let parts: Map<string, string>;
  beforeAll(async () => {
    parts = await exportParts(report);
  });

  it('sets up A4 with the GB/T 9704 margins and page numbers — 1 — on alternating sides', () => {
    const document = parseXml(parts.get('word/document.xml')!);
    const sectPr = descendants(document, 'w:sectPr')[0]!;
    const mm = (twips: string | undefined) => Math.round(Number(twips) / TWIPS_PER_MM);
    expect([mm(val(child(sectPr, 'w:pgSz'), 'w:w')), mm(val(child(sectPr, 'w:pgSz'), 'w:h'))]).toEqual([210, 297]);
    const margins = child(sectPr, 'w:pgMar')!;
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((side) => mm(val(margins, side)))).toEqual([37, 35, 28, 26]);
    expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const rels = parseXml(parts.get('word/_rels/document.xml.rels')!);
    const footer = (type: string) => {
      const id = val(children(sectPr, 'w:footerReference').find((f) => val(f, 'w:type') === type), 'r:id');
      const target = descendants(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target!;
      const p = descendants(parseXml(parts.get(`word/${target}`)!), 'w:p')[0]!;
      const instr = descendants(p, 'w:instrText').map((t) => t.children.join('').trim());
      return { align: val(child(child(p, 'w:pPr'), 'w:jc')), text: textOf(p), instr };
    };
    expect(footer('default')).toEqual({ align: 'right', text: '—  —', instr: ['PAGE'] });
    expect(footer('even')).toEqual({ align: 'left', text: '—  —', instr: ['PAGE'] });
  });

  it('names the official faces per script, with Windows substitutes in the font table', () => {
    const styles = parseXml(parts.get('word/styles.xml')!);
    const style = (id: string) => descendants(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id)!;
    const fonts = (id: string) => child(child(style(id), 'w:rPr'), 'w:rFonts')!.attrs;
    const size = (id: string) => Number(val(child(child(style(id), 'w:rPr'), 'w:sz'))) / 2;
    expect(fonts('Normal')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': 'Times New Roman', 'w:hint': 'eastAsia' });
    expect([size('Normal'), size('Title'), size('TableText'), size('Footer')]).toEqual([16, 22, 10.5, 14]);
    expect(fonts('Title')['w:eastAsia']).toBe('方正小标宋简体');
    expect(fonts('Heading1')['w:eastAsia']).toBe('黑体');
    expect(fonts('FaceHeading2')['w:eastAsia']).toBe('楷体_GB2312');
    expect(fonts('Footer')).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': '宋体' });
    const normal = child(style('Normal'), 'w:pPr')!;
    expect(child(normal, 'w:spacing')!.attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(val(child(normal, 'w:ind'), 'w:firstLine')).toBe('630');
    const fontTable = descendants(parseXml(parts.get('word/fontTable.xml')!), 'w:font');
    const substitute = (name: string) => val(child(fontTable.find((f) => f.attrs['w:name'] === name), 'w:altName'));
    expect([substitute('仿宋_GB2312'), substitute('楷体_GB2312'), substitute('方正小标宋简体'), substitute('黑体')]).toEqual(['仿宋', '楷体', '宋体', 'SimHei']);
  });

  it('writes title, preamble, headings, lead headings and the signature with their styles', () => {
    const ps = paragraphs(parts.get('word/document.xml')!);
    expect(styleOf(ps[0]!)).toBe('Title');
    expect(descendants(ps[0]!, 'w:t').map((t) => t.children.join(''))).toEqual(['湖滨区政府办', '2024年政府信息公开工作年度报告']);
    expect(descendants(ps[0]!, 'w:br')).toHaveLength(1);
    expect(textOf(ps[1]!)).toMatch(/^本报告由湖滨区政府办按照/);
    const headings = ps.filter((p) => styleOf(p) === 'Heading1').map(textOf);
    expect(headings).toEqual(currentFormat.sections.map((s) => s.heading));
    const lead = ps.find((p) => textOf(p) === '（一）主动公开情况')!;
    expect(val(child(child(descendants(lead, 'w:r')[0]!, 'w:rPr'), 'w:rStyle'))).toBe('FaceHeading2');
    const signature = ps.filter((p) => styleOf(p) === 'Signature');
    expect(signature.map(textOf)).toEqual(['湖滨区政府办', '2025年1月31日']);
    // 4.5 and 2 字 of 15.75 pt from the right margin (GB/T 9704 7.3.5.2).
    expect(signature.map((p) => val(child(child(p, 'w:pPr'), 'w:ind'), 'w:right'))).toEqual(['1418', '630']);
    expect(ps.at(-3)!.children.length).toBeGreaterThan(0);
    expect(child(child(ps.at(-3)!, 'w:pPr'), 'w:keepNext')).toBeDefined();
  });

  it('carries title and author, and no tracked changes, macros or comments', () => {
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>湖滨区政府办2024年政府信息公开工作年度报告</dc:title>');
    expect(core).toContain('<dc:creator>湖滨区政府办</dc:creator>');
    expect(parts.get('word/settings.xml')).not.toContain('trackRevisions');
    expect([...parts.keys()].filter((p) => /vba|comments|\.bin$/i.test(p))).toEqual([]);
    expect(parts.get('[Content_Types].xml')).not.toContain('macroEnabled');
    expect(parts.get('word/document.xml')).not.toMatch(/<w:(ins|del) /);
  });

  it('writes 草稿 in 三号黑体 at the right of every page’s header while the report has errors, and no header without', async () => {
    const headers = (parts: Map<string, string>) => [...parts].filter(([path]) => /^word\/header\d*\.xml$/.test(path)).map(([, xml]) => xml);
    const drafts = headers(parts);
    // Odd and even pages (even-and-odd headers are on for the page numbers).
    expect(drafts).toHaveLength(2);
    for (const xml of drafts) {
      const header = parseXml(xml);
      expect(descendants(header, 'w:t').map((t) => t.children.join('')).join('')).toBe('草稿');
      expect(val(descendants(header, 'w:jc')[0])).toBe('right');
      expect(val(descendants(header, 'w:rFonts')[0], 'w:eastAsia')).toBe('黑体');
      expect(val(descendants(header, 'w:sz')[0])).toBe('32');
    }
    const document = parseXml(parts.get('word/document.xml')!);
    expect(descendants(descendants(document, 'w:sectPr')[0]!, 'w:headerReference').map((h) => val(h, 'w:type')).sort()).toEqual(['default', 'even']);
    const options = { ...report.agency.exportOptions, markDraft: false };
    expect(headers(await exportParts({ ...report, agency: { ...report.agency, exportOptions: options } }))).toEqual([]);
    expect(headers(await exportParts(consistentReport()))).toEqual([]);
  });

  it('follows the export options: fee wording, no preamble, no signature', async () => {
    const options = { ...report.agency.exportOptions, feeWording: 'fourDecimals', includePreamble: false, includeSignature: false, includeDate: false } as const;
    const plain = await exportParts({ ...report, agency: { ...report.agency, exportOptions: options } });
    const xml = plain.get('word/document.xml')!;
    const [table2] = readTables(xml);
    expect(table2!.regions.find((r) => r.row === 12 && r.col === 1)!.text).toBe('本年收费金额（单位：万元，保留4位小数）');
    expect(table2!.regions.find((r) => r.row === 13 && r.col === 1)!.text).toBe('12.3456');
    const ps = paragraphs(xml);
    expect(styleOf(ps[1]!)).toBe('Heading1');
    expect(ps.filter((p) => styleOf(p) === 'Signature')).toEqual([]);
  });
});
