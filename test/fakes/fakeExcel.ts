// A fake Excel host for tests: the subset of the Excel JavaScript API our Office host uses, with Excel's rules —
// a property read before load() and sync() throws, a missing item fails at sync, collections need loading — and
// a record of every sync and of the size of each request.

import { a1, cellsOf, columnNumber, parseA1 } from '../../src/workbook/address';

export interface FakeCell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  style: Record<string, unknown>;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: string[] = [];
  validations = new Map<string, Record<string, unknown>>();
  conditionalFormats: { ref: string; formula: string; format: Record<string, unknown> }[] = [];
  tables: { name: string; ref: string }[] = [];
  protectedWith: { password: string | undefined } | null = null;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {};
  freeze: string | null = null;
  tabColor = '';
  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell {
    const key = a1(row, column);
    let c = this.cells.get(key);
    if (!c) {
      c = { value: '', formula: null, numberFormat: 'General', locked: true, style: {} };
      this.cells.set(key, c);
    }
    return c;
  }
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  syncs = 0;
  requestBytes: number[] = [];
}

class PropertyNotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function rectOf(address: string): Rect {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to = from] = local.split(':');
  const whole = (p: string, end: boolean): { row: number; column: number } => {
    if (/^\d+$/.test(p)) return { row: Number(p), column: end ? MAX_COL : 1 };
    if (/^[A-Z]+$/i.test(p)) return { row: end ? MAX_ROW : 1, column: columnNumber(p) };
    return parseA1(p);
  };
  const a = whole(from, false);
  const b = whole(to, true);
  return { r1: a.row, c1: a.column, r2: b.row, c2: b.column };
}

