// Excel's calculation for the fake host, over the formulas our sheets use: references (across sheets, absolute or
// not, ranges), arithmetic, comparison and text operators, array constants, the ordinary functions of the
// expert sheets and 复核 (SUM, COUNT, COUNTA, AVERAGE, MAX, MIN, IF, AND, OR, NOT, INT, ROUND, ABS, IFERROR,
// COUNTIF, COUNTIFS) and the CEEAS custom functions, which run through their own logic module exactly as the
// add-in's functions page runs them. Anything else is #NAME?, as in Excel without the function. Arithmetic is
// binary floating point on purpose: this emulates Excel, it is not the engine.
//
// Custom functions behave as Excel documents them (test/fakes/README.md): while their results are pending the API
// reads #BUSY! (state.rules.customFunctionSyncs), before they are registered #NAME? (functionsRegistered); a
// function whose arguments hold an error is not called and shows that error (functions.json is generated, so
// allowErrorForDataTypeAny is not set); only #VALUE! and #N/A carry the function's message, #NUM! shows none.
// A reference to a deleted sheet (#REF! in the formula) is #REF!.

import * as ceeas from '../../src/addin/functions/logic';
import { columnNumber } from '../../src/workbook/address';
import { FakeErrorValue, type FakeCalculator, type FakeSheet, type FakeWorkbookState } from './fakeExcel';

type Scalar = number | string | boolean | FakeErrorValue;
interface RangeValue {
  sheet: FakeSheet;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
type Value = Scalar | RangeValue | Scalar[][];

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'arr'; rows: Scalar[][] }
  | { k: 'ref'; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { k: 'fn'; name: string; args: Node[] }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

const NA = (code: string) => new FakeErrorValue(code);

/** Tokens: numbers, strings, references with their sheet, names, operators and punctuation. */
function tokenize(src: string): string[] {
  const out: string[] = [];
  const ref = String.raw`(?:\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|\$?[A-Z]+:\$?[A-Z]+)`;
  const re = new RegExp(
    String.raw`\s*('(?:[^']|'')+'!${ref}|[^\s'!(),:{};+\-*/&=<>"]+!${ref}|"(?:[^"]|"")*"|\d+(?:\.\d+)?(?:E[+-]?\d+)?|<>|<=|>=|[A-Z_][A-Z0-9_.]*\s*\(|${ref}|TRUE|FALSE|[-+*/&=<>(),{};:])`,
    'iy',
  );
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < src.length) {
    re.lastIndex = at;
    m = re.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(at))) break;
      throw new Error(`cannot read the formula at “${src.slice(at, at + 20)}”`);
    }
    out.push(m[1].replace(/\s+\($/, '('));
    at = re.lastIndex;
  }
  return out;
}

function refNode(token: string): Node {
  const bang = token.lastIndexOf('!');
  let sheet: string | null = null;
  let local = token;
  if (bang >= 0) {
    sheet = token.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    local = token.slice(bang + 1);
  }
  const [a, b = a] = local.replace(/\$/g, '').split(':');
  // A whole column ("S:S") runs to the last row; the calculator only visits rows that exist.
  const p = (x: string, end: boolean) => {
    const m = /^([A-Z]+)(\d*)$/i.exec(x)!;
    return { r: m[2] ? Number(m[2]) : end ? 1048576 : 1, c: columnNumber(m[1]) };
  };
  const x = p(a, false);
  const y = p(b, true);
  return { k: 'ref', sheet, r1: x.r, c1: x.c, r2: y.r, c2: y.c };
}

function parse(src: string): Node {
  const t = tokenize(src);
  let i = 0;
  const peek = () => t[i];
  const next = () => t[i++];
  const expect = (s: string) => {
    if (next() !== s) throw new Error(`expected ${s} in ${src}`);
  };
  const LEVELS = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let a = binary(level + 1);
    while (LEVELS[level].includes(peek())) {
      const op = next();
      a = { k: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-' || peek() === '+') {
      const op = next();
      return { k: 'un', op, a: unary() };
    }
    return primary();
  };
  const scalar = (tok: string): Scalar => {
    if (tok.startsWith('"')) return tok.slice(1, -1).replace(/""/g, '"');
    if (/^TRUE$/i.test(tok)) return true;
    if (/^FALSE$/i.test(tok)) return false;
    return Number(tok);
  };
  const primary = (): Node => {
    const tok = next();
    if (tok === undefined) throw new Error(`unexpected end of ${src}`);
    if (tok === '(') {
      const e = binary(0);
      expect(')');
      return e;
    }
    if (tok === '{') {
      const rows: Scalar[][] = [[]];
      for (;;) {
        let v = next();
        if (v === '-') v = `-${next()}`;
        rows[rows.length - 1].push(scalar(v));
        const sep = next();
        if (sep === '}') break;
        if (sep === ';') rows.push([]);
      }
      return { k: 'arr', rows };
    }
    if (tok.endsWith('(')) {
      const name = tok.slice(0, -1).toUpperCase();
      const args: Node[] = [];
      if (peek() === ')') next();
      else {
        for (;;) {
          args.push(peek() === ',' || peek() === ')' ? { k: 'lit', v: '' } : binary(0));
          const sep = next();
          if (sep === ')') break;
          if (sep !== ',') throw new Error(`expected , or ) in ${src}`);
        }
      }
      return { k: 'fn', name, args };
    }
    if (/^(".*"|\d|TRUE$|FALSE$)/i.test(tok)) return { k: 'lit', v: scalar(tok) };
    return refNode(tok);
  };
  const node = binary(0);
  if (i !== t.length) throw new Error(`unread tokens in ${src}`);
  return node;
}

