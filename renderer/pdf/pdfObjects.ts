/**
 * The objects of a PDF as Chromium's printer (Skia) writes it: one classic cross-reference
 * table, no incremental updates, no object streams, no encryption. Anything else, or
 * anything malformed, throws: callers treat such a file as unknown rather than guess.
 * The PDF is a binary string (one character per byte, as `atob` gives it).
 */

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfDict | readonly PdfValue[];
export interface PdfName {
  readonly name: string;
}
export interface PdfRef {
  readonly ref: number;
}
export interface PdfString {
  /** The string as written (with its brackets), not decoded: two strings are equal when written alike. */
  readonly written: string;
}
export interface PdfDict {
  readonly dict: ReadonlyMap<string, PdfValue>;
}
export interface PdfObject {
  readonly value: PdfValue;
  /** A stream's bytes as stored (still compressed). */
  readonly stream?: string;
}

export interface PdfObjects {
  readonly trailer: PdfDict;
  read(id: number): PdfObject;
}

export class UnreadablePdf extends Error {}

/** Character classes of PDF syntax, by character code: 1 white space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of '\0\t\n\f\r ') CLASS[c.charCodeAt(0)] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
const isRegular = (code: number) => code >= 256 || CLASS[code] === 0;
const isDigit = (code: number) => code >= 48 && code <= 57;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

export function isDict(value: PdfValue | undefined): value is PdfDict {
  return typeof value === 'object' && value !== null && 'dict' in value;
}
export function isRef(value: PdfValue | undefined): value is PdfRef {
  return typeof value === 'object' && value !== null && 'ref' in value;
}
export function isName(value: PdfValue | undefined, name?: string): value is PdfName {
  return typeof value === 'object' && value !== null && 'name' in value && (name === undefined || value.name === name);
}

/** Reads values from `text` starting at a position. */
class ValueReader {
  private readonly text: string;
  at: number;

  constructor(text: string, at: number) {
    this.text = text;
    this.at = at;
  }

  private skipSpace(): void {
    const { text } = this;
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      if (code < 256 && CLASS[code] === 1) this.at++;
      else if (code === 37 /* % */) while (this.at < text.length && text[this.at] !== '\n' && text[this.at] !== '\r') this.at++;
      else return;
    }
  }

  /** A run of regular characters: a number or a keyword. */
  word(): string {
    this.skipSpace();
    const start = this.at;
    while (this.at < this.text.length && isRegular(this.text.charCodeAt(this.at))) this.at++;
    return this.text.slice(start, this.at);
  }

  /** After an integer: whether a generation number and R follow (an indirect reference), read if so. */
  private referenceRest(): boolean {
    const { text } = this;
    const back = this.at;
    this.skipSpace();
    const digits = this.at;
    while (this.at < text.length && isDigit(text.charCodeAt(this.at))) this.at++;
    if (this.at > digits) {
      this.skipSpace();
      if (text[this.at] === 'R' && (this.at + 1 === text.length || !isRegular(text.charCodeAt(this.at + 1)))) {
        this.at++;
        return true;
      }
    }
    this.at = back;
    return false;
  }

  value(): PdfValue {
    this.skipSpace();
    const { text } = this;
    const c = text[this.at];
    if (c === undefined) throw new UnreadablePdf('unexpected end');
    if (c === '/') {
      const start = ++this.at;
      while (this.at < text.length && isRegular(text.charCodeAt(this.at))) this.at++;
      return { name: text.slice(start, this.at) };
    }
    if (c === '[') {
      this.at++;
      const items: PdfValue[] = [];
      for (this.skipSpace(); text[this.at] !== ']'; this.skipSpace()) items.push(this.value());
      this.at++;
      return items;
    }
    if (c === '<' && text[this.at + 1] === '<') {
      this.at += 2;
      const dict = new Map<string, PdfValue>();
      for (this.skipSpace(); text.startsWith('>>', this.at) === false; this.skipSpace()) {
        const key = this.value();
        if (!isName(key)) throw new UnreadablePdf('dictionary key is not a name');
        dict.set(key.name, this.value());
      }
      this.at += 2;
      return { dict };
    }
    if (c === '<') {
      const end = text.indexOf('>', this.at);
      if (end < 0) throw new UnreadablePdf('unterminated hex string');
      const written = text.slice(this.at, end + 1);
      this.at = end + 1;
      return { written };
    }
    if (c === '(') return { written: this.literalString() };
    const word = this.word();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (!NUMBER.test(word)) throw new UnreadablePdf(`unexpected "${word.slice(0, 20)}"`);
    const number = Number(word);
    if (isDigit(word.charCodeAt(0)) && Number.isInteger(number) && !word.includes('.') && this.referenceRest()) return { ref: number };
    return number;
  }

  private literalString(): string {
    const { text } = this;
    const start = this.at;
    let depth = 0;
    for (; this.at < text.length; this.at++) {
      const c = text[this.at];
      if (c === '\\') this.at++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return text.slice(start, ++this.at);
    }
    throw new UnreadablePdf('unterminated string');
  }
}

