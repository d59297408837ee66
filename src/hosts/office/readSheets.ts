/* global Excel */
import { a1, parseA1 } from '../../workbook/address';
import type { ReadValue, SheetData, WorkbookData } from '../../workbook/model';
import { shiftFormula } from '../../workbook/formula/shift';
import type { ExistingSheets } from './applySheets';
import { BATCH_BUDGET, jsonBytes, packSteps, rowRuns } from './batches';
import { excelFailure, ExcelRefusedError } from './failure';
import { repairLeftovers } from './staging';

/** The top-left and bottom-right cells of an address such as "'汇总'!B2:D9". */
function corners(address: string): { r1: number; c1: number; r2: number; c2: number } {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to = from] = local.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return { r1: a.row, c1: a.column, r2: b.row, c2: b.column };
}

export interface OpenWorkbook {
  data: WorkbookData;
  /** Every sheet of the workbook with its protection, in order, for the write batch that follows. */
  existing: ExistingSheets;
}

/** Error values as Excel shows them; values arrive as text, so an error is known by its text. */
const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** The areas of a RangeAreas address ("'初评-E01'!R6:W9,'初评-E01'!B2"), without their sheet. */
export function areasOf(address: string): string[] {
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((a) => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, ''))
    .filter((a) => a !== '');
}

export interface ReadOptions {
  /** The sheets to read; every sheet when not given. */
  only?: (name: string) => boolean;
  /**
   * How a sheet's formulas are read: `whole`, cell by cell (the default); `filled`, by the first row of each formula
   * area, for sheets whose formulas repeat one row down (the expert sheets); `none`, not at all (sheets whose values
   * are all a command looks at).
   */
  formulas?: (name: string) => 'whole' | 'filled' | 'none';
}

/** Rows of a sheet's used range sampled to estimate the size of reading it whole. */
const SAMPLE_ROWS = 8;

/** How much larger than its sample a sheet's rows are taken to be: case names vary in length. */
const SAMPLE_MARGIN = 1.25;

/** Loads queued together, with the estimated size of their response; `queue` returns what keeps the result. */
interface Load {
  bytes: number;
  queue: () => () => void;
}

interface SheetRead {
  name: string;
  ws: Excel.Worksheet;
  how: 'whole' | 'filled' | 'none';
  used: Excel.Range;
  formulaAreas: Excel.RangeAreas | null;
  box?: { r1: number; c1: number; r2: number; c2: number };
  samples: Excel.Range[];
  values: unknown[][];
  formulas: unknown[][];
  /** The first row of each formula area (`filled` sheets). */
  firstRows: { area: string; part: Excel.Range }[];
}

/**
 * Values and formulas of the named sheets (all sheets when no names are given). Four syncs for any ordinary
 * panel: the sheet list (with leftovers of an interrupted write put right first); every used range with the
 * areas that hold formulas; a sample of rows of each sheet, which tells how large reading it is; the cells, in as
 * many batches as Excel on the web's 5 MB response limit needs — one for a panel of ordinary size.
 *
 * Formulas of expert sheets are not loaded cell by cell: their thousand rows repeat one row of formulas. Each
 * formula area is read by its first row and filled down as Excel fills a formula down, so a constant typed over a
 * formula or a formula typed into a score cell is seen exactly; a formula replaced by a different formula inside an
 * area is for `ceeas audit` on the saved file, which compares every formula.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<OpenWorkbook> {
  try {
    return await readAll(context, options);
  } catch (e) {
    throw new ExcelRefusedError(excelFailure(e), '读取工作簿时出错，工作簿未作任何改动：请再试一次。');
  }
}

async function readAll(context: Excel.RequestContext, options: ReadOptions): Promise<OpenWorkbook> {
  let sheets = await listSheets(context);
  if (
    await repairLeftovers(
      context,
      sheets.items.map((ws) => ws.name),
    )
  )
    sheets = await listSheets(context);
  const all = sheets.items;
  const chosen = options.only ? all.filter((ws) => options.only!(ws.name)) : all;
  const reads: SheetRead[] = chosen.map((ws) => {
    const how = options.formulas?.(ws.name) ?? 'whole';
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('isNullObject,address');
    const formulaAreas = how === 'none' ? null : used.getSpecialCellsOrNullObject('Formulas');
    formulaAreas?.load('isNullObject,address');
    return { name: ws.name, ws, how, used, formulaAreas, samples: [], values: [], formulas: [], firstRows: [] };
  });
  await context.sync();
  for (const r of reads) {
    if (r.used.isNullObject) continue;
    r.box = corners(r.used.address);
    const rows = r.box.r2 - r.box.r1 + 1;
    const picks = new Set(
      Array.from({ length: Math.min(rows, SAMPLE_ROWS) }, (_x, i) => Math.floor((i * rows) / SAMPLE_ROWS)),
    );
    r.samples = [...picks].map((i) => {
      const row = r.used.getRow(i);
      row.load(r.how === 'whole' && hasFormulas(r) ? 'values,formulas' : 'values');
      return row;
    });
  }
  await context.sync();
  await runLoads(
    context,
    reads.flatMap((r) => cellLoads(r)),
  );
  const existing: ExistingSheets = new Map(all.map((ws) => [ws.name, { protected: ws.protection.protected }]));
  return { existing, data: { sheets: reads.map(sheetData) } };
}

async function listSheets(context: Excel.RequestContext): Promise<Excel.WorksheetCollection> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await context.sync();
  return sheets;
}

const hasFormulas = (r: SheetRead): boolean => r.formulaAreas !== null && !r.formulaAreas.isNullObject;

/** The loads that read a sheet's cells, in runs of rows sized by its sample. */
function cellLoads(r: SheetRead): Load[] {
  if (!r.box) return [];
  const box = r.box;
  const whole = r.how === 'whole' && hasFormulas(r);
  const sampled = r.samples.map((s) => jsonBytes(s.values) + (whole ? jsonBytes(s.formulas) : 0));
  const perRow = Math.ceil((sampled.reduce((a, b) => a + b, 0) / Math.max(1, sampled.length)) * SAMPLE_MARGIN) + 8;
  const rows = box.r2 - box.r1 + 1;
  const loads: Load[] = rowRuns(Array.from({ length: rows }, () => perRow)).map((run) => {
    const at = `${a1(box.r1 + run.from, box.c1)}:${a1(box.r1 + run.to, box.c2)}`;
    return {
      bytes: run.bytes,
      queue: () => {
        const part = r.ws.getRange(at);
        part.load(whole ? 'values,formulas' : 'values');
        return () => {
          r.values.push(...part.values);
          if (whole) r.formulas.push(...part.formulas);
        };
      },
    };
  });
  if (r.how === 'filled' && hasFormulas(r))
    loads.push({
      bytes: 2_000,
      queue: () => {
        r.firstRows = areasOf(r.formulaAreas!.address).map((area) => {
          const part = r.ws.getRange(area).getRow(0);
          part.load('formulas');
          return { area, part };
        });
        return () => undefined;
      },
    });
  return loads;
}

