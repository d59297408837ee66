import { parseA1 } from './address';
import type { CellUpdate, SheetData, SheetSpec, WorkbookData } from './model';

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

/**
 * The workbook as a host will read it once `updates` are written: a command that takes several files in turn (collect)
 * compares each with what the ones before it filled in, and a log row fingerprints the inputs after the change.
 */
export function applyUpdates(data: WorkbookData, updates: CellUpdate[]): WorkbookData {
  if (updates.length === 0) return data;
  const sheets = data.sheets.map((s) => ({ ...s, values: s.values.map((row) => [...row]) }));
  for (const u of updates) {
    const s = sheets.find((x) => x.name === u.sheet)!;
    const { row, column } = parseA1(u.address);
    while (s.values.length < row) s.values.push([]);
    s.values[row - 1][column - 1] = u.value;
  }
  return { sheets };
}
