import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter, type Entry } from '@zip.js/zip.js';
import { inflateSync } from 'fflate';

// The zip container of an .xlsx package. zip.js reads the central directory (zip64, data descriptors, any entry
// order, UTF-8 names) and hands over each entry's stored bytes unchanged; it also writes the archive, copying the
// stored bytes of every part a command did not change (so they keep their bytes, compressed as they were) and
// deflating the parts it did change. fflate inflates the parts a command reads: synchronously and about twice as
// fast as zip.js's own codec. Both run in Node and in the browser, so the CLI and the task pane share this layer.
// The CLI plugs in Node's own zlib (nodeCodec.ts), several times faster at deflating than any JavaScript codec.

// No web workers: the task pane and the CLI call this from their own thread, and workers would need extra URLs.
configure({ useWebWorkers: false });

/** A zip archive that is not usable; the message is one plain Chinese sentence. */
export class ContainerError extends Error {
  /** The same sentence in English, for `--lang en`. */
  readonly messageEn: string;

  constructor(message: string, messageEn?: string) {
    super(message);
    this.name = 'ContainerError';
    this.messageEn = messageEn ?? message;
  }
}

/** Bounds that keep a hostile archive (a zip bomb) from exhausting memory. */
export interface ContainerLimits {
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
export const DEFAULT_LIMITS: ContainerLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1536 * 1024 * 1024,
  maxEntryBytes: 400 * 1024 * 1024,
};

/** One entry of an archive as stored: its compressed bytes and what is needed to copy or inflate them. */
export interface StoredEntry {
  name: string;
  /** 0 stored, 8 deflated (the only methods SpreadsheetML packages use). */
  method: number;
  crc32: number;
  size: number;
  raw: Uint8Array;
}

/** A part to write: an entry copied as stored, or new content to deflate. */
export type EntryToWrite = StoredEntry | { name: string; content: Uint8Array };

const DAMAGED = '文件已损坏或不完整，无法作为 .xlsx 工作簿打开';
const DAMAGED_EN = 'the file is damaged or incomplete and cannot be opened as an .xlsx workbook';

function isStored(e: EntryToWrite): e is StoredEntry {
  return 'raw' in e;
}

/** The entries of an archive, from its central directory, with their stored bytes; nothing is inflated yet. */
export async function readContainer(
  bytes: Uint8Array,
  limits: ContainerLimits = DEFAULT_LIMITS,
): Promise<Map<string, StoredEntry>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  let entries: Entry[];
  try {
    entries = await reader.getEntries();
  } catch {
    throw new ContainerError(DAMAGED, DAMAGED_EN);
  }
  if (entries.length > limits.maxEntries)
    throw new ContainerError(
      `压缩包中的文件过多（${entries.length} 个），不像是评价工作簿`,
      `the package holds too many files (${entries.length}) to be an evaluation workbook`,
    );
  let total = 0;
  for (const e of entries) {
    if (e.encrypted)
      throw new ContainerError(
        '工作簿已加密，请在 Excel 中取消密码保护后再试',
        'the workbook is encrypted; remove its password in Excel and try again',
      );
    if (e.directory) continue;
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw new ContainerError(DAMAGED, DAMAGED_EN);
    if (e.uncompressedSize > limits.maxEntryBytes || (total += e.uncompressedSize) > limits.maxTotalBytes)
      throw new ContainerError(
        '解压后的内容过大，不像是评价工作簿',
        'the unpacked content is too large to be an evaluation workbook',
      );
  }
  const out = new Map<string, StoredEntry>();
  try {
    for (const e of entries) {
      if (e.directory || e.getData === undefined) continue;
      const raw = await e.getData(new Uint8ArrayWriter(), { passThrough: true });
      out.set(e.filename, {
        name: e.filename,
        method: e.compressionMethod,
        crc32: e.crc32 ?? e.signature ?? 0,
        size: e.uncompressedSize,
        raw,
      });
    }
  } catch {
    throw new ContainerError(DAMAGED, DAMAGED_EN);
  } finally {
    await reader.close().catch(() => undefined);
  }
  return out;
}

/** How parts are inflated and deflated; the default runs anywhere, the CLI installs Node's zlib. */
export interface Codec {
  /** The content of deflated bytes, at most `limit` bytes of it (more means the entry lies about its size). */
  inflate(raw: Uint8Array, limit: number): Uint8Array;
  /** Deflated bytes and the CRC-32 of the content, or null to let zip.js deflate it. */
  deflate(content: Uint8Array, level: number): { raw: Uint8Array; crc32: number } | null;
}

const portableCodec: Codec = {
  inflate: (raw, limit) => inflateSync(raw, { out: new Uint8Array(limit) }),
  deflate: () => null,
};

let codec: Codec = portableCodec;

/** Installs a faster codec (the CLI's Node zlib); the task pane keeps the portable one. */
export function useCodec(c: Codec): void {
  codec = c;
}

/** The content of an entry; inflation stops one byte past the declared size, so a lying header cannot blow up. */
export function entryContent(entry: StoredEntry): Uint8Array {
  if (entry.method === 0) {
    if (entry.raw.length !== entry.size) throw new ContainerError(DAMAGED, DAMAGED_EN);
    return entry.raw;
  }
  let out: Uint8Array;
  try {
    out = codec.inflate(entry.raw, entry.size + 1);
  } catch {
    throw new ContainerError(DAMAGED, DAMAGED_EN);
  }
  if (out.length !== entry.size) throw new ContainerError(DAMAGED, DAMAGED_EN);
  return out;
}

/**
 * Level 3 deflates a 1,000-row expert sheet about twice as fast as the default level 6, for ~8% more bytes; the
 * sheets are large and repetitive, so writing time matters more than the last few percent.
 */
export const DEFAULT_LEVEL = 3;

/** An archive of the given entries, in order: stored entries copied as they are, new content deflated. */
export async function writeContainer(entries: Iterable<EntryToWrite>, level = DEFAULT_LEVEL): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { level, keepOrder: true, extendedTimestamp: false });
  // A fixed time stamp (the DOS epoch) makes a package's bytes depend on its content only.
  const lastModDate = new Date(1980, 0, 1);
  let deflated: { raw: Uint8Array; crc32: number } | null;
  for (const e of entries) {
    if (isStored(e)) {
      await writer.add(e.name, new Uint8ArrayReader(e.raw), {
        passThrough: true,
        compressionMethod: e.method,
        uncompressedSize: e.size,
        crc32: e.crc32,
        lastModDate,
        dataDescriptor: false,
      });
    } else if (e.content.length > 0 && (deflated = codec.deflate(e.content, level))) {
      await writer.add(e.name, new Uint8ArrayReader(deflated.raw), {
        passThrough: true,
        compressionMethod: 8,
        uncompressedSize: e.content.length,
        crc32: deflated.crc32,
        lastModDate,
        dataDescriptor: false,
      });
    } else {
      await writer.add(e.name, new Uint8ArrayReader(e.content), {
        level: e.content.length === 0 ? 0 : level,
        lastModDate,
        dataDescriptor: false,
      });
    }
  }
  return writer.close();
}
