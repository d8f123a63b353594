import { unzipSync, zipSync } from 'fflate';

/**
 * Mutations of real report files, the ways hostile or broken files differ: bytes flipped,
 * cut, repeated or inserted; markup and text spliced with the constructs that broke
 * readers before (deep nesting, huge spans and character references, long runs of
 * cell-like lines); and for DOCX and XLSX the same done to the XML parts inside a
 * well-formed ZIP, so the mutations get past the ZIP checks.
 */

/** A small seeded generator (mulberry32), so every failure can be replayed from its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const between = (r: Random, low: number, high: number): number => low + Math.floor(r() * (high - low + 1));

/** Pieces that broke or slowed readers, and pieces of the format that steer recognition. */
function hostilePiece(r: Random): string {
  const depth = pick(r, [10, 500, 2000, 20_000]);
  return pick(r, [
    () => '&#2147483647;',
    () => '&#x110000;',
    () => '&#xD800;',
    () => `<w:tbl><w:tr><w:tc>`.repeat(depth) + `</w:tc></w:tr></w:tbl>`.repeat(depth),
    () => `<w:sdt><w:sdtContent>`.repeat(depth) + `</w:sdtContent></w:sdt>`.repeat(depth),
    () => `<w:hyperlink>`.repeat(depth),
    () => `<table><tr><td rowspan="${pick(r, ['0', '65534', '-1', '99999999'])}" colspan="${pick(r, ['0', '1000', '99999999'])}">1</td></tr></table>`,
    () => `<div>`.repeat(depth),
    () => `<table><tr><td>`.repeat(depth),
    () => '<mergeCell ref="A1:XFD1048576"/>',
    () => `<c r="XFD1048576"><v>1</v></c>`,
    () => '\n\t1'.repeat(pick(r, [100, 5000])),
    () => '\n规章\t0\t0\t0'.repeat(pick(r, [10, 2000])),
    () => '\n（一）予以公开\t1\t2\t3\t4\t5\t6\t7'.repeat(pick(r, [10, 500])),
    () => '<!--',
    () => '<![CDATA[',
    () => '<!DOCTYPE x [<!ENTITY a "b">]>',
    () => '\u0000\uFFFF\uD800',
    () => '9'.repeat(pick(r, [20, 400])),
    () => '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n',
  ])();
}

function mutateText(text: string, r: Random): string {
  let out = text;
  for (let n = between(r, 1, 3); n > 0; n--) {
    const at = between(r, 0, out.length);
    const to = Math.min(out.length, at + between(r, 0, 2000));
    out = pick(r, [
      () => out.slice(0, at) + hostilePiece(r) + out.slice(at),
      () => out.slice(0, at) + out.slice(to),
      () => out.slice(0, to) + out.slice(at, to).repeat(between(r, 2, 20)) + out.slice(to),
      () => out.slice(0, at),
      () => out.slice(0, at) + String.fromCharCode(between(r, 0, 0xffff)) + out.slice(at + 1),
      () => out.split('\n').sort(() => r() - 0.5).join('\n'),
    ])();
  }
  return out;
}

function mutateBytes(bytes: Uint8Array, r: Random): Uint8Array {
  const out = Array.from(bytes);
  for (let n = between(r, 1, 8); n > 0; n--) {
    const at = between(r, 0, out.length);
    pick(r, [
      () => { out[at] = between(r, 0, 255); },
      () => out.splice(at, between(r, 1, 512)),
      () => out.splice(at, 0, ...Array.from({ length: between(r, 1, 64) }, () => between(r, 0, 255))),
      () => out.splice(at, 0, ...out.slice(at, at + between(r, 1, 4096))),
      () => out.splice(at),
    ])();
  }
  return new Uint8Array(out);
}

function mutateZip(bytes: Uint8Array, r: Random): Uint8Array {
  const entries = unzipSync(bytes);
  const xmlParts = Object.keys(entries).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  const part = pick(r, xmlParts);
  entries[part] = new TextEncoder().encode(mutateText(new TextDecoder().decode(entries[part]), r));
  return zipSync(entries, { level: pick(r, [0, 6]) });
}

/** One mutated file from a real one. */
export function mutate(file: { readonly name: string; readonly bytes: Uint8Array }, r: Random): Uint8Array {
  const zip = file.name.endsWith('.docx') || file.name.endsWith('.xlsx');
  const strategy = r();
  if (zip && strategy < 0.7) return mutateZip(file.bytes, r);
  if (!zip && !file.name.endsWith('.pdf') && strategy < 0.6) {
    const text = new TextDecoder('gb18030').decode(file.bytes);
    return new TextEncoder().encode(mutateText(text, r));
  }
  return mutateBytes(file.bytes, r);
}
