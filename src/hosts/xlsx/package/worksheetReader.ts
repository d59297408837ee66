import { a1, cellsOf, columnNumber } from '../../../workbook/address';
import type { ReadValue, SheetData, SheetMeta } from '../../../workbook/model';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { compileShift } from '../../../workbook/formula/shift';
import { RunText } from './sharedStrings';
import { NS, XmlError } from './xml';

// A worksheet part (CT_Worksheet, 18.3.1.99) as the host-neutral SheetData: values with cached formula results,
// formula text without "=" (shared formulas expanded for each cell), dates as ISO text, and the cells hidden under
// a merge left empty, as a spreadsheet shows them. Rows and cells may leave out their `r` (18.3.1.73, 18.3.1.4):
// they then follow the previous one.

/** What a worksheet's cells need from the rest of the package. */
export interface CellContext {
  sharedStrings: string[];
  /** Indexes of cell formats (cellXfs) whose number format shows a date: such numbers are read as ISO dates. */
  dateStyles: Set<number>;
  date1904: boolean;
}

const DAY = 86_400_000;
/** Excel's own limits; cells beyond them are not cells of any spreadsheet. */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
/** 2,000 cases fill 45 expert sheets of ~2,000 × 26 cells; 20 million cells in one sheet is far beyond any panel. */
const MAX_GRID_CELLS = 20_000_000;

/** An Excel serial date as YYYY-MM-DD; a number no date can hold stays a number. */
function serialDate(serial: number, date1904: boolean): ReadValue {
  const t = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY);
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? serial : d.toISOString().slice(0, 10);
}

/** The cell's value from its type (18.18.11 ST_CellType) and the text of its <v>. */
function typedValue(type: string | undefined, text: string, styleDate: boolean, ctx: CellContext): ReadValue {
  switch (type) {
    case 's':
      return ctx.sharedStrings[Number(text)] ?? null;
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return Number(text) !== 0 || text.trim() === 'true';
    case 'e':
      return { error: text };
    case 'd':
      return text.slice(0, 10);
    default: {
      const n = Number(text.trim());
      if (text.trim() === '' || Number.isNaN(n)) return null;
      return styleDate ? serialDate(n, ctx.date1904) : n;
    }
  }
}

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** The password hash of a protected sheet, as `<sheetProtection>` attributes text, to protect written sheets alike. */
function protectionAttributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => `${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`)
    .join(' ');
}

export interface WorksheetRead {
  data: SheetData;
  meta: SheetMeta;
  /** `<sheetProtection>` attributes when the sheet is protected with a password hash, else null. */
  passwordProtection: string | null;
}

