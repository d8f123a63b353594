import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/document/build.ts';
import type { DocTable } from '../../shared/document/model.ts';
import { escapeHtml } from '../../shared/print/escape.ts';
import { fontStack } from '../../shared/print/fonts.ts';
import { renderPrintHtml } from '../../shared/print/renderPrintHtml.ts';
import { numberedReport } from '../docx/reports.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { tables } from './documentText.ts';

const FONTS = 'app://nianbao/fonts/';
const model = buildDocument(numberedReport());
const html = renderPrintHtml(model, { fontBaseUrl: FONTS });

function tableHtml(id: DocTable['id']): string {
  return html.slice(html.indexOf(`<table class="${id}">`), html.indexOf('</table>', html.indexOf(`<table class="${id}">`)));
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

describe('print layout (renderPrintHtml)', () => {
  it('sets an A4 page with the GB/T 9704 margins and page numbers alternating sides', () => {
    expect(html).toMatch(/@page \{\s*size: A4;\s*margin: 37mm 26mm 35mm 28mm;/);
    expect(html).toMatch(/@page :right \{\s*@bottom-right \{\s*content: "— " counter\(page\) " —";/);
    expect(html).toMatch(/@page :left \{\s*@bottom-left \{\s*content: "— " counter\(page\) " —";/);
  });

  it('prefers the installed official faces by exact name and falls back to the bundled fonts under fontBaseUrl', () => {
    for (const name of ['仿宋_GB2312', 'FangSong_GB2312', '方正小标宋简体', '黑体', 'SimHei', '楷体_GB2312', 'Times New Roman']) {
      expect(html).toContain(`local('${name}')`);
    }
    expect(fontStack('body')).toBe("'Nianbao Latin', 'Nianbao Official body', 'Noto Serif SC', serif");
    expect(fontStack('heading1')).toBe("'Nianbao Official heading1', 'Noto Sans SC', sans-serif");
    expect(fontStack('heading2')).toBe("'Nianbao Latin', 'Nianbao Official heading2', 'LXGW WenKai', serif");
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual([
      `${FONTS}@fontsource/noto-serif-sc/400.css`,
      `${FONTS}@fontsource/noto-sans-sc/400.css`,
      `${FONTS}lxgw-wenkai-webfont/lxgwwenkai-regular.css`,
    ]);
    const elsewhere = renderPrintHtml(model, { fontBaseUrl: 'file:///opt/fonts' });
    expect(elsewhere).toContain('href="file:///opt/fonts/@fontsource/noto-serif-sc/400.css"');
    expect(elsewhere).toContain("url('file:///opt/fonts/@fontsource/tinos/files/tinos-latin-400-normal.woff2') format('woff2')");
  });

  it('sets Latin letters and digits in the installed Times New Roman, else in the bundled Tinos, never in a Chinese face', () => {
    const latin = /@font-face \{ font-family: 'Nianbao Latin'; src: ([^;]+); unicode-range: ([^;]+); \}/.exec(html);
    expect(latin?.[1]).toBe(
      `local('Times New Roman'), local('TimesNewRomanPSMT'), local('Liberation Serif'), local('LiberationSerif'), url('${FONTS}@fontsource/tinos/files/tinos-latin-400-normal.woff2') format('woff2')`,
    );
    expect(latin?.[2]).toBe('U+0020-007E');
  });

  it('writes each table in the model grid: merges, widths, header rows in <thead>', () => {
    for (const table of tables(model)) {
      const part = tableHtml(table.id);
      const cols = [...part.matchAll(/<col style="width: ([\d.]+)mm">/g)].map((m) => Number(m[1]));
      expect(cols).toEqual(table.columnWidthsMm);
      const head = /<thead>([\s\S]*)<\/thead>/.exec(part)?.[1] ?? '';
      expect(head.match(/<tr/g)?.length ?? 0).toBe(table.headerRows);
      expect(part.match(/<tr/g)!.length).toBe(table.rowCount);
      expect(part.match(/<t[hd][ >]/g)!.length).toBe(table.cells.length);
      for (const cell of table.cells) {
        const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
        const size = cell.sizePt ? ` style="font-size: ${cell.sizePt}pt"` : '';
        expect(part).toContain(`${spans} class="${cell.role}"${size}>${escapeHtml(cell.text)}</t`);
      }
    }
    // A figure too wide for its cell is set smaller, never broken (see figureSize.ts).
    expect(tableHtml('table3')).toContain('<td class="total" style="font-size: 8.5pt">23373</td>');
    // Table 3 and 4 repeat their three header rows; table 2's captions are body rows.
    expect(tables(model).map((t) => [t.id, t.headerRows])).toEqual([
      ['table2', 0],
      ['table3', 3],
      ['table4', 3],
    ]);
  });

  it('keeps the first rows of a cell spanning rows together, as many as its label needs', () => {
    const table3 = tableHtml('table3');
    const rows = table3.split('<tr').slice(1);
    const kept = rows.map((row, i) => (row.startsWith(' class="keep-with-next"') ? i : -1)).filter((i) => i >= 0);
    // 三、本年度办理结果 (5 lines in the 10 mm column) needs r5–r8 (1 + 2 + 1 + 2 lines);
    // （三）不予公开 and （五）不予处理 (2 lines each) need their two one-line first rows;
    // （四）无法提供 and （六）其他处理 start on rows tall enough.
    expect(kept).toEqual([5, 6, 7, 18]);
  });

  it('prints 草稿 at the right of every page’s header line while the report has errors, never without', () => {
    expect(model.draftMark).toBe('草稿');
    for (const side of ['right', 'left']) {
      expect(html).toMatch(new RegExp(`@page :${side} \\{[^@]*@bottom-${side} \\{[^}]*\\}\\s*@top-right \\{\\s*content: "草稿";\\s*font-family: ${fontStack('heading1').replace(/[()'\\]/g, '.')};\\s*font-size: 16pt;`));
    }
    expect(html).toContain('<span class="draft">草稿</span>');
    const final = renderPrintHtml(buildDocument(consistentReport()), { fontBaseUrl: FONTS });
    expect(final).not.toContain('@top-right');
    expect(final).not.toContain('草稿');
  });

  it('escapes every text the user typed', () => {
    const report = consistentReport();
    const hostile = '<img src=x onerror=alert(1)>&"\'';
    const doc = buildDocument({
      ...report,
      agency: { ...report.agency, name: `湖滨区${hostile}` },
      sections: { ...report.sections, problems: `一是${hostile}` },
      values: { ...report.values, 't2.regulations.issued': hostile },
    });
    const out = renderPrintHtml(doc, { fontBaseUrl: FONTS });
    expect(out).not.toContain('<img');
    expect(out).toContain('&#60;img src=x onerror=alert(1)&#62;&#38;&#34;&#39;');
  });

  it('escapeHtml leaves no markup character and is reversible', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']|&(?!#\d+;)/);
        expect(unescapeHtml(escaped)).toBe(text);
      }),
    );
  });

  it('prints the title lines, 楷体 leads and the signature with its GB/T 9704 indents', () => {
    expect(html).toContain('<h1>湖滨区政府办<br>2024年政府信息公开工作年度报告</h1>');
    expect(html).toContain('<p class="heading"><span class="lead-level2">（一）主动公开情况</span></p>');
    expect(html).toMatch(/<div class="signature"><p style="padding-right: [\d.]+pt">湖滨区政府办<\/p><p style="padding-right: [\d.]+pt">2025年1月31日<\/p><\/div>/);
  });
});
