import { columnNumber } from './address';

/**
 * A formula in relative R1C1 notation, as seen from the cell (row, column) that holds it. Two cells hold "the same
 * formula" when their R1C1 forms are equal, wherever rows were inserted. String literals are left untouched.
 */
export function toR1C1(formula: string, row: number, column: number): string {
  const f = formula.replace(/^=/, '');
  let out = '';
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"') {
      const end = f.indexOf('"', i + 1);
      const stop = end < 0 ? f.length : end + 1;
      out += f.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: copy it with its '!' and go on with the reference after it.
      let j = i + 1;
      while (j < f.length && !(f[j] === "'" && f[j + 1] !== "'")) j += f[j] === "'" ? 2 : 1;
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? f[i - 1] : '';
    if (!/[A-Za-z0-9_.]/.test(prev)) {
      const rest = f.slice(i);
      const range = /^(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(])/.exec(rest);
      if (range) {
        out += `${col(range[1], range[2], column)}:${col(range[3], range[4], column)}`;
        i += range[0].length;
        continue;
      }
      const cell = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/.exec(rest);
      if (cell) {
        out += `${rowPart(cell[3], Number(cell[4]), row)}${col(cell[1], cell[2], column)}`;
        i += cell[0].length;
        continue;
      }
    }
    out += ch === ' ' ? '' : ch;
    i++;
  }
  return out;
}

function rowPart(abs: string, r: number, from: number): string {
  return abs ? `R${r}` : r === from ? 'R' : `R[${r - from}]`;
}

function col(abs: string, letters: string, from: number): string {
  const c = columnNumber(letters);
  return abs ? `C${c}` : c === from ? 'C' : `C[${c - from}]`;
}
