/* global Excel */
import { parseA1 } from '../../workbook/address';
import type { ReadValue, SheetData, WorkbookData } from '../../workbook/model';

/** The top-left cell of an address such as "'汇总'!B2:D9". */
function origin(address: string): { row: number; column: number } {
  const local = address.slice(address.lastIndexOf('!') + 1);
  return parseA1(local.split(':')[0]);
}

/**
 * Values and formulas of the named sheets (all sheets when no names are given), from A1, in two syncs whatever the
 * number of sheets: one for the sheet list, one for every used range at once.
 */
export async function readSheets(context: Excel.RequestContext, names?: string[]): Promise<WorkbookData> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const chosen = names ? sheets.items.filter((ws) => names.includes(ws.name)) : sheets.items;
  const used = chosen.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(false);
    range.load('isNullObject,address,values,formulas,valueTypes');
    return { name: ws.name, range };
  });
  await context.sync();
  return {
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
  };
}
