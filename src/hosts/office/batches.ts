/* global Excel */

// Excel on the web refuses a request or a response larger than 5 MB (“Resource limits and performance
// optimization for Office Add-ins”; RequestPayloadSizeLimitExceeded). A command's writes are queued as steps, each
// with an estimate of what it adds to the request, and packed in order into as few batches as that limit allows:
// one sync for a small panel, and one more only per 5 MB of payload for a large one.

/** The limit, in UTF-8 bytes of the JSON Excel receives or sends. */
export const PAYLOAD_LIMIT = 5_000_000;

/**
 * What one batch may carry by our estimate. The estimate counts every value, format and address of a call plus an
 * envelope per call; the margin covers what Excel's own request format adds beyond that.
 */
export const BATCH_BUDGET = 4_500_000;

/** The largest single grid a step writes, so that a sheet's cells are cut into rows that pack well. */
export const GRID_STEP_BYTES = 400_000;

/** What Excel's request adds per call beyond its arguments: the action, the object path, ids (about 100 bytes). */
export const CALL_BYTES = 100;

const utf8 = new TextEncoder();

/** The size of a value in a request or response, in UTF-8 bytes of its JSON. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value ?? null);
  // Most of what we send is ASCII; counting only when there is more than ASCII keeps this cheap on big grids.
  return /^[\x00-\x7f]*$/.test(text) ? text.length : utf8.encode(text).length;
}

/** One or a few API calls, queued together, with their estimated request size. */
export interface Step {
  bytes: number;
  queue: () => void;
}

/** A step of `calls` calls whose arguments are `payload`. */
export function step(payload: unknown, queue: () => void, calls = 1): Step {
  return { bytes: jsonBytes(payload) + calls * CALL_BYTES, queue };
}

/** The steps in order, cut into batches that each stay within the budget (a step is never split). */
export function packSteps<T extends { bytes: number }>(steps: T[], budget = BATCH_BUDGET): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.bytes > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Queues each batch and syncs it: one sync per batch, never one per step. */
export async function runBatches(context: Excel.RequestContext, batches: Step[][]): Promise<void> {
  for (const batch of batches) {
    for (const s of batch) s.queue();
    await context.sync();
  }
}

/** Rows of a grid cut into runs of at most `limit` bytes each (a row larger than the limit is a run of its own). */
export function rowRuns(rowBytes: number[], limit = GRID_STEP_BYTES): { from: number; to: number; bytes: number }[] {
  const out: { from: number; to: number; bytes: number }[] = [];
  let from = 0;
  let bytes = 0;
  rowBytes.forEach((b, i) => {
    if (i > from && bytes + b > limit) {
      out.push({ from, to: i - 1, bytes });
      from = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (rowBytes.length > from) out.push({ from, to: rowBytes.length - 1, bytes });
  return out;
}