function readXref(pdf: string): { offsets: Map<number, number>; trailer: PdfDict } {
  const tail = pdf.slice(-1024);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) throw new UnreadablePdf('no startxref at the end');
  const reader = new ValueReader(pdf, Number(startxref[1]));
  if (reader.word() !== 'xref') throw new UnreadablePdf('no classic cross-reference table');
  const offsets = new Map<number, number>();
  for (;;) {
    const first = reader.word();
    if (first === 'trailer') break;
    const count = Number(reader.word());
    if (!/^\d+$/.test(first) || !Number.isInteger(count)) throw new UnreadablePdf('bad cross-reference section');
    for (let i = 0; i < count; i++) {
      const offset = reader.word();
      reader.word();
      const kind = reader.word();
      if (kind === 'n') offsets.set(Number(first) + i, Number(offset));
      else if (kind !== 'f') throw new UnreadablePdf('bad cross-reference entry');
    }
  }
  const trailer = reader.value();
  if (!isDict(trailer)) throw new UnreadablePdf('bad trailer');
  // An updated or encrypted file holds more than one table, or scrambled strings: not read here.
  for (const key of ['Prev', 'XRefStm', 'Encrypt']) if (trailer.dict.has(key)) throw new UnreadablePdf(`trailer has /${key}`);
  return { offsets, trailer };
}

export function readPdfObjects(pdf: string): PdfObjects {
  const { offsets, trailer } = readXref(pdf);
  const cache = new Map<number, PdfObject>();
  const read = (id: number): PdfObject => {
    const cached = cache.get(id);
    if (cached) return cached;
    const offset = offsets.get(id);
    if (offset === undefined) throw new UnreadablePdf(`object ${id} is not in the table`);
    const reader = new ValueReader(pdf, offset);
    if (reader.word() !== String(id) || !/^\d+$/.test(reader.word()) || reader.word() !== 'obj') throw new UnreadablePdf(`object ${id} is not where the table says`);
    const value = reader.value();
    const after = reader.word();
    let object: PdfObject;
    if (after === 'endobj') object = { value };
    else if (after === 'stream' && isDict(value)) object = { value, stream: streamData(pdf, reader.at, value, read) };
    else throw new UnreadablePdf(`object ${id} does not end`);
    cache.set(id, object);
    return object;
  };
  return { trailer, read };
}

function streamData(pdf: string, keywordEnd: number, dict: PdfDict, read: (id: number) => PdfObject): string {
  const declared = dict.dict.get('Length');
  const length = isRef(declared) ? read(declared.ref).value : declared;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) throw new UnreadablePdf('stream without a length');
  const start = pdf.startsWith('\r\n', keywordEnd) ? keywordEnd + 2 : pdf[keywordEnd] === '\n' ? keywordEnd + 1 : -1;
  if (start < 0) throw new UnreadablePdf('stream keyword not followed by a line end');
  const end = start + length;
  if (!/^\s*endstream/.test(pdf.slice(end, end + 12))) throw new UnreadablePdf('stream length does not match');
  return pdf.slice(start, end);
}
