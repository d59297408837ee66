/* global Excel */
import { a1, columnLetter, looksLikeFormula } from '../../workbook/address';
import type { CellSpec, SheetSpec, StyleSpec, ValidationSpec } from '../../workbook/model';

// The Office.js host: the same sheet descriptions as the .xlsx host, written through Excel's API. Every command
// reads in one batch and writes in one batch: two context.sync() calls whatever the number of sheets or cells.

/** Office measures column widths in points; one character of the default font is taken as 6 points. */
export const POINTS_PER_CHARACTER = 6;

function fillFor(style: StyleSpec | undefined): string | null {
  return style?.fill ? `#${style.fill}` : null;
}

/** What goes into range.formulas for a cell: a formula, a number, or text Excel will keep as text. */
function formulaCell(c: CellSpec | null): string | number | boolean {
  if (!c) return '';
  if (c.formula !== undefined) return `=${c.formula}`;
  if (c.value === null || c.value === undefined) return '';
  return c.value;
}

function numberFormatCell(c: CellSpec | null, styles: Record<string, StyleSpec>): string {
  if (c && typeof c.value === 'string' && looksLikeFormula(c.value)) return '@';
  const style = c?.style ? styles[c.style] : undefined;
  return style?.numberFormat ?? 'General';
}

function validationRule(rule: ValidationSpec): Excel.DataValidationRule {
  switch (rule.type) {
    case 'whole':
      return { wholeNumber: { formula1: rule.min ?? 0, formula2: rule.max ?? 0, operator: 'Between' } };
    case 'decimal':
      return { decimal: { formula1: rule.min ?? 0, formula2: rule.max ?? 0, operator: 'Between' } };
    case 'list':
      return { list: { inCellDropDown: true, source: (rule.list ?? []).join(',') } };
    case 'custom':
      return { custom: { formula: `=${rule.formula ?? 'TRUE'}` } };
  }
}

/** Runs of equal keys along each row, as A1 ranges: one API call per run instead of one per cell. */
function runs<K>(spec: SheetSpec, keyOf: (c: CellSpec | null) => K | null): { key: K; ref: string }[] {
  const out: { key: K; ref: string }[] = [];
  spec.rows.forEach((row, r) => {
    let start = -1;
    let current: K | null = null;
    const flush = (end: number): void => {
      if (current !== null)
        out.push({
          key: current,
          ref: start === end ? a1(r + 1, start + 1) : `${a1(r + 1, start + 1)}:${a1(r + 1, end + 1)}`,
        });
    };
    row.forEach((c, k) => {
      const key = keyOf(c);
      if (key !== current) {
        flush(k - 1);
        start = k;
        current = key;
      }
    });
    flush(row.length - 1);
  });
  return out;
}

function writeSheet(ws: Excel.Worksheet, spec: SheetSpec, styles: Record<string, StyleSpec>, password?: string): void {
  const height = spec.rows.length;
  const width = Math.max(0, ...spec.rows.map((r) => r.length));
  if (height > 0 && width > 0) {
    const grid = spec.rows.map((row) => Array.from({ length: width }, (_x, k) => row[k] ?? null));
    const range = ws.getRange(`A1:${a1(height, width)}`);
    range.numberFormat = grid.map((row) => row.map((c) => numberFormatCell(c, styles)));
    range.formulas = grid.map((row) => row.map(formulaCell));
  }
  for (const run of runs(spec, (c) => c?.style ?? null)) {
    const style = styles[run.key];
    const f = ws.getRange(run.ref).format;
    if (style.bold) f.font.bold = true;
    if (style.italic) f.font.italic = true;
    if (style.size) f.font.size = style.size;
    if (style.color) f.font.color = `#${style.color}`;
    const fill = fillFor(style);
    if (fill) f.fill.color = fill;
    if (style.hAlign)
      f.horizontalAlignment = style.hAlign === 'left' ? 'Left' : style.hAlign === 'center' ? 'Center' : 'Right';
    if (style.vAlign)
      f.verticalAlignment = style.vAlign === 'top' ? 'Top' : style.vAlign === 'middle' ? 'Center' : 'Bottom';
    if (style.wrap) f.wrapText = true;
    if (style.border) {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const) {
        f.borders.getItem(edge).style = 'Continuous';
      }
    }
  }
  for (const run of runs(spec, (c) => (c?.locked === false ? true : null)))
    ws.getRange(run.ref).format.protection.locked = false;
  (spec.columns ?? []).forEach((w, i) => {
    ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
  });
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = h;
  for (const m of spec.merges ?? []) ws.getRange(m).merge(false);
  for (const v of spec.validations ?? []) {
    const dv = ws.getRange(v.ref).dataValidation;
    dv.rule = validationRule(v.rule);
    dv.ignoreBlanks = v.rule.allowBlank;
    dv.errorAlert = { showAlert: true, style: 'Stop', title: v.rule.errorTitle, message: v.rule.error };
    if (v.rule.prompt) dv.prompt = { showPrompt: true, title: v.rule.promptTitle ?? '', message: v.rule.prompt };
  }
  for (const cf of spec.conditionalFormats ?? []) {
    const format = ws.getRange(cf.ref).conditionalFormats.add('Custom');
    format.custom.rule.formula = `=${cf.formula}`;
    const style = styles[cf.style] ?? {};
    if (style.fill) format.custom.format.fill.color = `#${style.fill}`;
    if (style.color) format.custom.format.font.color = `#${style.color}`;
  }
  for (const t of spec.tables ?? []) ws.tables.add(`'${spec.name}'!${t.ref}`, true).name = t.name;
  if (spec.freeze) {
    if (spec.freeze.columns > 0 && spec.freeze.rows > 0)
      ws.freezePanes.freezeAt(ws.getRange(a1(spec.freeze.rows, spec.freeze.columns)));
    else if (spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
    else if (spec.freeze.columns > 0) ws.freezePanes.freezeColumns(spec.freeze.columns);
  }
  if (spec.print) {
    ws.pageLayout.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    ws.pageLayout.paperSize = 'A4';
    if (spec.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (spec.print.titleRows) {
      const [from, to = from] = spec.print.titleRows.split(':');
      ws.pageLayout.setPrintTitleRows(`$${from}:$${to}`);
    }
    for (const r of spec.print.breaksBefore ?? []) if (r > 1) ws.horizontalPageBreaks.add(`A${r}`);
  }
  if (spec.tabColor) ws.tabColor = `#${spec.tabColor}`;
  if (spec.protection) {
    ws.protection.protect(
      { allowFormatColumns: true, allowFormatRows: true, selectionMode: 'Normal' },
      spec.protection.withPassword && password ? password : undefined,
    );
  }
}

/**
 * Replaces (or adds) each described sheet, keeping the sheet object so formulas elsewhere that point at it stay
 * valid. One sync finds which sheets exist; one more writes everything.
 */
export async function applySheets(
  context: Excel.RequestContext,
  sheets: SheetSpec[],
  styles: Record<string, StyleSpec>,
  password?: string,
): Promise<void> {
  const found = sheets.map((s) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(s.name);
    ws.load('isNullObject');
    return ws;
  });
  await context.sync();
  sheets.forEach((spec, i) => {
    let ws = found[i];
    if (ws.isNullObject) {
      ws = context.workbook.worksheets.add(spec.name);
    } else {
      ws.protection.unprotect(password);
      const all = ws.getRange();
      all.unmerge();
      all.dataValidation.clear();
      all.conditionalFormats.clearAll();
      all.clear('All');
    }
    writeSheet(ws, spec, styles, password);
  });
  await context.sync();
}
