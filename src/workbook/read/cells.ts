import type { ReadValue, SheetData } from '../model';
import { a1 } from '../address';

/** Reading helpers over SheetData (0-based arrays; rows and columns here are 1-based like A1). */
export function valueAt(sheet: SheetData, row: number, column: number): ReadValue {
  return sheet.values[row - 1]?.[column - 1] ?? null;
}

export function formulaAt(sheet: SheetData, row: number, column: number): string | null {
  return sheet.formulas[row - 1]?.[column - 1] ?? null;
}

/** Text of a register cell: numbers become their digits (a clerk may type case id 1001 as a number). */
export function textAt(sheet: SheetData, row: number, column: number): string {
  const v = valueAt(sheet, row, column);
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

export function cellName(sheet: SheetData, row: number, column: number): string {
  return `${sheet.name}!${a1(row, column)}`;
}

/** The first row (within `limit`) whose cells include every given header; returns its column map. */
export function findHeader(
  sheet: SheetData,
  headers: readonly string[],
  limit = 20,
): { row: number; columns: Map<string, number> } | null {
  for (let r = 1; r <= Math.min(limit, sheet.values.length); r++) {
    const columns = new Map<string, number>();
    const row = sheet.values[r - 1] ?? [];
    row.forEach((v, i) => {
      if (typeof v === 'string' && !columns.has(v.trim())) columns.set(v.trim(), i + 1);
    });
    if (headers.every((h) => columns.has(h))) return { row: r, columns };
  }
  return null;
}
