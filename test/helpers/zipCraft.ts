import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

// Archives made by hand for the tests, with writers other than the package layer's own: fflate (stored or
// deflated entries, any order) and zip.js's options for data descriptors and zip64.

export type Parts = Record<string, Uint8Array>;

/** Every entry of an archive, uncompressed, in archive order. */
export function partsOf(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

export function text(parts: Parts, name: string): string {
  return Buffer.from(parts[name]).toString('utf8');
}

export function withText(parts: Parts, name: string, content: string): Parts {
  return { ...parts, [name]: strToU8(content) };
}

/** An archive with fflate: deflated (level 6) or stored (level 0), entries in the order given. */
export function zipParts(parts: Parts, level: 0 | 6 = 6, order?: string[]): Buffer {
  const names = order ?? Object.keys(parts);
  const z: Zippable = {};
  for (const n of names) z[n] = [parts[n], { level }];
  return Buffer.from(zipSync(z));
}

/** An archive with zip.js, with data descriptors after each entry and/or zip64 records. */
export async function zipWithOptions(
  parts: Parts,
  options: { dataDescriptor?: boolean; zip64?: boolean },
): Promise<Buffer> {
  const w = new ZipWriter(new Uint8ArrayWriter(), { ...options, level: 6 });
  for (const [name, data] of Object.entries(parts)) await w.add(name, new Uint8ArrayReader(data), options);
  return Buffer.from(await w.close());
}

/** The archive with the uncompressed size its central directory declares for one entry changed. */
export function withDeclaredSize(bytes: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  const key = Buffer.from(name, 'utf8');
  for (let i = out.length - 46; i >= 0; i--) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(i + 28);
    if (nameLength === key.length && out.subarray(i + 46, i + 46 + nameLength).equals(key)) {
      out.writeUInt32LE(size, i + 24);
      const local = out.readUInt32LE(i + 42);
      out.writeUInt32LE(size, local + 22);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}