/** Reads a worksheet part; the name is the sheet's, for messages. Validations are expanded only `withMeta`. */
export function readWorksheet(
  name: string,
  text: string,
  part: string,
  ctx: CellContext,
  withMeta = false,
): WorksheetRead {
  const values: ReadValue[][] = [];
  const formulas: (string | null)[][] = [];
  const shared = new Map<string, { shift: (rows: number, columns: number) => string; row: number; column: number }>();
  const merged: { r1: number; c1: number; r2: number; c2: number }[] = [];
  const validations: SheetMeta['validations'] = {};
  let isProtected = false;
  let passwordProtection: string | null = null;
  let width = 0;
  let row = 0;
  let column = 0;
  let rootUri = '';

  // The cell being read.
  let inCell = false;
  let cellType: string | undefined;
  let cellDate = false;
  let fText: string | null = null;
  let fAttrs: Record<string, string> | null = null;
  let vText: string | null = null;
  let inF = false;
  let inV = false;
  const inline = new RunText('is');
  let inlineText: string | null = null;
  // The data validation being read.
  let dv: { type: string; sqref: string; f1: string; f2: string } | null = null;
  let inFormulaN = 0;

  // saxes directly, without the element spans edits need: sheets are tens of megabytes, read cell by cell.
  const parser = new SaxesParser({ xmlns: true, position: false });
  let depth = 0;
  const attr = (tag: SaxesTagNS, name: string): string | undefined => tag.attributes[name]?.value;
  const attrsOf = (tag: SaxesTagNS): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const k in tag.attributes)
      if (tag.attributes[k].uri === '') out[tag.attributes[k].local] = tag.attributes[k].value;
    return out;
  };
  parser.on('opentag', (el) => {
    const d = depth++;
    if (d === 0) rootUri = el.uri;
    if (el.uri !== NS.main) return;
    if (inCell) {
      if (el.local === 'f') {
        inF = true;
        fText = '';
        fAttrs = attrsOf(el);
      } else if (el.local === 'v') {
        inV = true;
        vText = '';
      } else inline.open(el.uri, el.local, d);
      return;
    }
    switch (el.local) {
      case 'row': {
        const r = attr(el, 'r');
        row = r !== undefined && /^\d+$/.test(r.trim()) ? Number(r) : row + 1;
        column = 0;
        if (row > values.length && row <= MAX_ROW) values.length = formulas.length = row;
        break;
      }
      case 'c': {
        const ref = attr(el, 'r');
        const m = ref !== undefined ? CELL_REF.exec(ref.trim()) : null;
        if (m) {
          column = columnNumber(m[1]);
          row = Number(m[2]);
        } else column++;
        inCell = true;
        cellType = attr(el, 't');
        const s = attr(el, 's');
        cellDate = s !== undefined && ctx.dateStyles.has(Number(s));
        fText = null;
        fAttrs = null;
        vText = null;
        inlineText = null;
        break;
      }
      case 'mergeCell': {
        const ref = (attr(el, 'ref') ?? '').split(':');
        const a = CELL_REF.exec(ref[0] ?? '');
        const b = CELL_REF.exec(ref[1] ?? ref[0] ?? '');
        if (a && b) merged.push({ r1: Number(a[2]), c1: columnNumber(a[1]), r2: Number(b[2]), c2: columnNumber(b[1]) });
        break;
      }
      case 'sheetProtection': {
        const sheet = attr(el, 'sheet');
        if (sheet === '1' || sheet === 'true') {
          isProtected = true;
          const attrs = attrsOf(el);
          if (attrs.hashValue || attrs.password) passwordProtection = protectionAttributes(attrs);
        }
        break;
      }
      case 'dataValidation':
        dv = { type: attr(el, 'type') ?? 'none', sqref: attr(el, 'sqref') ?? '', f1: '', f2: '' };
        break;
      case 'formula1':
        inFormulaN = dv ? 1 : 0;
        break;
      case 'formula2':
        inFormulaN = dv ? 2 : 0;
        break;
    }
  });
  const onText = (t: string): void => {
    if (inF) fText += t;
    else if (inV) vText += t;
    else if (inCell) inline.text(t);
    else if (inFormulaN === 1) dv!.f1 += t;
    else if (inFormulaN === 2) dv!.f2 += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (el) => {
    const d = --depth;
    if (el.uri !== NS.main) return;
    if (inCell) {
      if (el.local === 'f') inF = false;
      else if (el.local === 'v') inV = false;
      else if (el.local === 'c') {
        inCell = false;
        finishCell();
      } else {
        const s = inline.close(el.uri, el.local, d);
        if (s !== null) inlineText = s;
      }
      return;
    }
    if (el.local === 'dataValidation' && dv) {
      if (withMeta) addValidation(dv);
      dv = null;
    } else if (el.local === 'formula1' || el.local === 'formula2') inFormulaN = 0;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof XmlError) throw e;
    const why = String((e as Error).message)
      .split('\n')[0]!
      .slice(0, 120);
    throw new XmlError(
      `“${part}”部分的 XML 格式有误（${why}），文件已损坏`,
      `part "${part}" is not well-formed XML (${why}); the file is damaged`,
    );
  }

  if (rootUri === NS.strictMain)
    throw new XmlError(`工作表“${name}”以 Strict Open XML 格式保存`, `sheet "${name}" is saved as Strict Open XML`);

  function finishCell(): void {
    if (row < 1 || column < 1 || row > MAX_ROW || column > MAX_COLUMN) return;
    if (column > width) width = column;
    if (row > values.length) values.length = formulas.length = row;
    let formula: string | null = null;
    if (fText !== null) {
      const attrs = fAttrs ?? {};
      const si = attrs.si;
      if (attrs.t === 'shared' && si !== undefined) {
        const master = shared.get(si);
        if (fText !== '' && (!master || attrs.ref)) shared.set(si, { shift: compileShift(fText), row, column });
        formula = fText !== '' ? fText : master ? master.shift(row - master.row, column - master.column) : null;
      } else formula = fText !== '' ? fText : null;
      if (formula !== null) formula = formula.replace(/^=/, '');
    }
    let value: ReadValue = null;
    if (cellType === 'inlineStr') {
      // An empty inline string reads as an empty cell.
      value = inlineText || null;
    } else if (vText !== null && !(formula !== null && vText === '')) {
      // A formula whose cached text is empty has no result.
      value = typedValue(cellType, vText, cellDate, ctx);
    }
    if (value === null && formula === null) return;
    (values[row - 1] ??= [])[column - 1] = value;
    if (formula !== null) (formulas[row - 1] ??= [])[column - 1] = formula;
  }

  function addValidation(v: { type: string; sqref: string; f1: string; f2: string }): void {
    if (v.type === 'none' || v.type === 'any') return;
    const [min, max] = [bound(v.type, v.f1), bound(v.type, v.f2)];
    const rule = {
      type: v.type as SheetMeta['validations'][string]['type'],
      ...(Number.isFinite(min) ? { min } : {}),
      ...(Number.isFinite(max) ? { max } : {}),
    };
    for (const ref of v.sqref.split(/\s+/).filter(Boolean)) {
      if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(ref)) continue;
      const cells = cellsOf(ref.replace(/\$/g, ''));
      if (cells.length > 1_000_000) continue;
      for (const { row: r, column: c } of cells) validations[a1(r, c)] = rule;
    }
  }

  // A merged range counts as used cells; dense rows of the same width from A1.
  for (const mg of merged) {
    if (mg.c2 > width) width = Math.min(mg.c2, MAX_COLUMN);
    if (mg.r2 > values.length) values.length = formulas.length = Math.min(mg.r2, MAX_ROW);
  }
  // One cell typed at XFD1048576 would make the dense grid billions of cells; no evaluation sheet comes near.
  if (values.length * width > MAX_GRID_CELLS)
    throw new XmlError(
      `工作表“${name}”的使用区域过大（${values.length} 行 × ${width} 列），不像是评价工作簿`,
      `sheet "${name}" uses too large a range (${values.length} rows × ${width} columns) to be an evaluation workbook`,
    );
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
  return { data: { name, values, formulas }, meta: { protected: isProtected, validations }, passwordProtection };
}

/** A validation bound: whole numbers as integers, decimals as numbers, dates as milliseconds. */
function bound(type: string, text: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  switch (type) {
    case 'whole':
    case 'textLength':
      return /^-?\d+(\.0*)?$/.test(t) ? parseInt(t, 10) : NaN;
    case 'decimal':
      return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
    case 'date':
      return Math.round((Number(t) - 25569) * DAY);
    default:
      return Number(t);
  }
}
