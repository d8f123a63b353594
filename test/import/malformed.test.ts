import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { buildDocument } from '../../shared/document/build.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { importFile } from '../../services/import/index.ts';
import { consistentReport } from '../fixtures/consistentReport.ts';
import { pdfWithoutText, pdfWithPassword } from './pdfFiles.ts';
import { importError } from './support.ts';

/** Bad files are refused with a Chinese message saying what is wrong and what to do. */

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Bytes of an OLE compound file (Word wraps an encrypted DOCX in one; .doc files are one too) holding the given stream names. */
function oleFile(streams: readonly string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  const names = streams.flatMap((name) => [...[...name].flatMap((c) => [c.charCodeAt(0), 0]), ...new Array(128 - name.length * 2).fill(0)]);
  return new Uint8Array([...header, ...names]);
}

function docxEntries(): Record<string, Uint8Array> {
  return {
    '[Content_Types].xml': utf8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': utf8('<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>'),
  };
}

/** Offset of the central-directory record of `name` in a ZIP. */
function centralRecord(zip: Uint8Array, name: string): number {
  const encoded = utf8(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) {
      const length = zip[i + 28]! | (zip[i + 29]! << 8);
      if (length === encoded.length && encoded.every((b, j) => zip[i + 46 + j] === b)) return i;
    }
  }
  throw new Error(`no ${name}`);
}

function setU32(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true);
}

describe('refused files', () => {
  it('an empty file', async () => {
    expect(await importError(new Uint8Array(), '空.docx')).toBe('“空.docx”是空文件（0字节），没有可导入的内容。');
  });

  it('a text file with nothing in it', async () => {
    expect(await importError(utf8('  \n\t\n'), '空白.txt')).toContain('没有文字（只有空白）');
  });

  it('a text that is not a report', async () => {
    const error = await importError(utf8('会议纪要\n\n一、会议时间\n本次会议于3月1日召开。\n二、参会人员\n全体职工。'), '纪要.txt');
    expect(error).toContain('看起来不是政府信息公开工作年度报告');
    expect(error).toContain('请确认选择的文件');
  });

  it('a binary file of unknown kind', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await importError(bytes, '图片.jpg')).toContain('无法识别“图片.jpg”的格式');
  });

  it('a DOCX cut short (damaged ZIP directory)', async () => {
    const bytes = await renderDocx(buildDocument(consistentReport()));
    const error = await importError(bytes.slice(0, bytes.length - 200), '截断.docx');
    expect(error).toMatch(/^“截断\.docx”已损坏，无法读取：.*请在Word或WPS中打开，另存为\.docx后再导入。$/);
  });

  it('a DOCX whose document part is damaged (inflation or CRC fails)', async () => {
    const zip = zipSync(docxEntries());
    const record = centralRecord(zip, 'word/document.xml');
    setU32(zip, record + 16, 0x12345678);
    expect(await importError(zip, '坏.docx')).toContain('“word/document.xml”校验失败（内容已损坏）');
  });

  it('a DOCX locked with a password (an OLE file holding EncryptedPackage)', async () => {
    const error = await importError(oleFile(['EncryptionInfo', 'EncryptedPackage']), '加密.docx');
    expect(error).toBe(
      '“加密.docx”设置了打开密码（文件已加密），无法读取。请在Word或WPS中打开它，取消密码（文件→信息→保护文档→用密码进行加密，清空密码）并保存后再导入。',
    );
  });

  it('an old Word .doc file', async () => {
    expect(await importError(oleFile(['WordDocument', '1Table']), '旧.doc')).toContain('是旧版Word格式（.doc）文件，不能直接导入。请在Word或WPS中打开，另存为“Word文档（*.docx）”');
  });

  it('a ZIP bomb that declares a huge size is refused before anything is inflated', async () => {
    const zip = zipSync(docxEntries());
    setU32(zip, centralRecord(zip, 'word/document.xml') + 24, 0xfff00000);
    const error = await importError(zip, '炸弹.docx');
    expect(error).toMatch(/^“炸弹\.docx”异常：.*超过.*上限，可能是恶意构造的压缩文件（“压缩炸弹”），已停止读取。$/);
  });

  it('a ZIP bomb with an extreme compression ratio', async () => {
    const zip = zipSync({ ...docxEntries(), 'word/document.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(await importError(zip, '压缩比.docx')).toContain('压缩比超过200:1');
  });

  it('a ZIP bomb that lies about its size is stopped while inflating', async () => {
    const zip = zipSync({ ...docxEntries(), 'word/document.xml': utf8('<w:document>'.padEnd(300_000, 'x')) });
    setU32(zip, centralRecord(zip, 'word/document.xml') + 24, 1000);
    expect(await importError(zip, '谎报.docx')).toContain('解压后的内容比声明的1000字节多');
  });

  it('an XML part with a DOCTYPE (entity expansion) is refused', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaa">]><w:document><w:body/></w:document>';
    const zip = zipSync({ ...docxEntries(), 'word/document.xml': utf8(xml) });
    expect(await importError(zip, '实体.docx')).toContain('DOCTYPE');
  });

  it('a presentation in a ZIP', async () => {
    const zip = zipSync({ '[Content_Types].xml': utf8('<Types/>'), 'ppt/presentation.xml': utf8('<presentation/>') });
    expect(await importError(zip, '演示.pptx')).toBe('“演示.pptx”是PowerPoint演示文稿，不是Word文档。请导入年度报告的Word、PDF、网页、Excel或文本文件。');
  });

  it('a scanned PDF without a text layer', async () => {
    expect(await importError(pdfWithoutText(), '扫描件.pdf')).toBe(
      '“扫描件.pdf”中没有可读取的文字（共1页），可能是扫描件或图片转成的PDF。请改用原始的Word文件，或先用OCR软件把它识别成文字后再导入。',
    );
  });

  it('a PDF with a password', async () => {
    expect(await importError(pdfWithPassword(), '加密.pdf')).toBe(
      '“加密.pdf”设置了打开密码，无法读取。请先用PDF阅读器输入密码打开，取消密码（或另存一份不加密的PDF）后再导入。',
    );
  });

  it('a damaged PDF', async () => {
    expect(await importError(pdfWithoutText().slice(0, 200), '坏.pdf')).toMatch(/^“坏\.pdf”已损坏或不是有效的PDF，无法读取/);
  });

  it('a path that does not exist', async () => {
    const result = await importFile({ path: '/nonexistent/报告.docx' });
    expect(result).toEqual({ ok: false, error: '无法读取“/nonexistent/报告.docx”：文件不存在。' });
  });
});

