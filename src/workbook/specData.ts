import type { SheetData, SheetSpec, WorkbookData } from './model';

/** What a host would read back from freshly written sheets: values (cached results for formulas) and formulas. */
export function sheetSpecData(spec: SheetSpec): SheetData {
  return {
    name: spec.name,
    values: spec.rows.map((row) =>
      row.map((c) => {
        if (!c) return null;
        if (c.formula !== undefined) return c.result ?? null;
        return c.value ?? null;
      }),
    ),
    formulas: spec.rows.map((row) => row.map((c) => (c && c.formula !== undefined ? c.formula : null))),
  };
}

export function workbookSpecData(sheets: SheetSpec[]): WorkbookData {
  return { sheets: sheets.map(sheetSpecData) };
}
