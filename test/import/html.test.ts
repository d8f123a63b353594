import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHtml } from '../../services/import/readers/html.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { expectedFigures, figuresOf } from './seedForms.ts';
import { importBytes, importError, printable } from './support.ts';

/**
 * Web pages: the five seeds as LibreOffice writes them (`soffice --headless --convert-to
 * html` of the DOCX Nianbao exports for each seed, the fee wording as the seed prints it),
 * and a page as a county website serves one (GB2312, menus, nested layout tables,
 * breadcrumbs, a footer, a `<br>` in a header cell), also saved as MHTML.
 */

const HTML_DIR = join(import.meta.dirname, '..', 'fixtures', 'html');
const seeds = loadSeeds();
const SITE_PAGE = join(HTML_DIR, 'site-gb2312.html');
/** The site page carries seed 004's report. */
const SITE_SEED = seeds.find((s) => s.id === '004_796925a18fab7523')!;

describe('HTML written by LibreOffice from the DOCX of each seed', () => {
  it.each(seeds.map((s) => [s.id, s] as const))('seed %s: `nianbao figures` gives the fixture, the report comes back whole', async (id, seed) => {
    const path = join(HTML_DIR, `${id}.html`);
    expect(await figuresOf(path)).toEqual(expectedFigures(seed.fixture, `${id}.html`));
    const result = await importBytes(new Uint8Array(readFileSync(path)), `${id}.html`);
    expect(result.sourceFormat).toBe('html');
    const { agency: _agency, ...report } = result.report;
    const { agency: _seedAgency, ...expected } = printable(seed.report);
    expect(report).toEqual(expected);
    expect(result.report.agency.name).toBe(seed.report.agency.name);
  });
});

