/* global Excel */
import { parseA1 } from '../../workbook/address';
import type { ReadValue, SheetData, WorkbookData } from '../../workbook/model';
import { shiftFormula } from '../../workbook/formula/shift';
import type { ExistingSheets } from './applySheets';

/** The top-left cell of an address such as "'汇总'!B2:D9". */
function origin(address: string): { row: number; column: number } {
  const local = address.slice(address.lastIndexOf('!') + 1);
  return parseA1(local.split(':')[0]);
}

export interface OpenWorkbook {
  data: WorkbookData;
  /** Every sheet of the workbook with its protection and charts, for the write batch that follows. */
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

/**
 * Values and formulas of the named sheets (all sheets when no names are given), from A1, in three syncs whatever
 * the number of sheets: the sheet list with each sheet's protection; every used range's values with the areas
 * that hold formulas (and the charts); the formulas of the first row of each such area.
 *
 * Formulas are not loaded cell by cell: an expert sheet's thousand rows repeat one row of formulas, and loading
 * each would make the response of a thousand cases tens of megabytes, far over Excel on the web's 5 MB. Each formula
 * area is read by its first row and filled down as Excel fills a formula down, so a constant typed over a formula
 * or a formula typed into a score cell is seen exactly; a formula replaced by a different formula inside an area
 * is for `ceeas audit` on the saved file, which compares every formula.
 */
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

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<OpenWorkbook> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await context.sync();
  const all = sheets.items.map((ws) => {
    ws.charts.load('items/name');
    return ws;
  });
  const chosen = options.only ? all.filter((ws) => options.only!(ws.name)) : all;
  const used = chosen.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(false);
    range.load('isNullObject,address,values');
    const how = options.formulas?.(ws.name) ?? 'whole';
    const formulas = how === 'none' ? null : range.getSpecialCellsOrNullObject('Formulas');
    formulas?.load('isNullObject,address');
    return { ws, name: ws.name, range, formulas, filled: how === 'filled' };
  });
  await context.sync();
  const firstRows = used.map(({ ws, range, formulas, filled }) => {
    if (range.isNullObject || !formulas || formulas.isNullObject) return [];
    // A sheet whose formulas differ row by row (absolute references per case, as 复核's) is read whole.
    const areas = filled ? areasOf(formulas.address) : [range.address.slice(range.address.lastIndexOf('!') + 1)];
    return areas.map((area) => {
      const part = filled ? ws.getRange(area).getRow(0) : ws.getRange(area);
      part.load('formulas');
      return { area, part, filled };
    });
  });
  await context.sync();
  const existing: ExistingSheets = new Map(
    all.map((ws) => [ws.name, { protected: ws.protection.protected, charts: ws.charts.items }]),
  );
  return {
    existing,
    data: {
      sheets: used.map(({ name, range }, k): SheetData => {
        if (range.isNullObject) return { name, values: [], formulas: [] };
        const at = origin(range.address);
        const pad = <T>(row: T[]): (T | null)[] => [...Array.from({ length: at.column - 1 }, () => null), ...row];
        const values: ReadValue[][] = Array.from({ length: at.row - 1 }, () => []);
        for (const row of range.values)
          values.push(
            pad(
              row.map((v): ReadValue => {
                if (typeof v === 'string' && ERROR_TEXT.test(v)) return { error: v };
                return v === '' ? null : (v as ReadValue);
              }),
            ),
          );
        const formulas: (string | null)[][] = values.map((row) => row.map(() => null));
        for (const { area, part, filled } of firstRows[k]) {
          const [from, to = from] = area.replace(/\$/g, '').split(':');
          const a = parseA1(from);
          const b = parseA1(to);
          const put = (r: number, c: number, f: unknown, shift: number): void => {
            if (typeof f !== 'string' || !f.startsWith('=')) return;
            while (formulas.length < r) formulas.push([]);
            formulas[r - 1][c - 1] = shiftFormula(f.slice(1), shift, 0);
          };
          if (filled)
            part.formulas[0].forEach((f, i) => {
              for (let r = a.row; r <= b.row; r++) put(r, a.column + i, f, r - a.row);
            });
          else part.formulas.forEach((row, i) => row.forEach((f, j) => put(a.row + i, a.column + j, f, 0)));
        }
        return { name, values, formulas };
      }),
    },
  };
}

/** Values and formulas of the named sheets (all when no names are given): three syncs. */
export async function readSheets(context: Excel.RequestContext, names?: string[]): Promise<WorkbookData> {
  return (await readWorkbook(context, names ? { only: (n) => names.includes(n) } : {})).data;
}
