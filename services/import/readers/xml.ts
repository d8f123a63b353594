/**
 * A small XML reader for the parts of Office documents (DOCX, XLSX): elements with
 * attributes and text, no DTDs (an Office part never needs one, and entity expansion is
 * how XML bombs work, so `<!DOCTYPE` is refused). Names are compared without their prefix
 * (`w:tbl` and a strict-OOXML writer's prefix both give `tbl`).
 *
 * It scans the text once, left to right, with an explicit stack, so its time is linear in
 * the input and hostile nesting cannot exhaust the call stack; nesting deeper than
 * `MAX_XML_DEPTH` is refused (the readers walk the tree recursively within that bound).
 */

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Attributes by local name. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Deeper than any Office document (a table nested in a table adds four levels). */
export const MAX_XML_DEPTH = 400;

/** Why an XML part cannot be read, in words for the user; the caller says which file. */
export class XmlProblem extends Error {
  override readonly name = 'XmlProblem';
  /** `structure`: damaged or not XML; `limit`: beyond a stated limit (nesting). */
  readonly kind: 'structure' | 'limit';
  constructor(kind: XmlProblem['kind'], message: string) {
    super(message);
    this.kind = kind;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML 1.0 `Char`: what a character reference may name. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function characterReference(entity: string): string {
  const digits = entity.startsWith('#x') ? entity.slice(2) : entity.slice(1);
  const code = digits.length > 8 ? Infinity : parseInt(digits, entity.startsWith('#x') ? 16 : 10);
  if (!isXmlChar(code)) throw new XmlProblem('structure', `XML中的字符引用“&${entity.slice(0, 12)};”不是有效字符`);
  return String.fromCodePoint(code);
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) =>
    entity.startsWith('#') ? characterReference(entity) : (ENTITIES[entity] ?? whole),
  );
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

interface OpenElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

function isNameChar(code: number): boolean {
  return code > 0x7f || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x3a || code === 0x2e || code === 0x2d;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
}

function structureError(message: string): XmlProblem {
  return new XmlProblem('structure', `XML结构错误：${message}`);
}

/** Reads the tag that starts at `at` (just after `<`): its name, attributes and end. */
function readTag(xml: string, at: number): { name: string; attributes: Record<string, string>; selfClosing: boolean; end: number } {
  let i = at;
  while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
  const name = xml.slice(at, i);
  if (name === '') throw structureError('“<”后面没有元素名');
  const attributes: Record<string, string> = {};
  for (;;) {
    const before = i;
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    if (i >= xml.length) throw structureError(`<${name.slice(0, 40)}>没有结束`);
    if (xml[i] === '>') return { name, attributes, selfClosing: false, end: i + 1 };
    if (xml[i] === '/' && xml[i + 1] === '>') return { name, attributes, selfClosing: true, end: i + 2 };
    if (i === before) throw structureError(`<${name.slice(0, 40)}>的属性之间缺少空格`);
    const start = i;
    while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
    const attribute = xml.slice(start, i);
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    if (attribute === '' || xml[i] !== '=') throw structureError(`<${name.slice(0, 40)}>的属性写法不对`);
    i++;
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    const mark = xml[i];
    if (mark !== '"' && mark !== "'") throw structureError(`<${name.slice(0, 40)}>的属性值没有引号`);
    const close = xml.indexOf(mark, i + 1);
    if (close === -1) throw structureError(`<${name.slice(0, 40)}>的属性值没有结束`);
    attributes[localName(attribute)] = decodeEntities(xml.slice(i + 1, close));
    i = close + 1;
  }
}

/** Index just past the first `terminator` at or after `from`, or a structure error naming what was left open. */
function skipPast(xml: string, from: number, terminator: string, what: string): number {
  const end = xml.indexOf(terminator, from);
  if (end === -1) throw structureError(`${what}没有结束`);
  return end + terminator.length;
}

/**
 * Parses an XML document into elements. `keepText(name)` says inside which elements text
 * matters (whitespace between elements is dropped elsewhere). Throws an XmlProblem on
 * malformed XML, a DOCTYPE, or nesting deeper than `MAX_XML_DEPTH`.
 */
export function parseXml(xml: string, keepText: (elementName: string) => boolean): XmlElement {
  const root: OpenElement = { name: '#document', attributes: {}, children: [] };
  const stack: OpenElement[] = [root];
  let at = 0;
  while (at < xml.length) {
    const parent = stack[stack.length - 1]!;
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > at && keepText(parent.name)) parent.children.push(decodeEntities(xml.slice(at, textEnd)));
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      at = skipPast(xml, lt + 2, '?>', '处理指令');
    } else if (xml.startsWith('<!--', lt)) {
      at = skipPast(xml, lt + 4, '-->', '注释');
    } else if (xml.startsWith('<![CDATA[', lt)) {
      at = skipPast(xml, lt + 9, ']]>', 'CDATA段');
      if (keepText(parent.name)) parent.children.push(xml.slice(lt + 9, at - 3));
    } else if (xml.startsWith('<!DOCTYPE', lt)) {
      throw new XmlProblem('structure', '文档中含有DOCTYPE声明，不是正常的Office文件');
    } else if (xml.startsWith('</', lt)) {
      const close = skipPast(xml, lt + 2, '>', '结束标记');
      const rawName = xml.slice(lt + 2, close - 1).trim();
      const open = stack.pop();
      if (!open || open.name !== localName(rawName) || stack.length === 0) throw structureError(`意外的</${rawName.slice(0, 40)}>`);
      at = close;
    } else {
      const tag = readTag(xml, lt + 1);
      const element: OpenElement = { name: localName(tag.name), attributes: tag.attributes, children: [] };
      parent.children.push(element);
      if (!tag.selfClosing) {
        if (stack.length > MAX_XML_DEPTH) {
          throw new XmlProblem('limit', `文档结构嵌套超过${MAX_XML_DEPTH}层（如表格套表格过多），超出了可以读取的范围`);
        }
        stack.push(element);
      }
      at = tag.end;
    }
  }
  if (stack.length !== 1) throw structureError(`<${stack[stack.length - 1]!.name.slice(0, 40)}>没有结束`);
  return root;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}
