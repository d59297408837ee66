import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { a1, cellsOf } from '../../src/workbook/address';
import type { ReadValue, SheetData, SheetMeta, WorkbookData } from '../../src/workbook/model';

// ExcelJS as an independent reader of the files the package layer writes: its cell model, turned into the same
// host-neutral shapes, is the reference the package reader is compared with.

export async function loadXlsx(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** One cell as the host-neutral shapes: formulas with their cached results, rich text as text, dates as ISO. */
function readCell(cell: ExcelJS.Cell): { value: ReadValue; formula: string | null } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, formula: null };
  if (v instanceof Date) return { value: isoDate(v), formula: null };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = cell.formula ?? (typeof o.formula === 'string' ? o.formula : null);
    // ExcelJS leaves a cached 0 out of the value object; the cell's own `result` still has it.
    const r = (cell.result ?? o.result) as unknown;
    let value: ReadValue = null;
    if (typeof r === 'number' || typeof r === 'string' || typeof r === 'boolean') value = r;
    else if (r instanceof Date) value = isoDate(r);
    else if (r && typeof r === 'object' && 'error' in (r as object))
      value = { error: String((r as { error: unknown }).error) };
    return { value, formula: formula ? formula.replace(/^=/, '') : null };
  }
  if ('error' in o) return { value: { error: String(o.error) }, formula: null };
  if (Array.isArray(o.richText))
    return { value: (o.richText as { text: string }[]).map((t) => t.text).join(''), formula: null };
  if ('text' in o) return { value: String(o.text), formula: null };
  return { value: String(v), formula: null };
}

function sheetMeta(ws: ExcelJS.Worksheet): SheetMeta {
  const validations: SheetMeta['validations'] = {};
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
    .dataValidations.model;
  for (const [ref, dv] of Object.entries(model)) {
    if (!dv || (dv.type as string) === 'any') continue;
    const [min, max] = (dv.formulae ?? []).map((f) => (typeof f === 'number' ? f : Number(f)));
    const rule = {
      type: dv.type as SheetMeta['validations'][string]['type'],
      ...(Number.isFinite(min) ? { min } : {}),
      ...(Number.isFinite(max) ? { max } : {}),
    };
    for (const { row, column } of cellsOf(ref)) validations[a1(row, column)] = rule;
  }
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return { protected: protection?.sheet === true, validations };
}

export function sheetData(ws: ExcelJS.Worksheet, withMeta = false): SheetData {
  const values: ReadValue[][] = [];
  const formulas: (string | null)[][] = [];
  const rows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const columns = ws.columnCount;
  for (let r = 1; r <= rows; r++) {
    const vRow: ReadValue[] = [];
    const fRow: (string | null)[] = [];
    const row = ws.getRow(r);
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      // The slave cells of a merge echo the master's value in ExcelJS; a spreadsheet shows them empty.
      if (cell.isMerged && cell.master !== cell) {
        vRow.push(null);
        fRow.push(null);
        continue;
      }
      const { value, formula } = readCell(cell);
      vRow.push(value);
      fRow.push(formula);
    }
    values.push(vRow);
    formulas.push(fRow);
  }
  return { name: ws.name, values, formulas, ...(withMeta ? { meta: sheetMeta(ws) } : {}) };
}

/** Values and formulas of every sheet; with `withMeta`, also protection and data validation for the audit. */
export function workbookData(wb: ExcelJS.Workbook, withMeta = false): WorkbookData {
  return { sheets: wb.worksheets.map((ws) => sheetData(ws, withMeta)) };
}

/**
 * A workbook opened with ExcelJS to be changed by hand in a test, as another program would change it. ExcelJS
 * cannot save a sheet whose shared formula lost its master cell, so every formula gets its own text first.
 */
export async function excelJsBook(source: string | Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await loadXlsx(typeof source === 'string' ? readFileSync(source) : source);
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown as Record<string, unknown> | null;
        if (v && typeof v === 'object' && ('sharedFormula' in v || v.shareType === 'shared'))
          cell.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
      }),
    );
  return wb;
}
