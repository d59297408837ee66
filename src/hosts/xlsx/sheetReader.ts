import { a1, cellsOf, columnNumber } from '../../workbook/address';
import type { ReadValue, SheetData, SheetMeta } from '../../workbook/model';
import { shiftFormula } from './sharedFormula';
import { XlsxError } from './xlsxError';
import { attribute, attributes, decodeXml, detached, elements, runText } from './xmlText';

/** What a worksheet's cells need from the rest of the package. */
export interface CellContext {
  sharedStrings: string[];
  /** Indexes of cell formats (cellXfs) whose number format shows a date: such numbers are read as ISO dates. */
  dateStyles: Set<number>;
  date1904: boolean;
}

const DAY = 86_400_000;
/** Excel's own limits; cells beyond them are not cells of any spreadsheet. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
/** 2,000 cases fill 45 expert sheets of ~2,000 × 26 cells; 20 million cells in one sheet is far beyond any panel. */
const MAX_GRID_CELLS = 20_000_000;

/** An Excel serial date as YYYY-MM-DD, as the ExcelJS host reads it; a number no date can hold stays a number. */
function serialDate(serial: number, date1904: boolean): ReadValue {
  const t = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY);
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? serial : d.toISOString().slice(0, 10);
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<row\b([^>]*?)\/?>/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const INLINE = /<is>([\s\S]*?)<\/is>/;

function typedValue(type: string | undefined, text: string, styleDate: boolean, ctx: CellContext): ReadValue {
  switch (type) {
    case 's':
      return ctx.sharedStrings[Number(text)] ?? null;
    case 'str':
    case 'inlineStr':
      return detached(decodeXml(text));
    case 'b':
      return Number(text) !== 0;
    case 'e':
      return { error: detached(decodeXml(text)) };
    case 'd':
      return decodeXml(text).slice(0, 10);
    default: {
      const n = parseFloat(text);
      if (Number.isNaN(n)) return null;
      return styleDate ? serialDate(n, ctx.date1904) : n;
    }
  }
}

/** The merged ranges of a sheet, read from its `<mergeCells>`. */
function merges(xml: string, from: number): { r1: number; c1: number; r2: number; c2: number }[] {
  const out: { r1: number; c1: number; r2: number; c2: number }[] = [];
  const re = /<mergeCell\b[^>]*?\bref="\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?"/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const c1 = columnNumber(m[1]);
    const r1 = Number(m[2]);
    out.push({ r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? columnNumber(m[3]) : c1 });
  }
  return out;
}

/**
 * A worksheet part as the host-neutral SheetData: values with cached formula results, formula text without "="
 * (shared formulas expanded for each cell), dates as ISO text, and the cells hidden under a merge left empty, as
 * a spreadsheet shows them.
 */
