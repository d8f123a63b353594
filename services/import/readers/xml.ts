/**
 * A small XML reader for the parts of an Office document: elements with attributes and
 * text, no DTDs (an Office part never needs one, and entity expansion is how XML
 * bombs work, so `<!DOCTYPE` is refused). Names are compared without their prefix
 * (`w:tbl` and a strict-OOXML writer's prefix both give `tbl`).
 */

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Attributes by local name. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

interface OpenElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/**
 * Parses an XML document into elements. `keepText(name)` says inside which elements text
 * matters (whitespace between elements is dropped elsewhere). Throws on malformed XML.
 */
export function parseXml(xml: string, keepText: (elementName: string) => boolean): XmlElement {
  const root: OpenElement = { name: '#document', attributes: {}, children: [] };
  const stack: OpenElement[] = [root];
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(xml); match; match = TAG.exec(xml)) {
    const parent = stack[stack.length - 1]!;
    if (match.index > last && keepText(parent.name)) parent.children.push(decodeEntities(xml.slice(last, match.index)));
    last = TAG.lastIndex;
    const [whole, closing, rawName, rawAttributes, selfClosing, cdata] = match;
    if (whole === '<!DOCTYPE') throw new Error('文档中含有DOCTYPE声明，不是正常的Office文件');
    if (cdata !== undefined) {
      if (keepText(parent.name)) parent.children.push(cdata);
      continue;
    }
    if (rawName === undefined) continue;
    const name = localName(rawName);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) throw new Error(`XML结构错误：意外的</${rawName}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of (rawAttributes ?? '').matchAll(ATTRIBUTE)) {
      attributes[localName(attribute[1]!)] = decodeEntities(attribute[2] ?? attribute[3] ?? '');
    }
    const element: OpenElement = { name, attributes, children: [] };
    parent.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`XML结构错误：<${stack[stack.length - 1]!.name}>没有结束`);
  return root;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}