/**
 * Runs the loads in batches whose responses stay under the limit by the samples' estimate. Should Excel still
 * refuse a response as too large, that batch is read again in two halves: more syncs, never a failed command.
 */
async function runLoads(context: Excel.RequestContext, loads: Load[]): Promise<void> {
  // Results are kept in the order of the loads, so a sheet's rows arrive in order even when a batch is read again.
  const pending: Load[][] = packSteps(loads, BATCH_BUDGET);
  while (pending.length > 0) {
    const batch = pending.shift()!;
    const commits = batch.map((s) => s.queue());
    try {
      await context.sync();
    } catch (e) {
      if (excelFailure(e).code !== 'ResponsePayloadSizeLimitExceeded' || batch.length < 2) throw e;
      const half = Math.ceil(batch.length / 2);
      pending.unshift(batch.slice(0, half), batch.slice(half));
      continue;
    }
    for (const commit of commits) commit();
  }
}

/** What a sheet holds, from A1: values (errors as such) and formulas, filled down where read by first rows. */
function sheetData(r: SheetRead): SheetData {
  if (!r.box) return { name: r.name, values: [], formulas: [] };
  const box = r.box;
  const pad = <T>(row: T[]): (T | null)[] => [...Array.from({ length: box.c1 - 1 }, () => null), ...row];
  const values: ReadValue[][] = Array.from({ length: box.r1 - 1 }, () => []);
  for (const row of r.values)
    values.push(
      pad(
        row.map((v): ReadValue => {
          if (typeof v === 'string' && ERROR_TEXT.test(v)) return { error: v };
          return v === '' ? null : (v as ReadValue);
        }),
      ),
    );
  const formulas: (string | null)[][] = values.map((row) => row.map(() => null));
  const put = (row: number, column: number, f: unknown, shift: number): void => {
    if (typeof f !== 'string' || !f.startsWith('=')) return;
    while (formulas.length < row) formulas.push([]);
    formulas[row - 1][column - 1] = shiftFormula(f.slice(1), shift, 0);
  };
  r.formulas.forEach((row, i) => row.forEach((f, j) => put(box.r1 + i, box.c1 + j, f, 0)));
  for (const { area, part } of r.firstRows) {
    const a = corners(area);
    part.formulas[0].forEach((f, i) => {
      for (let row = a.r1; row <= a.r2; row++) put(row, a.c1 + i, f, row - a.r1);
    });
  }
  return { name: r.name, values, formulas };
}

/** Values and formulas of the named sheets (all when no names are given). */
export async function readSheets(context: Excel.RequestContext, names?: string[]): Promise<WorkbookData> {
  return (await readWorkbook(context, names ? { only: (n) => names.includes(n) } : {})).data;
}
