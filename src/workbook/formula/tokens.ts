import { columnNumber } from '../address';

// Excel formulas compared by meaning rather than by text. Excel, WPS and LibreOffice each write a formula back in
// their own way when they save a workbook: sheet names quoted or not ('专家库'!F:F and 专家库!F:F), spaces,
// function names in their own case, _xlfn. prefixes, F:F or F1:F1048576 for a whole column. A formula is split
// into tokens (strings, numbers, references, names, operators) and every reference is resolved to the cells it
// covers, so two formulas are the same when they compute the same thing in the same cell, and a changed
// reference, operator, constant or function still shows.

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

export type Token =
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'ref'; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { kind: 'function'; text: string }
  | { kind: 'name'; text: string }
  | { kind: 'op'; text: string };

const ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
];
const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', ',', ';', '(', ')', '{', '}'];

/** A cell part of a reference: "$A$1", "A1", "A" (a column), "1" (a row). */
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;

/** Formula text that cannot be tokenised (an unterminated string, say); compared as text then. */
export class FormulaSyntaxError extends Error {}

function unquoteSheet(quoted: string): string {
  return quoted.slice(1, -1).replace(/''/g, "'");
}

/** A reference at the start of `rest` (without its sheet prefix), as cells; null when there is none. */
function readReference(rest: string): { length: number; r1: number; c1: number; r2: number; c2: number } | null {
  const a = CELL.exec(rest);
  if (a) {
    const r1 = Number(a[4]);
    const c1 = columnNumber(a[2]);
    if (r1 < 1 || r1 > MAX_ROW || c1 > MAX_COLUMN) return null;
    let length = a[0].length;
    let r2 = r1;
    let c2 = c1;
    if (rest[length] === ':') {
      const b = CELL.exec(rest.slice(length + 1));
      if (b) {
        r2 = Number(b[4]);
        c2 = columnNumber(b[2]);
        length += 1 + b[0].length;
      }
    }
    if (/^[A-Za-z0-9_.(]/.test(rest.slice(length))) return null;
    return { length, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }
  // Whole columns (F:F, $A:$C) and whole rows (1:1, $3:$5).
  const col = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/.exec(rest);
  if (col) {
    const c1 = columnNumber(col[2]);
    const c2 = columnNumber(col[4]);
    if (c1 > MAX_COLUMN || c2 > MAX_COLUMN) return null;
    return { length: col[0].length, r1: 1, c1: Math.min(c1, c2), r2: MAX_ROW, c2: Math.max(c1, c2) };
  }
  const row = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.(])/.exec(rest);
  if (row) {
    const r1 = Number(row[2]);
    const r2 = Number(row[4]);
    if (r1 < 1 || r2 < 1 || r1 > MAX_ROW || r2 > MAX_ROW) return null;
    return { length: row[0].length, r1: Math.min(r1, r2), c1: 1, r2: Math.max(r1, r2), c2: MAX_COLUMN };
  }
  return null;
}

/** The tokens of an A1-style formula (with or without its leading "="); spaces between tokens are dropped. */
export function tokenize(formula: string): Token[] {
  const f = formula.replace(/^\s*=/, '');
  const out: Token[] = [];
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= f.length) throw new FormulaSyntaxError('unterminated string');
        if (f[j] === '"') {
          if (f[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += f[j++];
      }
      out.push({ kind: 'string', text });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const e = ERRORS.find((x) => f.slice(i, i + x.length).toUpperCase() === x);
      if (!e) throw new FormulaSyntaxError('unknown error literal');
      out.push({ kind: 'error', text: e });
      i += e.length;
      continue;
    }
    // A sheet-qualified reference: 'Sheet name'!A1, Sheet!A1, or a 3-D 'A:B'!A1.
    let sheet: string | null = null;
    let at = i;
    if (ch === "'") {
      let j = i + 1;
      while (j < f.length && !(f[j] === "'" && f[j + 1] !== "'")) j += f[j] === "'" ? 2 : 1;
      if (f[j + 1] !== '!') throw new FormulaSyntaxError('quoted name without !');
      sheet = unquoteSheet(f.slice(i, j + 1));
      at = j + 2;
    } else {
      const bare = /^([^\s!"'(),;:+\-*/^&=<>%{}[\]#]+(?::[^\s!"'(),;:+\-*/^&=<>%{}[\]#]+)?)!/u.exec(f.slice(i));
      if (bare) {
        sheet = bare[1];
        at = i + bare[0].length;
      }
    }
    const ref = readReference(f.slice(at));
    if (ref) {
      out.push({ kind: 'ref', sheet, r1: ref.r1, c1: ref.c1, r2: ref.r2, c2: ref.c2 });
      i = at + ref.length;
      continue;
    }
    if (sheet !== null) {
      // A sheet-qualified defined name (Sheet1!Total).
      const name = /^[A-Za-z_\\\u0080-\uffff][\w.\u0080-\uffff]*/u.exec(f.slice(at));
      if (!name) throw new FormulaSyntaxError('sheet without reference');
      out.push({ kind: 'name', text: `${sheet.toUpperCase()}!${name[0].toUpperCase()}` });
      i = at + name[0].length;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(f.slice(i));
    if (num) {
      out.push({ kind: 'number', text: String(Number(num[0])) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_\\\u0080-\uffff][\w.\u0080-\uffff]*(\[[^\]]*\])?/u.exec(f.slice(i));
    if (word) {
      const text = word[0];
      const call = /^\s*\(/.test(f.slice(i + text.length));
      if (call) out.push({ kind: 'function', text: text.toUpperCase().replace(/^_XLFN\.(_XLWS\.)?/, '') });
      else out.push({ kind: 'name', text: text.toUpperCase() });
      i += text.length;
      continue;
    }
    const op = OPERATORS.find((o) => f.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected ${ch}`);
  }
  return out;
}

function tokenText(t: Token, ownSheet: string | null): string {
  switch (t.kind) {
    case 'string':
      return JSON.stringify(t.text);
    case 'ref': {
      // A reference to the formula's own sheet, with or without the sheet's name, is the same reference.
      const sheet =
        t.sheet === null || (ownSheet !== null && t.sheet.toLowerCase() === ownSheet.toLowerCase())
          ? ''
          : `${t.sheet.toLowerCase()}!`;
      return `${sheet}R${t.r1}C${t.c1}:R${t.r2}C${t.c2}`;
    }
    default:
      return t.text;
  }
}

/**
 * The formula's meaning as one string: equal for two formulas exactly when they compute the same thing in the
 * same cell. `ownSheet` is the name of the sheet that holds the formula. Text that cannot be tokenised is
 * compared as it is.
 */
export function formulaMeaning(formula: string, ownSheet: string | null = null): string {
  try {
    return tokenize(formula)
      .map((t) => tokenText(t, ownSheet))
      .join(' ');
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return `text:${formula.replace(/^\s*=/, '')}`;
    throw e;
  }
}

/** Whether two formulas in the same cell compute the same thing. */
export function sameFormula(a: string, b: string, ownSheet: string | null = null): boolean {
  return a === b || formulaMeaning(a, ownSheet) === formulaMeaning(b, ownSheet);
}