function rectAddress(r: Rect): string {
  return r.r1 === r.r2 && r.c1 === r.c2 ? a1(r.r1, r.c1) : `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
}

export class FakeContext {
  private pendingLoads: { target: Loadable; props: string[] }[] = [];
  private pendingError: Error | null = null;
  private ops: unknown[] = [];
  readonly workbook: { worksheets: FakeWorksheets };

  constructor(readonly state: FakeWorkbookState) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }

  op(...args: unknown[]): void {
    this.ops.push(args);
  }

  queueLoad(target: Loadable, props: string[]): void {
    this.pendingLoads.push({ target, props });
  }

  fail(error: Error): void {
    this.pendingError ??= error;
  }

  async sync(): Promise<void> {
    this.state.syncs++;
    this.state.requestBytes.push(JSON.stringify(this.ops).length);
    this.ops = [];
    const error = this.pendingError;
    this.pendingError = null;
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    if (error) throw error;
    for (const l of loads) for (const p of l.props) l.target.loaded.add(p);
  }
}

abstract class Loadable {
  loaded = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim().split('/')[0]);
    this.ctx.op('load', list);
    this.ctx.queueLoad(this, list);
    return this;
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(prop);
  }
}

class FakeWorksheets extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  get items(): FakeWorksheet[] {
    this.need('items');
    return this.ctx.state.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, s);
      ws.loaded.add('name');
      return ws;
    });
  }
  getItem(name: string): FakeWorksheet {
    const s = this.ctx.state.sheets.find((x) => x.name === name);
    if (!s) this.ctx.fail(new Error(`ItemNotFound: ${name}`));
    return new FakeWorksheet(this.ctx, s ?? new FakeSheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const s = this.ctx.state.sheets.find((x) => x.name === name);
    return new FakeWorksheet(this.ctx, s ?? new FakeSheet(name), !s);
  }
  add(name: string): FakeWorksheet {
    this.ctx.op('addSheet', name);
    if (this.ctx.state.sheets.some((x) => x.name === name)) this.ctx.fail(new Error(`ItemAlreadyExists: ${name}`));
    const s = new FakeSheet(name);
    this.ctx.state.sheets.push(s);
    return new FakeWorksheet(this.ctx, s);
  }
}

export class FakeWorksheet extends Loadable {
  readonly protection: { protect: (o: unknown, pw?: string) => void; unprotect: (pw?: string) => void };
  readonly freezePanes: {
    freezeAt: (r: FakeRange) => void;
    freezeRows: (n: number) => void;
    freezeColumns: (n: number) => void;
  };
  readonly pageLayout: Record<string, unknown> & { setPrintTitleRows: (a: string) => void };
  readonly horizontalPageBreaks: { add: (a: string) => void };
  readonly tables: { add: (address: string, headers: boolean) => { name: string } };

  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
    private readonly isNull = false,
  ) {
    super(ctx);
    const s = sheet;
    this.protection = {
      protect: (o, pw) => {
        ctx.op('protect', s.name, o);
        s.protectedWith = { password: pw };
      },
      unprotect: (pw) => {
        ctx.op('unprotect', s.name);
        if (s.protectedWith?.password && s.protectedWith.password !== pw)
          ctx.fail(new Error('InvalidArgument: wrong password'));
        else s.protectedWith = null;
      },
    };
    this.freezePanes = {
      freezeAt: (r) => ((s.freeze = rectAddress(r.rect)), ctx.op('freeze')),
      freezeRows: (n) => ((s.freeze = `rows:${n}`), ctx.op('freeze')),
      freezeColumns: (n) => ((s.freeze = `columns:${n}`), ctx.op('freeze')),
    };
    const layout: Record<string, unknown> = s.pageLayout;
    this.pageLayout = new Proxy(layout, {
      get: (t, p: string) =>
        p === 'setPrintTitleRows' ? (a: string) => ((t.titleRows = a), ctx.op('titles', a)) : t[p],
      set: (t, p: string, v) => ((t[p] = v), ctx.op('layout', p, v), true),
    }) as FakeWorksheet['pageLayout'];
    this.horizontalPageBreaks = {
      add: (a) => ((s.pageLayout.breaks = [...((s.pageLayout.breaks as string[]) ?? []), a]), ctx.op('break', a)),
    };
    this.tables = {
      add: (address, _headers) => {
        const t = { name: '', ref: address.slice(address.lastIndexOf('!') + 1) };
        s.tables.push(t);
        ctx.op('table', address);
        return t;
      },
    };
  }
  get isNullObject(): boolean {
    this.need('isNullObject');
    return this.isNull;
  }
  get name(): string {
    this.need('name');
    return this.sheet.name;
  }
  set tabColor(color: string) {
    this.ctx.op('tab', color);
    this.sheet.tabColor = color;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.sheet, address ? rectOf(address) : { r1: 1, c1: 1, r2: MAX_ROW, c2: MAX_COL });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const used = [...this.sheet.cells.entries()]
      .filter(([, c]) => c.value !== '' || c.formula !== null)
      .map(([k]) => parseA1(k));
    if (used.length === 0) return new FakeRange(this.ctx, this.sheet, { r1: 1, c1: 1, r2: 1, c2: 1 }, true);
    const rect = {
      r1: Math.min(...used.map((u) => u.row)),
      c1: Math.min(...used.map((u) => u.column)),
      r2: Math.max(...used.map((u) => u.row)),
      c2: Math.max(...used.map((u) => u.column)),
    };
    return new FakeRange(this.ctx, this.sheet, rect);
  }
}

export class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheet,
    readonly rect: Rect,
    private readonly isNull = false,
  ) {
    super(ctx);
  }

  private forEach(fn: (c: FakeCell, r: number, k: number) => void): void {
    for (let r = this.rect.r1; r <= Math.min(this.rect.r2, this.rect.r1 + 100000); r++) {
      for (let k = this.rect.c1; k <= Math.min(this.rect.c2, this.rect.c1 + 300); k++) fn(this.sheet.cell(r, k), r, k);
    }
  }

  private grid<T>(pick: (c: FakeCell) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const row: T[] = [];
      for (let k = this.rect.c1; k <= this.rect.c2; k++) {
        const c = this.sheet.cells.get(a1(r, k));
        row.push(c ? pick(c) : pick({ value: '', formula: null, numberFormat: 'General', locked: true, style: {} }));
      }
      out.push(row);
    }
    return out;
  }

  get isNullObject(): boolean {
    this.need('isNullObject');
    return this.isNull;
  }
  get address(): string {
    this.need('address');
    return `'${this.sheet.name}'!${rectAddress(this.rect)}`;
  }
  get values(): unknown[][] {
    this.need('values');
    return this.grid((c) => (c.formula !== null ? '' : c.value));
  }
  get valueTypes(): string[][] {
    this.need('valueTypes');
    return this.grid((c) =>
      c.formula !== null || c.value === ''
        ? 'Empty'
        : typeof c.value === 'number'
          ? 'Double'
          : typeof c.value === 'boolean'
            ? 'Boolean'
            : 'String',
    );
  }
  get formulas(): unknown[][] {
    this.need('formulas');
    return this.grid((c) => (c.formula !== null ? `=${c.formula}` : c.value));
  }
  set formulas(grid: unknown[][]) {
    this.ctx.op('formulas', grid);
    grid.forEach((row, i) =>
      row.forEach((v, k) => {
        const c = this.sheet.cell(this.rect.r1 + i, this.rect.c1 + k);
        if (typeof v === 'string' && v.startsWith('=') && c.numberFormat !== '@') {
          c.formula = v.slice(1);
          c.value = '';
        } else {
          c.formula = null;
          c.value = v;
        }
      }),
    );
  }
  set numberFormat(grid: string[][]) {
    this.ctx.op('numberFormat', grid);
    grid.forEach((row, i) =>
      row.forEach((f, k) => (this.sheet.cell(this.rect.r1 + i, this.rect.c1 + k).numberFormat = f)),
    );
  }
  get format(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy traps below need the range they belong to
    const self = this;
    const styleSetter = (group: string) =>
      new Proxy(
        {},
        {
          set: (_t, p: string, v) => {
            self.ctx.op('format', group, p, v, rectAddress(self.rect));
            self.forEach((c) => (c.style[`${group}.${p}`] = v));
            return true;
          },
        },
      );
    return new Proxy(
      {
        font: styleSetter('font'),
        fill: styleSetter('fill'),
        protection: new Proxy(
          {},
          {
            set: (_t, p: string, v) => {
              self.ctx.op('locked', v, rectAddress(self.rect));
              if (p === 'locked') self.forEach((c) => (c.locked = v as boolean));
              return true;
            },
          },
        ),
        borders: { getItem: (edge: string) => styleSetter(`border.${edge}`) },
      },
      {
        set: (_t, p: string, v) => {
          self.ctx.op('format', p, v, rectAddress(self.rect));
          if (p === 'columnWidth')
            for (let k = self.rect.c1; k <= self.rect.c2; k++) self.sheet.columnWidths.set(k, v as number);
          else if (p === 'rowHeight')
            for (let r = self.rect.r1; r <= Math.min(self.rect.r2, self.rect.r1 + 100000); r++)
              self.sheet.rowHeights.set(r, v as number);
          else self.forEach((c) => (c.style[p] = v));
          return true;
        },
      },
    );
  }
  merge(_across?: boolean): void {
    this.ctx.op('merge', rectAddress(this.rect));
    this.sheet.merges.push(rectAddress(this.rect));
  }
  unmerge(): void {
    this.ctx.op('unmerge');
    const inside = (m: string): boolean => {
      const r = rectOf(m);
      return r.r1 >= this.rect.r1 && r.r2 <= this.rect.r2 && r.c1 >= this.rect.c1 && r.c2 <= this.rect.c2;
    };
    this.sheet.merges = this.sheet.merges.filter((m) => !inside(m));
  }
  clear(_applyTo?: string): void {
    this.ctx.op('clear');
    for (const key of [...this.sheet.cells.keys()]) {
      const p = parseA1(key);
      if (p.row >= this.rect.r1 && p.row <= this.rect.r2 && p.column >= this.rect.c1 && p.column <= this.rect.c2)
        this.sheet.cells.delete(key);
    }
  }
  get dataValidation(): Record<string, unknown> & { clear: () => void } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy traps below need the range they belong to
    const self = this;
    const ref = rectAddress(this.rect);
    return new Proxy(
      {
        clear: () => {
          self.ctx.op('dv.clear');
          for (const key of [...self.sheet.validations.keys()]) {
            const p = parseA1(key);
            if (p.row >= self.rect.r1 && p.row <= self.rect.r2 && p.column >= self.rect.c1 && p.column <= self.rect.c2)
              self.sheet.validations.delete(key);
          }
        },
      },
      {
        set: (_t, p: string, v) => {
          self.ctx.op('dv', p, v, ref);
          for (const { row, column } of cellsOf(ref)) {
            const key = a1(row, column);
            self.sheet.validations.set(key, { ...(self.sheet.validations.get(key) ?? {}), [p]: v });
          }
          return true;
        },
      },
    ) as Record<string, unknown> & { clear: () => void };
  }
  get conditionalFormats(): {
    add: (type: string) => { custom: { rule: { formula: string }; format: Record<string, Record<string, unknown>> } };
    clearAll: () => void;
  } {
    return {
      add: (_type) => {
        const entry = {
          ref: rectAddress(this.rect),
          formula: '',
          format: { fill: {}, font: {} } as Record<string, Record<string, unknown>>,
        };
        this.sheet.conditionalFormats.push(entry);
        this.ctx.op('cf', entry.ref);
        const rule = new Proxy(
          { formula: '' },
          { set: (t, p: string, v) => ((entry.formula = v as string), (t.formula = v as string), true) },
        );
        return { custom: { rule, format: entry.format } };
      },
      clearAll: () => {
        this.ctx.op('cf.clear');
        this.sheet.conditionalFormats = [];
      },
    };
  }
}

/** A fresh fake workbook and a context over it, typed as Excel's so the host code is exercised as written. */
export function fakeExcel(): { state: FakeWorkbookState; context: Excel.RequestContext; fake: FakeContext } {
  const state = new FakeWorkbookState();
  const fake = new FakeContext(state);
  return { state, fake, context: fake as unknown as Excel.RequestContext };
}
