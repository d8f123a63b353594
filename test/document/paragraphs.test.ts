import { describe, expect, it } from 'vitest';
import { parseParagraphs } from '../../shared/document/paragraphs.ts';

describe('parseParagraphs: heading levels inside a section', () => {
  it('recognises （一） headings standing alone or running into their paragraph', () => {
    expect(parseParagraphs('（一）主动公开情况\n本年度主动公开政府信息120条。')).toEqual([
      { kind: 'paragraph', lead: { level: 'level2', text: '（一）主动公开情况' }, text: '' },
      { kind: 'paragraph', text: '本年度主动公开政府信息120条。' },
    ]);
    expect(parseParagraphs('(二)加强规范管理，提高行政效能。高新区进一步突出重点。')).toEqual([
      { kind: 'paragraph', lead: { level: 'level2', text: '(二)加强规范管理，提高行政效能。' }, text: '高新区进一步突出重点。' },
    ]);
    expect(parseParagraphs('（十一）其他')[0]!.lead).toEqual({ level: 'level2', text: '（十一）其他' });
  });

  it('recognises 1. / 1、 and （1） headings, and the 一是 enumeration', () => {
    expect(parseParagraphs('1.完善保密制度。严格落实保密审查。')[0]).toEqual({
      kind: 'paragraph',
      lead: { level: 'level3', text: '1.完善保密制度。' },
      text: '严格落实保密审查。',
    });
    expect(parseParagraphs('1、主动公开政务信息情况。一是通过各媒体发表政务信息39条。')[0]!.lead).toEqual({
      level: 'level3',
      text: '1、主动公开政务信息情况。',
    });
    expect(parseParagraphs('（1）单位概况')[0]!.lead).toEqual({ level: 'level4', text: '（1）单位概况' });
    expect(parseParagraphs('一是公开内容不够全面；二是解读形式单一。')[0]).toEqual({
      kind: 'paragraph',
      lead: { level: 'ordinal', text: '一是' },
      text: '公开内容不够全面；二是解读形式单一。',
    });
  });

  it('leaves ordinary paragraphs alone: years, decimals, long runs without a stop', () => {
    expect(parseParagraphs('2021年，我部在门户网站公开信息27条。')[0]!.lead).toBeUndefined();
    expect(parseParagraphs('12.5%的申请在5个工作日内答复。')[0]!.lead).toBeUndefined();
    const long = `（三）${'政府信息管理'.repeat(8)}，继续完善`;
    expect(parseParagraphs(long)[0]).toEqual({ kind: 'paragraph', lead: { level: 'level2', text: '（三）' }, text: long.slice(3) });
  });

  it('splits on any line break, trims full-width indents and drops blank lines', () => {
    const paragraphs = parseParagraphs('\u3000\u3000第一段。\r\n\r\n  第二段。\r第三段。\n\u3000\n');
    expect(paragraphs.map((p) => p.text)).toEqual(['第一段。', '第二段。', '第三段。']);
    expect(parseParagraphs('')).toEqual([]);
  });
});
