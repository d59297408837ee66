import { columnLetter, columnNumber } from '../address';

// Excel stores a formula filled down a column once (`<f t="shared" ref="E6:E1005" si="0">…</f>`) and leaves the
// other cells of the range only `<f t="shared" si="0"/>`. A cell's own formula is the master's with its relative
// references moved by the cell's offset from the master, which is what Excel shows in the formula bar.

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

// A cell reference not glued to a name before it and not a function name (LOG10( …) after it.
const REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(])/g;

type Segment = string | { colAbs: boolean; c0: number; rowAbs: boolean; r0: number; text: string };

/** The plain (unquoted) stretches of a formula cut into text and cell references. */
function refSegments(text: string, out: Segment[]): void {
  let at = 0;
  for (const m of text.matchAll(REF)) {
    const [whole, colAbs, col, rowAbs, row] = m;
    const c0 = columnNumber(col);
    const r0 = Number(row);
    if (c0 > MAX_COLUMN || r0 < 1 || r0 > MAX_ROW) continue;
    out.push(text.slice(at, m.index));
    out.push({ colAbs: colAbs !== '', c0, rowAbs: rowAbs !== '', r0, text: whole });
    at = m.index! + whole.length;
  }
  out.push(text.slice(at));
}

/**
 * A formula prepared to be moved by any offset: it is cut once into text and references, so filling one formula
 * down a thousand rows costs one parse, not a thousand. String literals and quoted sheet names are left as they are.
 */
export function compileShift(formula: string): (rows: number, columns: number) => string {
  const segments: Segment[] = [];
  let i = 0;
  while (i < formula.length) {
    const q = formula.slice(i).search(/["']/);
    const plainEnd = q < 0 ? formula.length : i + q;
    refSegments(formula.slice(i, plainEnd), segments);
    if (plainEnd >= formula.length) break;
    // A quoted run ends at its closing quote; a doubled quote inside it stands for the quote itself.
    const quote = formula[plainEnd];
    let j = plainEnd + 1;
    while (j < formula.length) {
      if (formula[j] === quote) {
        if (formula[j + 1] === quote) j += 2;
        else break;
      } else j++;
    }
    segments.push(formula.slice(plainEnd, j + 1));
    i = j + 1;
  }
  return (rows, columns) => {
    if (rows === 0 && columns === 0) return formula;
    let out = '';
    for (const s of segments) {
      if (typeof s === 'string') {
        out += s;
        continue;
      }
      const c = s.colAbs ? s.c0 : s.c0 + columns;
      const r = s.rowAbs ? s.r0 : s.r0 + rows;
      out +=
        c < 1 || c > MAX_COLUMN || r < 1 || r > MAX_ROW
          ? '#REF!'
          : `${s.colAbs ? '$' : ''}${columnLetter(c)}${s.rowAbs ? '$' : ''}${r}`;
    }
    return out;
  };
}

/** The master formula moved by (rows, columns); string literals and quoted sheet names are left as they are. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return compileShift(formula)(rows, columns);
}
