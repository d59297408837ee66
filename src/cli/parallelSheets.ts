import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseSheetJob, type SheetJob, type SheetParser } from '../hosts/xlsx/package/xlsxPackage';
import type { CellContext, WorksheetRead } from '../hosts/xlsx/package/worksheetReader';
import { XmlError } from '../hosts/xlsx/package/xml';
import { fromWorker, type WorkerReply } from './sheetWorker';

// A large workbook's sheets parsed on two threads: the XML parser reads tens of megabytes of expert sheets, the
// bulk of a command's time, and a secretariat's machine has more than one core. The sheets are shared out by
// size between this thread and one worker, which gets its parts' bytes (moved, not copied) and sends back what
// it read; small workbooks are parsed here alone (a worker costs ~100 ms).

const WORKER = join(__dirname, 'sheetWorker.js');
/** Below this much sheet XML, one thread is quicker than starting a worker (CEEAS_PARALLEL_FROM, for tests). */
const PARALLEL_FROM = Number(process.env.CEEAS_PARALLEL_FROM ?? 4 * 1024 * 1024);

function parseHere(jobs: SheetJob[], cells: CellContext): WorksheetRead[] {
  return jobs.map((j) => parseSheetJob(j, cells));
}

function parseInWorker(jobs: SheetJob[], cells: CellContext): Promise<WorksheetRead[]> {
  // Each part gets a buffer of its own, so that it can be moved to the worker.
  const own = jobs.map((j) => ({ ...j, bytes: new Uint8Array(j.bytes) }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (m: WorkerReply) => {
      void worker.terminate();
      if (m.error === undefined) resolve(fromWorker(m));
      else reject(m.xml ? new XmlError(m.error, m.errorEn) : new Error(m.error));
    });
    worker.once('error', (e) => reject(e));
    worker.postMessage(
      { jobs: own, cells },
      own.map((j) => j.bytes.buffer as ArrayBuffer),
    );
  });
}

export const parallelSheets: SheetParser = async (jobs, cells) => {
  const total = jobs.reduce((a, j) => a + j.bytes.length, 0);
  // Compiled (dist/) the worker script is beside this one; run from the TypeScript sources it is not.
  if (total < PARALLEL_FROM || !existsSync(WORKER)) return parseHere(jobs, cells);
  const lanes: [number[], number[]] = [[], []];
  const load = [0, 0];
  jobs
    .map((j, i) => ({ i, size: j.bytes.length }))
    .sort((a, b) => b.size - a.size)
    .forEach(({ i, size }) => {
      const lane = load[0] <= load[1] ? 0 : 1;
      lanes[lane].push(i);
      load[lane] += size;
    });
  const away = parseInWorker(
    lanes[1].map((i) => jobs[i]),
    cells,
  );
  // This thread's share is parsed while the worker parses its own; a failure here waits for the worker to end.
  let here: WorksheetRead[];
  try {
    here = parseHere(
      lanes[0].map((i) => jobs[i]),
      cells,
    );
  } catch (e) {
    await away.catch(() => undefined);
    throw e;
  }
  const there = await away;
  const out: WorksheetRead[] = new Array(jobs.length);
  lanes[0].forEach((i, k) => (out[i] = here[k]));
  lanes[1].forEach((i, k) => (out[i] = there[k]));
  return out;
};
