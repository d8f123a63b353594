import { Inflate } from 'fflate';

/**
 * Reads single entries of a ZIP file (a DOCX) without trusting it: sizes are checked
 * against limits before anything is inflated (declared size, total, compression ratio),
 * and inflation stops as soon as the output exceeds the declared size (a ZIP bomb lies
 * about it). Entries are checked against their CRC-32.
 */

export interface ZipLimits {
  /** Largest uncompressed entry that is read. */
  readonly maxEntryBytes: number;
  /** Largest sum of declared uncompressed sizes of all entries. */
  readonly maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry above `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
  readonly maxEntries: number;
}

const DOCX_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
};

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

export interface ZipArchive {
  readonly names: readonly string[];
  /** The entry's bytes (undefined when there is no such entry); throws a ZipProblem. */
  read(name: string): Uint8Array | undefined;
}

/** Why a ZIP cannot be read, in words for the user; the caller says which file. */
export class ZipProblem extends Error {
  override readonly name = 'ZipProblem';
  readonly kind: 'corrupt' | 'bomb' | 'encrypted' | 'unsupported';
  constructor(kind: ZipProblem['kind'], message: string) {
    super(message);
    this.kind = kind;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let i = bytes.length - 22; i >= stop; i--) if (u32(bytes, i) === EOCD) return i;
  throw new ZipProblem('corrupt', '找不到压缩包的目录（文件不完整或已损坏）');
}

function readEntries(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const end = findEndOfCentralDirectory(bytes);
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipProblem('unsupported', '文件使用了ZIP64格式，年度报告不应有这么大');
  if (count > limits.maxEntries) throw new ZipProblem('bomb', `压缩包中有${count}个文件，远多于Word文档应有的数量`);
  if (offset + size > end) throw new ZipProblem('corrupt', '压缩包目录的位置不对（文件不完整或已损坏）');
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new ZipProblem('corrupt', '压缩包目录已损坏');
    const nameLength = u16(bytes, at + 28);
    const entry: Entry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    entries.push(entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes) {
    throw new ZipProblem('bomb', `解压后共有${megabytes(total)}，超过${megabytes(limits.maxTotalBytes)}的上限`);
  }
  return entries;
}

function checkEntry(entry: Entry, limits: ZipLimits): void {
  if (entry.flags & 1) throw new ZipProblem('encrypted', `压缩包中的“${entry.name}”已加密`);
  if (entry.size > limits.maxEntryBytes) {
    throw new ZipProblem('bomb', `“${entry.name}”解压后有${megabytes(entry.size)}，超过${megabytes(limits.maxEntryBytes)}的上限`);
  }
  if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio) {
    throw new ZipProblem('bomb', `“${entry.name}”的压缩比超过${limits.maxRatio}:1（${megabytes(entry.compressedSize)}解压为${megabytes(entry.size)}）`);
  }
  if (entry.method !== 0 && entry.method !== 8) throw new ZipProblem('unsupported', `“${entry.name}”使用了不支持的压缩方式（${entry.method}）`);
}

/** Inflates raw deflate data, refusing to produce more than `size` bytes. */
function inflateCapped(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > size) throw new ZipProblem('bomb', `“${name}”解压后的内容比声明的${size}字节多`);
    out.set(chunk, written);
    written += chunk.length;
    if (final) done = true;
  });
  const step = 64 * 1024;
  try {
    for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, Math.min(i + step, data.length)), i + step >= data.length);
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw new ZipProblem('corrupt', `“${name}”无法解压（${(error as Error).message}）`);
  }
  if (!done || written !== size) throw new ZipProblem('corrupt', `“${name}”解压后的长度与声明的不一致`);
  return out;
}

function extract(bytes: Uint8Array, entry: Entry, limits: ZipLimits): Uint8Array {
  checkEntry(entry, limits);
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw new ZipProblem('corrupt', `“${entry.name}”的位置不对`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipProblem('corrupt', `“${entry.name}”不完整（文件被截断）`);
  const data = bytes.subarray(start, end);
  const out = entry.method === 0 ? data.slice() : inflateCapped(data, entry.size, entry.name);
  if (out.length !== entry.size) throw new ZipProblem('corrupt', `“${entry.name}”的长度与声明的不一致`);
  if (crc32(out) !== entry.crc) throw new ZipProblem('corrupt', `“${entry.name}”校验失败（内容已损坏）`);
  return out;
}

/** Opens a ZIP archive; throws a ZipProblem on a damaged or suspicious directory. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): ZipArchive {
  const entries = readEntries(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    names: entries.map((e) => e.name),
    read(name) {
      const entry = byName.get(name);
      return entry && extract(bytes, entry, limits);
    },
  };
}
