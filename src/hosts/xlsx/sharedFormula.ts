import { columnLetter, columnNumber } from '../../workbook/address';

// Excel stores a formula filled down a column once (`<f t="shared" ref="E6:E1005" si="0">…</f>`) and leaves the
// other cells of the range only `<f t="shared" si="0"/>`. A cell's own formula is the master's with its relative
// references moved by the cell's offset from the master, which is what Excel shows in the formula bar.

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

// A cell reference not glued to a name before it and not a function name (LOG10( …) after it.
const REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(])/g;

function shiftRefs(text: string, rows: number, columns: number): string {
  return text.replace(REF, (m, colAbs: string, col: string, rowAbs: string, row: string) => {
    const c0 = columnNumber(col);
    const r0 = Number(row);
    if (c0 > MAX_COLUMN || r0 < 1 || r0 > MAX_ROW) return m;
    const c = colAbs ? c0 : c0 + columns;
    const r = rowAbs ? r0 : r0 + rows;
    if (c < 1 || c > MAX_COLUMN || r < 1 || r > MAX_ROW) return '#REF!';
    return `${colAbs}${columnLetter(c)}${rowAbs}${r}`;
  });
}

/** The master formula moved by (rows, columns); string literals and quoted sheet names are left as they are. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const q = formula.slice(i).search(/["']/);
    const plainEnd = q < 0 ? formula.length : i + q;
    out += shiftRefs(formula.slice(i, plainEnd), rows, columns);
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
    out += formula.slice(plainEnd, j + 1);
    i = j + 1;
  }
  return out;
}