describe('a report page saved from a government website', () => {
  it('reads GB2312, leaves out the menus, breadcrumbs and footer, and gives the fixture figures', async () => {
    expect(await figuresOf(SITE_PAGE)).toEqual(expectedFigures(SITE_SEED.fixture, 'site-gb2312.html'));
    const result = await importBytes(new Uint8Array(readFileSync(SITE_PAGE)), 'site-gb2312.html');
    expect(result.title).toBe('湖滨区政府办2021年政府信息公开工作年度报告');
    const text = result.sourceLines.join('\n');
    for (const chrome of ['首页', '当前位置', '政府信息公开指南', '主办单位', '打印本页', '统计代码', '浏览次数']) expect(text).not.toContain(chrome);
    expect(result.preamble).toMatch(/^本报告由湖滨区政府办/);
    expect(result.sections.find((s) => s.key === 'other')!.text).toBe('无');
    expect(result.issues.filter((i) => i.level === 'warning')).toEqual([]);
  });

  it('reads the same page saved as MHTML, quoted-printable or base64', async () => {
    const page = new Uint8Array(readFileSync(SITE_PAGE));
    const quotedPrintable = Array.from(page, (b) => (b >= 0x21 && b <= 0x7e && b !== 0x3d ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`))
      .join('')
      .replace(/(.{72})/g, '$1=\r\n');
    const base64 = Buffer.from(page).toString('base64').replace(/(.{76})/g, '$1\r\n');
    for (const [encoding, body] of [['quoted-printable', quotedPrintable], ['base64', base64]] as const) {
      const mhtml = [
        'From: <Saved by Blink>',
        'Subject: =?utf-8?Q?report?=',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related;',
        '\ttype="text/html";',
        '\tboundary="----MultipartBoundary--abc----"',
        '',
        '------MultipartBoundary--abc----',
        'Content-Type: text/html; charset=gb2312',
        `Content-Transfer-Encoding: ${encoding}`,
        'Content-Location: http://www.example.gov.cn/zwgk/2022/report.html',
        '',
        body,
        '------MultipartBoundary--abc----',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgo=',
        '------MultipartBoundary--abc------',
        '',
      ].join('\r\n');
      const result = await importBytes(new TextEncoder().encode(mhtml), '年报.mht');
      expect(result.agency, encoding).toBe('湖滨区政府办');
      expect(result.report.values, encoding).toEqual(SITE_SEED.report.values);
    }
  });
});

describe('HTML tables', () => {
  const utf8 = (html: string) => new TextEncoder().encode(html);

  it('places cells on the grid with rowspan and colspan, repeats a cell spanning rows, and breaks lines at <br>', () => {
    const html = `<meta charset="utf-8"><table>
      <tr><td rowspan="2" colspan="2">甲<br>乙</td><td>1</td></tr>
      <tr><td>2</td></tr>
      <tr><td>丙</td><td colspan="2"><p>3</p><p>4</p></td></tr></table>`;
    const result = readHtml(utf8(html), 'table.html');
    expect(result.ok && result.value.lines).toEqual([
      { cells: [{ text: '甲\n乙', x0: 0, x1: 2 }, { text: '1', x0: 2, x1: 3 }], table: 0 },
      { cells: [{ text: '甲\n乙', x0: 0, x1: 2, continued: true }, { text: '2', x0: 2, x1: 3 }], table: 0 },
      { cells: [{ text: '丙', x0: 0, x1: 1 }, { text: '3\n4', x0: 1, x1: 3 }], table: 0 },
    ]);
  });

  it('reads a table holding tables as page layout, and its inner tables as tables', () => {
    const html = '<meta charset="utf-8"><table><tr><td>栏目</td><td><p>正文</p><table><tr><td>规章</td><td>5</td></tr></table></td></tr></table>';
    const result = readHtml(utf8(html), 'layout.html');
    expect(result.ok && result.value.lines).toEqual([
      { cells: [{ text: '栏目' }] },
      { cells: [{ text: '正文' }] },
      { cells: [{ text: '规章', x0: 0, x1: 1 }, { text: '5', x0: 1, x1: 2 }], table: 0 },
    ]);
  });

  it('decodes the charset a page declares, GBK as GB18030', () => {
    const gbk = new Uint8Array([...utf8('<html><head><meta charset="GBK"></head><body><p>'), 0xd6, 0xd0, 0xce, 0xc4, ...utf8('</p></body></html>')]);
    const result = readHtml(gbk, 'gbk.html');
    expect(result.ok && result.value.lines).toEqual([{ cells: [{ text: '中文' }] }]);
  });
});

describe('refused and hostile pages', () => {
  it('a web page with no report in it', async () => {
    const page = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav">首页 政务公开</div><p>欢迎访问本网站。</p></body></html>';
    expect(await importError(new TextEncoder().encode(page), '首页.html')).toBe(
      '“首页.html”看起来不是政府信息公开工作年度报告：没有找到“一、总体情况”等六个章节标题，也没有找到主动公开、依申请公开、复议诉讼三张表格。请确认选择的文件。',
    );
  });

  it('a web page without text', async () => {
    expect(await importError(new TextEncoder().encode('<!DOCTYPE html><html><body><img src="a.png"></body></html>'), '图片.html')).toBe(
      '“图片.html”网页中没有文字，没有可导入的内容。请在网站上打开报告全文页面后另存，或改用报告的Word、PDF文件。',
    );
  });

  it('an MHTML file without a page', async () => {
    const mhtml = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b--\r\n';
    expect(await importError(new TextEncoder().encode(mhtml), '空.mht')).toContain('是单个文件网页（MHTML），但里面没有网页正文');
  });

  it('tables nested 2,000 deep and 100,000 nested elements are read without exhausting the stack', async () => {
    const tables = `<p>一、总体情况</p>${'<table><tr><td>'.repeat(2000)}规章${'</td></tr></table>'.repeat(2000)}`;
    const nested = await importBytes(new TextEncoder().encode(tables), '套表.html');
    expect(nested.cells.find((c) => c.key === 't2.regulations.issued')!.value).toBeNull();
    const divs = `${'<div><a href="#">'.repeat(50_000)}x${'</a></div>'.repeat(50_000)}`;
    expect(await importError(new TextEncoder().encode(divs), '嵌套.html')).toContain('看起来不是政府信息公开工作年度报告');
  });
});

const REAL_PAGE = join(import.meta.dirname, '..', 'fixtures', 'real', 'pingtan-2024.page.html');

/** Each figure cell of the real 2024 page (`<p style="text-indent: 0em;">217</p>`), rewritten as Word and web editors write figures. */
const FIGURE = /(<p style="text-indent: 0em;">)(\d+(?:\.\d+)?)(<\/p>)/g;
const WORD_FIGURES: Record<string, (figure: string) => string> = {
  'digits in separate spans': (n) => n.split('').map((d) => `<span lang=EN-US>${d}</span>`).join(''),
  'an <o:p> after the figure': (n) => `<span>${n}<o:p></o:p></span>`,
  '&nbsp; padding': (n) => `&nbsp;${n}&nbsp;&nbsp;`,
  'an mso-spacerun span before it': (n) => `<span style='mso-spacerun:yes'>&nbsp; </span>${n}`,
  'full-width digits': (n) => n.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  '<font> and <b> around it': (n) => `<font face="仿宋_GB2312"><b>${n}</b></font>`,
  'a downlevel-revealed conditional comment': (n) => `<![if !supportMisc]>${n}<![endif]>`,
  'a hidden mso-hide span beside it': (n) => `${n}<span style="display:none;mso-hide:all">9</span>`,
};

describe('figures written the ways Word and web editors write them', () => {
  it.each(Object.keys(WORD_FIGURES))('%s: every cell of the real page reads as before', async (form) => {
    const page = readFileSync(REAL_PAGE, 'utf8');
    const html = page.replace(FIGURE, (_m, open: string, figure: string, close: string) => `${open}${WORD_FIGURES[form]!(figure)}${close}`);
    expect(html).not.toBe(page);
    const whole = await importBytes(new Uint8Array(readFileSync(REAL_PAGE)), 'pingtan-2024.page.html');
    const result = await importBytes(new TextEncoder().encode(html), 'word.html');
    expect(result.cells.map((c) => [c.key, c.value])).toEqual(whole.cells.map((c) => [c.key, c.value]));
  });
});

describe('a report table an editor split in two, its header repeated', () => {

  it('reads the rows after the split by count, not under the columns the HTML table model shifts them to', async () => {
    const page = readFileSync(REAL_PAGE, 'utf8');
    // Table 3 split before （三）不予公开: the merged 三、本年度办理结果 cell stays in the first table,
    // so the rows after the split lack their first cell; the second table repeats the three header rows.
    const split = page.indexOf('<tr><td rowspan="8"');
    const table3 = page.lastIndexOf('<table', split);
    const headerRows = page.slice(page.indexOf('<tbody>', table3) + '<tbody>'.length, page.indexOf('<tr><td colspan="3"', table3));
    const html = `${page.slice(0, split)}</tbody></table><table border="1"><tbody>${headerRows}${page.slice(split)}`;
    const whole = await importBytes(new Uint8Array(readFileSync(REAL_PAGE)), 'pingtan-2024.page.html');
    const result = await importBytes(new TextEncoder().encode(html), 'split.html');
    expect(whole.cells.filter((c) => c.value !== null)).toHaveLength(200);
    expect(result.cells.map((c) => [c.key, c.value])).toEqual(whole.cells.map((c) => [c.key, c.value]));
  });
});
