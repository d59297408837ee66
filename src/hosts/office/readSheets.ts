/* global Excel */
import { parseA1 } from '../../workbook/address';
import type { ReadValue, SheetData, WorkbookData } from '../../workbook/model';
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

/**
 * Values and formulas of the named sheets (all sheets when no names are given), from A1, in two syncs whatever the
 * number of sheets: one for the sheet list with each sheet's protection, one for every used range (and the
 * charts) at once.
 */
export async function readWorkbook(context: Excel.RequestContext, names?: string[]): Promise<OpenWorkbook> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await context.sync();
  const all = sheets.items.map((ws) => {
    ws.charts.load('items/name');
    return ws;
  });
  const chosen = names ? all.filter((ws) => names.includes(ws.name)) : all;
  const used = chosen.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(false);
    range.load('isNullObject,address,values,formulas,valueTypes');
    return { name: ws.name, range };
  });
  await context.sync();
  const existing: ExistingSheets = new Map(
    all.map((ws) => [ws.name, { protected: ws.protection.protected, charts: ws.charts.items }]),
  );
  return {
    existing,
    data: {
      sheets: used.map(({ name, range }): SheetData => {
        if (range.isNullObject) return { name, values: [], formulas: [] };
        const at = origin(range.address);
        const values: ReadValue[][] = [];
        const formulas: (string | null)[][] = [];
        for (let r = 1; r < at.row; r++) {
          values.push([]);
          formulas.push([]);
        }
        range.values.forEach((row, i) => {
          const pad = Array.from({ length: at.column - 1 }, () => null);
          values.push([
            ...pad,
            ...row.map((v, k): ReadValue => {
              if (range.valueTypes[i][k] === 'Error') return { error: String(v) };
              return v === '' ? null : (v as ReadValue);
            }),
          ]);
          formulas.push([
            ...pad,
            ...range.formulas[i].map((f) => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null)),
          ]);
        });
        return { name, values, formulas };
      }),
    },
  };
}

/** Values and formulas of the named sheets (all when no names are given): two syncs. */
export async function readSheets(context: Excel.RequestContext, names?: string[]): Promise<WorkbookData> {
  return (await readWorkbook(context, names)).data;
}