const isRange = (v: Value): v is RangeValue => typeof v === 'object' && v !== null && 'sheet' in v;

/** Excel's calculation of a workbook; it caches what it computed for each workbook state until that changes. */
export function formulaCalculator(): FakeCalculator {
  const parsed = new Map<string, Node>();
  let cache = new Map<string, Scalar>();
  // One cache per workbook and per view: the API's view sees pending custom functions, a test's look does not.
  const caches = new WeakMap<
    FakeWorkbookState,
    { revision: number; calculating: boolean; cache: Map<string, Scalar> }[]
  >();

  const cellValue = (state: FakeWorkbookState, sheet: FakeSheet, r: number, c: number): Scalar => {
    const cell = sheet.cells.at(r, c);
    if (!cell) return '';
    if (cell.formula === null) return (cell.value as Scalar) ?? '';
    const key = `${sheet.name}\u0000${r}\u0000${c}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    cache.set(key, NA('#CIRC!'));
    let node = parsed.get(cell.formula);
    if (!node) {
      try {
        node = /#REF!/i.test(cell.formula) ? { k: 'lit', v: NA('#REF!') } : parse(cell.formula);
      } catch {
        node = { k: 'lit', v: NA('#NAME?') };
      }
      parsed.set(cell.formula, node);
    }
    const v = scalarOf(evaluate(state, sheet, node));
    cache.set(key, v);
    return v;
  };

  const grid = (state: FakeWorkbookState, v: Value): Scalar[][] => {
    if (Array.isArray(v)) return v;
    if (!isRange(v)) return [[v]];
    const out: Scalar[][] = [];
    const last = Math.min(v.r2, v.sheet.cells.rowCount());
    for (let r = v.r1; r <= last; r++) {
      const row: Scalar[] = [];
      for (let c = v.c1; c <= v.c2; c++) row.push(cellValue(state, v.sheet, r, c));
      out.push(row);
    }
    return out;
  };
  let current: FakeWorkbookState;
  const scalarOf = (v: Value): Scalar => (isRange(v) || Array.isArray(v) ? (grid(current, v)[0]?.[0] ?? '') : v);
  const num = (v: Scalar): number | FakeErrorValue => {
    if (v instanceof FakeErrorValue) return v;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v === '') return 0;
    const n = Number(v);
    return Number.isFinite(n) ? n : NA('#VALUE!');
  };
  const flat = (state: FakeWorkbookState, args: Value[]): { v: Scalar; fromRange: boolean }[] =>
    args.flatMap((a): { v: Scalar; fromRange: boolean }[] =>
      isRange(a) || Array.isArray(a)
        ? grid(state, a)
            .flat()
            .map((v) => ({ v, fromRange: true }))
        : [{ v: a as Scalar, fromRange: false }],
    );
  const numbers = (state: FakeWorkbookState, args: Value[]): number[] | FakeErrorValue => {
    const out: number[] = [];
    for (const { v, fromRange } of flat(state, args)) {
      if (v instanceof FakeErrorValue) return v;
      if (typeof v === 'number') out.push(v);
      else if (!fromRange) {
        const n = num(v);
        if (n instanceof FakeErrorValue) return n;
        out.push(n);
      }
    }
    return out;
  };
  const truthy = (v: Scalar): boolean | FakeErrorValue => {
    if (v instanceof FakeErrorValue) return v;
    if (typeof v === 'string') {
      if (v === '') return false;
      const t = v.toUpperCase();
      return t === 'TRUE' ? true : t === 'FALSE' ? false : NA('#VALUE!');
    }
    return Boolean(v);
  };
  const matches = (v: Scalar, criterion: Scalar): boolean => {
    const c = String(criterion);
    const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(c)!;
    const op = m[1] ?? '=';
    const target = m[2];
    const n = Number(target);
    if (target !== '' && Number.isFinite(n) && typeof v === 'number')
      return { '=': v === n, '<>': v !== n, '<': v < n, '>': v > n, '<=': v <= n, '>=': v >= n }[op]!;
    const text = v instanceof FakeErrorValue ? v.code : String(v);
    return op === '<>'
      ? text.toLowerCase() !== target.toLowerCase()
      : op === '=' && text.toLowerCase() === target.toLowerCase();
  };
  /** A range argument as the custom functions receive it: blanks as "", errors as their text. */
  const arg = (state: FakeWorkbookState, v: Value): unknown =>
    isRange(v) || Array.isArray(v)
      ? grid(state, v).map((row) => row.map((x) => (x instanceof FakeErrorValue ? x.code : x)))
      : v === ''
        ? undefined
        : v;
  const one = (v: Value | undefined): unknown => {
    if (v === undefined) return undefined;
    const x = scalarOf(v);
    return x === '' ? undefined : x instanceof FakeErrorValue ? x.code : x;
  };
  /** What a custom function's cell shows: its value, or its error (only #VALUE! keeps the function's message). */
  const custom = (out: ceeas.Outcome<unknown>): Scalar =>
    out.ok
      ? (out.value as Scalar)
      : out.code === 'invalidNumber'
        ? NA('#NUM!')
        : new FakeErrorValue('#VALUE!', out.message);
  /** The first error among a custom function's arguments: Excel shows it instead of calling the function. */
  const inputError = (state: FakeWorkbookState, args: Value[]): FakeErrorValue | null => {
    for (const a of args) {
      const cells = isRange(a) || Array.isArray(a) ? grid(state, a).flat() : [a as Scalar];
      const e = cells.find((v) => v instanceof FakeErrorValue);
      if (e) return e as FakeErrorValue;
    }
    return null;
  };

  function evaluate(state: FakeWorkbookState, sheet: FakeSheet, n: Node): Value {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'arr':
        return n.rows;
      case 'ref': {
        const target = n.sheet === null ? sheet : state.sheet(n.sheet);
        if (!target) return NA('#REF!');
        return { sheet: target, r1: n.r1, c1: n.c1, r2: n.r2, c2: n.c2 };
      }
      case 'un': {
        const a = num(scalarOf(evaluate(state, sheet, n.a)));
        return a instanceof FakeErrorValue ? a : n.op === '-' ? -a : a;
      }
      case 'bin': {
        const a = scalarOf(evaluate(state, sheet, n.a));
        const b = scalarOf(evaluate(state, sheet, n.b));
        if (a instanceof FakeErrorValue) return a;
        if (b instanceof FakeErrorValue) return b;
        if (n.op === '&') return `${a}${b}`;
        if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) {
          const cmp =
            typeof a === 'string' || typeof b === 'string'
              ? String(a).toLowerCase().localeCompare(String(b).toLowerCase())
              : Number(a) - Number(b);
          return { '=': cmp === 0, '<>': cmp !== 0, '<': cmp < 0, '>': cmp > 0, '<=': cmp <= 0, '>=': cmp >= 0 }[n.op]!;
        }
        const x = num(a);
        const y = num(b);
        if (x instanceof FakeErrorValue) return x;
        if (y instanceof FakeErrorValue) return y;
        if (n.op === '/' && y === 0) return NA('#DIV/0!');
        return n.op === '+' ? x + y : n.op === '-' ? x - y : n.op === '*' ? x * y : x / y;
      }
      case 'fn':
        return call(state, sheet, n.name, n.args);
    }
  }

  function call(state: FakeWorkbookState, sheet: FakeSheet, name: string, nodes: Node[]): Value {
    const lazy = (i: number) => evaluate(state, sheet, nodes[i]);
    if (name === 'IF') {
      const test = truthy(scalarOf(lazy(0)));
      if (test instanceof FakeErrorValue) return test;
      return test ? lazy(1) : nodes.length > 2 ? lazy(2) : false;
    }
    if (name === 'IFERROR') {
      const v = scalarOf(lazy(0));
      return v instanceof FakeErrorValue ? lazy(1) : v;
    }
    const args = nodes.map((_n, i) => lazy(i));
    const nums = () => numbers(state, args);
    if (name.startsWith('CEEAS.')) {
      if (!state.rules.functionsRegistered) return NA('#NAME?');
      if (state.calculating()) return NA('#BUSY!');
      const e = inputError(state, args);
      if (e) return e;
    }
    switch (name) {
      case 'SUM': {
        const xs = nums();
        return xs instanceof FakeErrorValue ? xs : xs.reduce((a, b) => a + b, 0);
      }
      case 'COUNT':
        return flat(state, args).filter(({ v }) => typeof v === 'number').length;
      case 'COUNTA':
        return flat(state, args).filter(({ v }) => v !== '').length;
      case 'AVERAGE': {
        const xs = nums();
        if (xs instanceof FakeErrorValue) return xs;
        return xs.length === 0 ? NA('#DIV/0!') : xs.reduce((a, b) => a + b, 0) / xs.length;
      }
      case 'MAX':
      case 'MIN': {
        const xs = nums();
        if (xs instanceof FakeErrorValue) return xs;
        return xs.length === 0 ? 0 : name === 'MAX' ? Math.max(...xs) : Math.min(...xs);
      }
      case 'AND':
      case 'OR': {
        const vs = flat(state, args).map(({ v }) => truthy(v));
        const err = vs.find((v) => v instanceof FakeErrorValue);
        if (err) return err;
        return name === 'AND' ? vs.every(Boolean) : vs.some(Boolean);
      }
      case 'NOT': {
        const v = truthy(scalarOf(args[0]));
        return v instanceof FakeErrorValue ? v : !v;
      }
      case 'MATCH': {
        const wanted = scalarOf(args[0]);
        const cells = grid(state, args[1]).flat();
        const at = cells.findIndex((v) => v !== '' && matches(v, wanted));
        return at < 0 ? NA('#N/A') : at + 1;
      }
      case 'INDEX': {
        const r = num(scalarOf(args[1]));
        const c = num(scalarOf(args[2] ?? 1));
        if (r instanceof FakeErrorValue) return r;
        if (c instanceof FakeErrorValue) return c;
        const v = grid(state, args[0])[r - 1]?.[c - 1];
        return v === undefined ? NA('#REF!') : v;
      }
      case 'ISNUMBER':
        return typeof scalarOf(args[0]) === 'number';
      case 'ISTEXT':
        return typeof scalarOf(args[0]) === 'string' && scalarOf(args[0]) !== '';
      case 'ISBLANK':
        return scalarOf(args[0]) === '';
      case 'INT':
      case 'ABS': {
        const v = num(scalarOf(args[0]));
        return v instanceof FakeErrorValue ? v : name === 'INT' ? Math.floor(v) : Math.abs(v);
      }
      case 'ROUND': {
        const v = num(scalarOf(args[0]));
        const d = num(scalarOf(args[1] ?? 0));
        if (v instanceof FakeErrorValue) return v;
        if (d instanceof FakeErrorValue) return d;
        const f = 10 ** d;
        return (Math.sign(v) * Math.round(Math.abs(v) * f + 1e-9)) / f;
      }
      case 'COUNTIF':
      case 'COUNTIFS': {
        const pairs: [Scalar[], Scalar][] = [];
        for (let i = 0; i < args.length; i += 2) pairs.push([grid(state, args[i]).flat(), scalarOf(args[i + 1])]);
        let count = 0;
        for (let j = 0; j < (pairs[0]?.[0].length ?? 0); j++)
          if (pairs.every(([cells, c]) => matches(cells[j], c))) count++;
        return count;
      }
      case 'CEEAS.TOTAL':
        return custom(ceeas.total(arg(state, args[0]), arg(state, args[1])));
      case 'CEEAS.ROUNDMEAN':
        return custom(ceeas.roundMeanOf(arg(state, args[0]), arg(state, args[1]), arg(state, args[2])));
      case 'CEEAS.SCORE':
        return custom(
          ceeas.score(
            arg(state, args[0]) as unknown[][],
            arg(state, args[1]) as unknown[][],
            arg(state, args[2]) as unknown[][],
            arg(state, args[3]),
            arg(state, args[4]),
            arg(state, args[5]),
          ),
        );
      // Parameters declared as a number or text receive a single cell's value, as Excel passes them.
      case 'CEEAS.GRADE':
        return custom(ceeas.grade(one(args[0]), one(args[1]), one(args[2])));
      case 'CEEAS.BAND':
        return custom(ceeas.band(one(args[0]), one(args[1])));
      case 'CEEAS.CHECK':
        return custom(ceeas.check(one(args[0]), one(args[1]), one(args[2])));
      default:
        return NA('#NAME?');
    }
  }

  return (state, sheet, row, column) => {
    const calculating = state.calculating();
    const views = caches.get(state) ?? [];
    caches.set(state, views);
    let view = views.find((v) => v.calculating === calculating);
    if (!view || view.revision !== state.revision) {
      view = { revision: state.revision, calculating, cache: new Map() };
      caches.set(state, [...views.filter((v) => v.calculating !== calculating), view]);
    }
    cache = view.cache;
    current = state;
    return cellValue(state, sheet, row, column);
  };
}