export function readSheetXml(name: string, xml: string, ctx: CellContext): SheetData {
  const values: ReadValue[][] = [];
  const formulas: (string | null)[][] = [];
  const shared = new Map<string, { formula: string; row: number; column: number }>();
  let width = 0;
  let row = 0;
  let column = 0;
  const start = xml.indexOf('<sheetData');
  const end = start < 0 ? -1 : xml.indexOf('</sheetData>', start);
  if (start >= 0 && end >= 0) {
    const body = xml.slice(start, end);
    CELL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CELL.exec(body))) {
      if (m[3] !== undefined) {
        const r = attribute(m[3], 'r');
        row = r ? Number(r) : row + 1;
        column = 0;
        if (row > values.length && row <= MAX_ROW) values.length = formulas.length = row;
        continue;
      }
      const attrs = m[1];
      const ref = attribute(attrs, 'r');
      if (ref) {
        const a = /^([A-Za-z]+)(\d+)$/.exec(ref);
        if (!a) continue;
        column = columnNumber(a[1]);
        row = Number(a[2]);
      } else {
        column++;
      }
      if (row < 1 || column < 1 || row > MAX_ROW || column > MAX_COLUMN) continue;
      if (column > width) width = column;
      if (row > values.length) values.length = formulas.length = row;
      const inner = m[2];
      if (!inner) continue;
      const type = attribute(attrs, 't');
      const s = attribute(attrs, 's');
      const styleDate = s !== undefined && ctx.dateStyles.has(Number(s));
      let formula: string | null = null;
      const f = inner.includes('<f') ? FORMULA.exec(inner) : null;
      if (f) {
        const text = f[2] === undefined ? '' : decodeXml(f[2]);
        const si = attribute(f[1], 'si');
        if (attribute(f[1], 't') === 'shared' && si !== undefined) {
          const master = shared.get(si);
          if (text !== '' && (!master || attribute(f[1], 'ref'))) shared.set(si, { formula: text, row, column });
          formula =
            text !== '' ? text : master ? shiftFormula(master.formula, row - master.row, column - master.column) : null;
        } else formula = text !== '' ? text : null;
        if (formula !== null) formula = detached(formula.replace(/^=/, ''));
      }
      let value: ReadValue = null;
      if (type === 'inlineStr') {
        // An empty inline string reads as an empty cell, as in the ExcelJS host.
        const is = INLINE.exec(inner);
        if (is) value = runText(is[1]) || null;
      } else {
        const v = VALUE.exec(inner);
        // A formula whose cached text is empty has no result, as in the ExcelJS host.
        if (v && !(formula !== null && v[1] === '')) value = typedValue(type, v[1], styleDate, ctx);
      }
      if (value === null && formula === null) continue;
      (values[row - 1] ??= [])[column - 1] = value;
      if (formula !== null) (formulas[row - 1] ??= [])[column - 1] = formula;
    }
  }
  // A merged range counts as used cells, as in the ExcelJS host; dense rows of the same width from A1.
  const merged = merges(xml, end < 0 ? 0 : end);
  for (const mg of merged) {
    if (mg.c2 > width) width = Math.min(mg.c2, MAX_COLUMN);
    if (mg.r2 > values.length) values.length = formulas.length = Math.min(mg.r2, MAX_ROW);
  }
  // One cell typed at XFD1048576 would make the dense grid billions of cells; no evaluation sheet comes near.
  if (values.length * width > MAX_GRID_CELLS) {
    throw new XlsxError(`工作表“${name}”的使用区域过大（${values.length} 行 × ${width} 列），不像是评价工作簿`);
  }
  for (let r = 0; r < values.length; r++) {
    const v = values[r] ?? [];
    const f = formulas[r] ?? [];
    for (let c = 0; c < width; c++) {
      if (v[c] === undefined) v[c] = null;
      if (f[c] === undefined) f[c] = null;
    }
    values[r] = v;
    formulas[r] = f;
  }
  for (const mg of merged) {
    for (let r = mg.r1; r <= mg.r2 && r <= values.length; r++) {
      for (let c = mg.c1; c <= mg.c2 && c <= width; c++) {
        if (r === mg.r1 && c === mg.c1) continue;
        values[r - 1][c - 1] = null;
        formulas[r - 1][c - 1] = null;
      }
    }
  }
  return { name, values, formulas };
}

/** The attributes of the sheet's `<sheetProtection>` start tag as written, or null when it is not protected. */
export function sheetProtectionTag(xml: string): string | null {
  const m = /<sheetProtection\b([^>]*?)\/?>/.exec(xml);
  if (!m) return null;
  const sheet = attribute(m[1], 'sheet');
  return sheet === '1' || sheet === 'true' ? m[1].trim() : null;
}

/** A validation bound as the ExcelJS host reads it: whole numbers parsed as integers, dates as milliseconds. */
function bound(type: string, text: string): number {
  switch (type) {
    case 'whole':
    case 'textLength':
      return parseInt(text, 10);
    case 'decimal':
      return parseFloat(text);
    case 'date':
      return Math.round((parseFloat(text) - 25569) * DAY);
    default:
      return Number(text);
  }
}

/** What the audit checks besides cells: whether the sheet is protected, and each cell's validation rule. */
export function readSheetMeta(xml: string): SheetMeta {
  const validations: SheetMeta['validations'] = {};
  for (const dv of elements(xml, 'dataValidation')) {
    const a = attributes(dv.slice(0, dv.indexOf('>')));
    const type = a.type ?? 'any';
    if (type === 'any') continue;
    const formula = (n: number): number => {
      const m = new RegExp(`<formula${n}>([\\s\\S]*?)</formula${n}>`).exec(dv);
      return m ? bound(type, decodeXml(m[1])) : NaN;
    };
    const [min, max] = [formula(1), formula(2)];
    const rule = {
      type: type as SheetMeta['validations'][string]['type'],
      ...(Number.isFinite(min) ? { min } : {}),
      ...(Number.isFinite(max) ? { max } : {}),
    };
    for (const ref of (a.sqref ?? '').split(/\s+/).filter(Boolean)) {
      for (const { row, column } of cellsOf(ref)) validations[a1(row, column)] = rule;
    }
  }
  return { protected: sheetProtectionTag(xml) !== null, validations };
}
