import { parentPort } from 'node:worker_threads';
import { parseSheetJob, type SheetJob } from '../hosts/xlsx/package/xlsxPackage';
import type { CellContext, WorksheetRead } from '../hosts/xlsx/package/worksheetReader';
import { XmlError } from '../hosts/xlsx/package/xml';

// The second thread of parallelSheets.ts: parses the sheets it is sent and posts back what it read. The cells go
// back as JSON text, which crosses threads several times faster than the structured clone of hundreds of
// thousands of small values; a sheet holding a number JSON cannot carry (Infinity, -0) goes back as it is.

export type WorkerReply =
  { error?: undefined; reads: (WorksheetRead | string)[] } | { error: string; errorEn?: string; xml: boolean };

function jsonSafe(read: WorksheetRead): boolean {
  for (const row of read.data.values)
    for (const v of row) if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return false;
  return true;
}

export function fromWorker(reply: { reads: (WorksheetRead | string)[] }): WorksheetRead[] {
  return reply.reads.map((r) => (typeof r === 'string' ? (JSON.parse(r) as WorksheetRead) : r));
}

parentPort?.once('message', ({ jobs, cells }: { jobs: SheetJob[]; cells: CellContext }) => {
  try {
    const reads = jobs.map((j) => parseSheetJob(j, cells));
    parentPort!.postMessage({ reads: reads.map((r) => (jsonSafe(r) ? JSON.stringify(r) : r)) });
  } catch (e) {
    parentPort!.postMessage({
      error: (e as Error).message,
      errorEn: e instanceof XmlError ? e.messageEn : undefined,
      xml: e instanceof XmlError,
    });
  }
});