/** A DOCX whose body is the given XML, stored uncompressed (so the compression-ratio check does not stop it first). */
function docxWithBody(body: string): Uint8Array {
  const xml = `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`;
  return zipSync({ ...docxEntries(), 'word/document.xml': utf8(xml) }, { level: 0 });
}

const nested = (open: string, close: string, depth: number, inner = '<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'): string =>
  open.repeat(depth) + inner + close.repeat(depth);

describe('hostile DOCX content is refused with a message, never a crash', () => {
  it('a character reference beyond U+10FFFF in the text', async () => {
    const error = await importError(docxWithBody('<w:p><w:r><w:t>&#2147483647;</w:t></w:r></w:p>'), '字符.docx');
    expect(error).toBe('“字符.docx”已损坏，无法读取：XML中的字符引用“&#2147483647;”不是有效字符。请在Word或WPS中打开并另存后再导入。');
  });

  it('a character reference beyond U+10FFFF in an attribute', async () => {
    const error = await importError(docxWithBody('<w:p><w:pPr><w:pStyle w:val="&#x110000;"/></w:pPr></w:p>'), '属性.docx');
    expect(error).toContain('XML中的字符引用“&#x110000;”不是有效字符');
  });

  const tooDeep = '的文档结构嵌套超过400层（如表格套表格过多），超出了可以读取的范围，不像是正常的年度报告文件。';

  it('tables nested 2,000 deep', async () => {
    const body = nested('<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', 2000);
    expect(await importError(docxWithBody(body), '套表.docx')).toBe(`“套表.docx”${tooDeep}请在Word或WPS中打开，简化表格后另存为.docx再导入。`);
  });

  it('100,000 nested unknown elements, hyperlinks or content controls', async () => {
    for (const [open, close] of [
      ['<w:unknown>', '</w:unknown>'],
      ['<w:hyperlink>', '</w:hyperlink>'],
      ['<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
    ] as const) {
      expect(await importError(docxWithBody(nested(open, close, 100_000)), '嵌套.docx')).toContain(tooDeep);
    }
  });

  it('tables nested as deep as real documents go are still read', async () => {
    const body = `<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>${nested('<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', 20, '<w:p><w:r><w:t>规章</w:t></w:r></w:p>')}`;
    const result = await importFile({ bytes: docxWithBody(`<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>${body}`), name: '套表.docx' });
    expect(result.ok).toBe(true);
  });
});
