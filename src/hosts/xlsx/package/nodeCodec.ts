import * as zlib from 'node:zlib';
import type { Codec } from './container';

// Node's own zlib for the CLI: native inflate and deflate, several times faster than a JavaScript codec on the
// tens of megabytes of a large workbook. Node 20.15 and later have zlib.crc32; on older ones zip.js deflates.

const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeCodec: Codec = {
  inflate: (raw, limit) => zlib.inflateRawSync(raw, { maxOutputLength: limit }),
  deflate: (content, level) => (crc32 ? { raw: zlib.deflateRawSync(content, { level }), crc32: crc32(content) } : null),
};
