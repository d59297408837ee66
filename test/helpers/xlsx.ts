import { readFileSync } from 'node:fs';
import { useCodec } from '../../src/hosts/xlsx/package/container';
import { nodeCodec } from '../../src/hosts/xlsx/package/nodeCodec';
import { XlsxPackage } from '../../src/hosts/xlsx/package/xlsxPackage';
import { specToBytes } from '../../src/hosts/xlsx/writeWorkbook';
import type { WorkbookData, WorkbookSpec } from '../../src/workbook/model';

useCodec(nodeCodec);

/** Every sheet of a workbook file (or its bytes) as the package layer reads it, protection and validation included. */
export async function readBook(file: string | Uint8Array, meta = true): Promise<WorkbookData> {
  const bytes = typeof file === 'string' ? new Uint8Array(readFileSync(file)) : file;
  return (await XlsxPackage.open(bytes)).readSheets({ meta });
}

/** A workbook description written as .xlsx bytes, as the CLI writes it. */
export async function bytesOfSpec(spec: WorkbookSpec): Promise<Buffer> {
  return Buffer.from(await specToBytes(spec));
}
