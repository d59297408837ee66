import { parentPort } from 'node:worker_threads';
import type { SheetJob } from '../hosts/xlsx/package/xlsxPackage';
import { readWorksheet, type CellContext } from '../hosts/xlsx/package/worksheetReader';
import { XmlError } from '../hosts/xlsx/package/xml';

// The second thread of parallelSheets.ts: parses the sheets it is sent and posts their contents back.
parentPort?.once('message', ({ jobs, cells }: { jobs: SheetJob[]; cells: CellContext }) => {
  try {
    parentPort!.postMessage({ reads: jobs.map((j) => readWorksheet(j.name, j.text, j.part, cells, j.meta)) });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).message, xml: e instanceof XmlError });
  }
});
