import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

// A small reader and writer for the zip container of an .xlsx package, over Node's own zlib. It exists so that a
// command can read the few parts it needs and write back a package in which every part it did not change keeps
// its compressed bytes as they were (copied, not recompressed).

/** A zip archive that is not usable; the message is one plain Chinese sentence. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

/** Bounds that keep a hostile archive (a zip bomb) from exhausting memory. */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Uncompressed size of any one entry; also bounds inflation, whatever the header claims. */
  maxEntryBytes: number;
}

/**
 * A workbook of 2,000 cases × 45 expert sheets unpacks to well under 1 GB; a single part must stay below what
 * V8 can hold as one string (~512 MB).
 */
export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1536 * 1024 * 1024,
  maxEntryBytes: 400 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The entry's compressed bytes, a view into the archive. */
  raw: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('文件已损坏或不完整，无法作为 .xlsx 工作簿打开');
}

/** The entries of an archive, read from its central directory; nothing is decompressed yet. */
export function readZip(buf: Buffer, limits: ZipLimits = DEFAULT_LIMITS): Map<string, ZipEntry> {
  const damaged = (): never => {
    throw new ZipError('文件已损坏或不完整，无法作为 .xlsx 工作簿打开');
  };
  if (buf.length < 22) damaged();
  const end = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('文件使用了 ZIP64 格式，不像是评价工作簿');
  if (count > limits.maxEntries) throw new ZipError(`压缩包中的文件过多（${count} 个），不像是评价工作簿`);
  if (dirOffset + dirSize > end) damaged();
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) damaged();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipError('工作簿已加密，请在 Excel 中取消密码保护后再试');
    if (method !== 0 && method !== 8) damaged();
    if (size > limits.maxEntryBytes || (total += size) > limits.maxTotalBytes)
      throw new ZipError('解压后的内容过大，不像是评价工作簿');
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) damaged();
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (start + compressedSize > buf.length) damaged();
    entries.set(name, { name, method, crc, compressedSize, size, raw: buf.subarray(start, start + compressedSize) });
  }
  return entries;
}

/** The uncompressed bytes of an entry; inflation stops at the declared size, so a lying header cannot blow up. */
export function entryBytes(entry: ZipEntry): Buffer {
  if (entry.method === 0) return entry.raw;
  try {
    const out = inflateRawSync(entry.raw, { maxOutputLength: Math.max(entry.size, 1) });
    if (out.length !== entry.size) throw new Error('size');
    return out;
  } catch {
    throw new ZipError('文件已损坏或不完整，无法作为 .xlsx 工作簿打开');
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Node's own CRC-32 (Node 20.15 and later) is ~20 times faster than the table below, which serves older Nodes. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;

export function crc32(data: Buffer): number {
  if (nativeCrc32) return nativeCrc32(data);
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A new entry from uncompressed content; deflated once here. */
/**
 * Level 3 deflates a 1,000-row expert sheet about twice as fast as the default level 6, for ~8% more bytes; the
 * sheets are large and repetitive, so writing time matters more than the last few percent.
 */
export const DEFAULT_LEVEL = 3;

export function newEntry(name: string, content: Buffer | string, level = DEFAULT_LEVEL): ZipEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const raw = deflateRawSync(data, { level });
  return { name, method: 8, crc: crc32(data), compressedSize: raw.length, size: data.length, raw };
}

/** An archive of the given entries, in order; existing entries are copied with their compressed bytes. */
export function writeZip(entries: Iterable<ZipEntry>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, the DOS epoch: no time is recorded
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    local.copy(dir, 8, 6, 30); // flags … lengths are the same fields as in the local header
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.raw);
    central.push(dir, name);
    offset += 30 + name.length + e.raw.length;
    count++;
  }
  if (count > 0xfffe || offset > 0xfffffffe) throw new ZipError('工作簿过大，无法写入');
  const dirSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
