// A fake Excel host for tests: the subset of the Excel JavaScript API our Office host uses, with Excel's rules.
//
// - Nothing happens until context.sync(): every call is queued and the queue runs, in order, at the next sync.
// - A property read before load() and sync() throws PropertyNotLoaded; a loaded property is what the workbook held
//   at that point of the batch, not later.
// - An operation that fails (a missing sheet, a wrong password, a write into a protected sheet) stops its batch
//   there: the operations before it have happened, those after it have not, and sync() rejects.
// - Every sync and the size of every request are recorded, so tests can count round trips and payloads.
//
// It runs in Node (jest) and in the browser (the end-to-end task pane page), so it imports nothing from Node.

import { a1, columnNumber, parseA1 } from '../../src/workbook/address';

export interface FakeCell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  style: Record<string, unknown>;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

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

export function rectAddress(r: Rect): string {
  return r.r1 === r.r2 && r.c1 === r.c2 ? a1(r.r1, r.c1) : `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
}

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;

/** Cells by row and column; only cells ever touched exist. Iterates as [A1 address, cell] like a Map. */
export class CellStore {
  private rows: (FakeCell | undefined)[][] = [];

  get(address: string): FakeCell | undefined {
    const { row, column } = parseA1(address);
    return this.rows[row]?.[column];
  }

  at(row: number, column: number): FakeCell | undefined {
    return this.rows[row]?.[column];
  }

  ensure(row: number, column: number): FakeCell {
    const line = (this.rows[row] ??= []);
    return (line[column] ??= { value: '', formula: null, numberFormat: 'General', locked: true, style: {} });
  }

  /** Existing cells inside the rectangle. */
  *within(rect: Rect): Generator<[number, number, FakeCell]> {
    const last = Math.min(rect.r2, this.rows.length - 1);
    for (let r = rect.r1; r <= last; r++) {
      const line = this.rows[r];
      if (!line) continue;
      const end = Math.min(rect.c2, line.length - 1);
      for (let c = rect.c1; c <= end; c++) if (line[c]) yield [r, c, line[c]!];
    }
  }

  /** Every cell of the rectangle, created when missing (whole rows and columns are capped at what exists). */
  *every(rect: Rect): Generator<FakeCell> {
    const r2 = rect.r2 === MAX_ROW ? Math.max(rect.r1, this.rows.length - 1) : rect.r2;
    for (let r = rect.r1; r <= r2; r++) {
      const c2 = rect.c2 === MAX_COL ? Math.max(rect.c1, (this.rows[r]?.length ?? 1) - 1) : rect.c2;
      for (let c = rect.c1; c <= c2; c++) yield this.ensure(r, c);
    }
  }

  delete(rect: Rect): void {
    for (const [r, c] of [...this.within(rect)]) delete this.rows[r]![c];
  }

  /** The last row that has ever held a cell. */
  rowCount(): number {
    return this.rows.length - 1;
  }

  /** The smallest rectangle holding every cell with a value or a formula, or null. */
  usedRect(): Rect | null {
    let rect: Rect | null = null;
    this.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (!cell || (cell.value === '' && cell.formula === null)) return;
        if (!rect) rect = { r1: r, c1: c, r2: r, c2: c };
        else {
          rect.r1 = Math.min(rect.r1, r);
          rect.r2 = Math.max(rect.r2, r);
          rect.c1 = Math.min(rect.c1, c);
          rect.c2 = Math.max(rect.c2, c);
        }
      }),
    );
    return rect;
  }

  *[Symbol.iterator](): Generator<[string, FakeCell]> {
    for (let r = 0; r < this.rows.length; r++) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) if (line[c]) yield [a1(r, c), line[c]!];
    }
  }
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title: string;
  name: string;
  position?: string;
  legend?: string;
}

export class FakeSheet {
  cells = new CellStore();
  merges: string[] = [];
  /** Data validation per single cell (A1), as the host set it. */
  validations = new Map<string, Record<string, unknown>>();
  conditionalFormats: { ref: string; formula: string; format: Record<string, unknown> }[] = [];
  tables: { name: string; ref: string }[] = [];
  charts: FakeChart[] = [];
  protectedWith: { password: string | undefined; options: unknown } | null = null;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {};
  freeze: string | null = null;
  tabColor = '';
  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell {
    return this.cells.ensure(row, column);
  }
}

/** An error value such as #VALUE! in a cell (Office.js reads it as the text, with the value type "Error"). */
export class FakeErrorValue {
  constructor(readonly code: string) {}
}

/** What a cell shows: its constant, or its formula's calculated value. */
function shown(state: FakeWorkbookState, s: FakeSheet, c: FakeCell | undefined, r: number, k: number): unknown {
  if (!c) return '';
  return c.formula !== null ? state.valueOf(s, r, k) : c.value;
}

/** Computes a formula cell's value, as Excel's calculation would; without one, formula cells read as blank. */
export type FakeCalculator = (state: FakeWorkbookState, sheet: FakeSheet, row: number, column: number) => unknown;

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  syncs = 0;
  requestBytes: number[] = [];
  /** The size of what each sync's loads sent back (Excel on the web limits responses to 5 MB too). */
  responseBytes: number[] = [];
  active: string | null = null;
  selected: string | null = null;
  calculator: FakeCalculator | null = null;
  /** Changes with every operation that may change the workbook, so calculated values are not reused across it. */
  revision = 0;

  /** The value Excel would show in a formula cell. */
  valueOf(sheet: FakeSheet, row: number, column: number): unknown {
    return this.calculator ? this.calculator(this, sheet, row, column) : '';
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

interface Queued {
  /** What travels to Excel, for the request size. */
  wire: unknown[];
  run: () => void;
}

export class FakeContext {
  private queue: Queued[] = [];
  /** What the loads of the running batch captured, as JSON bytes. */
  loadedBytes = 0;
  readonly workbook: { worksheets: FakeWorksheets };

  constructor(readonly state: FakeWorkbookState) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }

  /** Queues an operation for the next sync. */
  op(wire: unknown[], run: () => void = () => undefined): void {
    this.queue.push({ wire, run });
  }

  /** A write into a sheet: refused when the sheet is protected, unless `allowed` says the protection permits it. */
  write(sheet: FakeSheet, wire: unknown[], run: () => void, allowed: () => boolean = () => false): void {
    this.op(wire, () => {
      if (sheet.protectedWith && !allowed())
        throw new FakeError('AccessDenied', `the sheet ${sheet.name} is protected (${String(wire[0])})`);
      run();
    });
  }

  async sync(): Promise<void> {
    this.state.syncs++;
    const queue = this.queue;
    this.queue = [];
    this.state.requestBytes.push(JSON.stringify(queue.map((q) => q.wire)).length);
    this.loadedBytes = 0;
    try {
      for (const q of queue) {
        if (q.wire[0] !== 'load') this.state.revision++;
        q.run(); // the first failure ends the batch, as in Excel
      }
    } finally {
      this.state.responseBytes.push(this.loadedBytes);
    }
  }
}

class PropertyNotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

abstract class Loadable {
  private loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  /** Queues the load; each property is captured when the batch reaches it. */
  load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim().split('/')[0]);
    this.ctx.op(['load', list], () => {
      for (const p of list) {
        const value = this.capture(p);
        this.loaded.set(p, value);
        if (Array.isArray(value) && Array.isArray(value[0])) this.ctx.loadedBytes += JSON.stringify(value).length;
      }
    });
    return this;
  }

  protected abstract capture(prop: string): unknown;

  protected got<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** For objects Excel hands back already loaded (the items of a loaded collection). */
  preload(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
}

class FakeWorksheets extends Loadable {
  /** What each item carries when the collection is loaded ("items/name,items/protection/protected"). */
  private itemProps: string[] = [];
  override load(props: string | string[]): this {
    const list = Array.isArray(props) ? props : props.split(',');
    this.itemProps = list
      .map((p) => p.trim().split('/'))
      .filter((p) => p[0] === 'items' && p[1])
      .map((p) => p[1]);
    return super.load(list);
  }
  protected capture(prop: string): unknown {
    if (prop === 'items')
      return this.ctx.state.sheets.map((s) => ({
        sheet: s,
        props: Object.fromEntries(
          this.itemProps.map((p) => [p, p === 'protection' ? { protected: s.protectedWith !== null } : s.name]),
        ),
      }));
    throw new Error(`the fake does not load worksheets.${prop}`);
  }
  get items(): FakeWorksheet[] {
    return this.got<{ sheet: FakeSheet; props: Record<string, unknown> }[]>('items').map(({ sheet, props }) => {
      const ws = new FakeWorksheet(this.ctx, () => sheet);
      for (const [p, v] of Object.entries(props)) ws.preload(p, v);
      return ws;
    });
  }
  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name));
    this.ctx.op(['getItem', name], () => {
      if (!this.ctx.state.sheet(name)) throw new FakeError('ItemNotFound', name);
    });
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name));
  }
  add(name: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    this.ctx.op(['addSheet', name], () => {
      if (this.ctx.state.sheet(name)) throw new FakeError('ItemAlreadyExists', name);
      made = new FakeSheet(name);
      this.ctx.state.sheets.push(made);
    });
    return new FakeWorksheet(this.ctx, () => made);
  }
}

export class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    /** The sheet this proxy stands for, resolved when the batch runs (it may be added earlier in the batch). */
    private readonly resolve: () => FakeSheet | undefined,
  ) {
    super(ctx);
  }

  /** The sheet, or a failure of the operation that needed it. */
  private sheetNow(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeError('ItemNotFound', 'the worksheet does not exist');
    return s;
  }

  /** Runs `fn` on the sheet when the batch reaches it, as a write that protection refuses. */
  private writeOp(wire: unknown[], fn: (s: FakeSheet) => void, allowed?: (s: FakeSheet) => boolean): void {
    this.ctx.op(wire, () => {
      const s = this.sheetNow();
      if (s.protectedWith && !(allowed?.(s) ?? false))
        throw new FakeError('AccessDenied', `the sheet ${s.name} is protected (${String(wire[0])})`);
      fn(s);
    });
  }

  protected capture(prop: string): unknown {
    const s = this.resolve();
    if (prop === 'isNullObject') return !s;
    if (!s) return undefined; // a null object's other properties are empty, not an error
    if (prop === 'name') return s.name;
    if (prop === 'protection') return { protected: s.protectedWith !== null };
    throw new Error(`the fake does not load worksheet.${prop}`);
  }

  get isNullObject(): boolean {
    return this.got('isNullObject');
  }
  get name(): string {
    return this.got('name');
  }

  get protection() {
    const got = () => this.got<{ protected: boolean } | undefined>('protection');
    return {
      protect: (options?: unknown, password?: string): void =>
        this.ctx.op(['protect', options], () => {
          const s = this.sheetNow();
          if (s.protectedWith) throw new FakeError('InvalidOperation', `the sheet ${s.name} is already protected`);
          s.protectedWith = { password, options };
        }),
      unprotect: (password?: string): void =>
        this.ctx.op(['unprotect'], () => {
          const s = this.sheetNow();
          if (s.protectedWith?.password && s.protectedWith.password !== password)
            throw new FakeError('InvalidArgument', `wrong password for ${s.name}`);
          s.protectedWith = null;
        }),
      load: (props: string) => void this.load(props.split(',').map((p) => `protection/${p.trim()}`)),
      /** Loaded through the worksheet ("protection/protected") or protection.load("protected"). */
      get protected(): boolean {
        return got()?.protected ?? false;
      },
    };
  }

  get freezePanes() {
    const set = (how: string) => this.writeOp(['freeze', how], (s) => void (s.freeze = how));
    return {
      freezeAt: (r: FakeRange) => set(rectAddress(r.rect)),
      freezeRows: (n: number) => set(`rows:${n}`),
      freezeColumns: (n: number) => set(`columns:${n}`),
    };
  }

  // PageLayout (ExcelApi 1.9): setPrintTitleRows / setPrintTitleColumns take "$1:$5" / "$B:$C"; zoom is
  // PageLayoutZoomOptions ({ scale } or fit-to pages); page breaks are added by the cell they start at.
  // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
  get pageLayout(): Record<string, unknown> & {
    setPrintTitleRows: (a: string) => void;
    setPrintTitleColumns: (a: string) => void;
  } {
    type Layout = Record<string, unknown> & {
      setPrintTitleRows: (a: string) => void;
      setPrintTitleColumns: (a: string) => void;
    };
    return new Proxy({} as Record<string, unknown>, {
      get: (_t, p: string) =>
        p === 'setPrintTitleRows'
          ? (a: string) => this.writeOp(['titles', a], (s) => void (s.pageLayout.titleRows = a))
          : p === 'setPrintTitleColumns'
            ? (a: string) => this.writeOp(['titleColumns', a], (s) => void (s.pageLayout.titleColumns = a))
            : undefined,
      set: (_t, p: string, v) => {
        this.writeOp(['layout', p, v], (s) => void (s.pageLayout[p] = v));
        return true;
      },
    }) as Layout;
  }

  get horizontalPageBreaks() {
    return {
      add: (a: string) =>
        this.writeOp(['break', a], (s) => {
          s.pageLayout.breaks = [...((s.pageLayout.breaks as string[]) ?? []), a];
        }),
    };
  }

  get verticalPageBreaks() {
    return {
      add: (a: string) =>
        this.writeOp(['columnBreak', a], (s) => {
          s.pageLayout.columnBreaks = [...((s.pageLayout.columnBreaks as string[]) ?? []), a];
        }),
    };
  }

  get tables() {
    return {
      add: (address: string, _headers: boolean) => {
        const t = { name: '', ref: address.slice(address.lastIndexOf('!') + 1) };
        this.writeOp(['table', address], (s) => void s.tables.push(t));
        return new Proxy(t, {
          set: (target, p: string, v) => {
            this.ctx.op(['tableName', v], () => void ((target as Record<string, unknown>)[p] = v));
            return true;
          },
        });
      },
    };
  }

  private chartCollection: FakeChartCollection | null = null;
  /** One collection object per worksheet object, as in Office.js, so what it loaded stays with it. */
  get charts(): FakeChartCollection {
    return (this.chartCollection ??= new FakeChartCollection(
      this.ctx,
      () => this.resolve(),
      (wire, fn) => this.writeOp(wire, fn),
    ));
  }

  /** Moves the sheet to a zero-based position among the sheets, as Excel does. */
  set position(at: number) {
    this.ctx.op(['position', at], () => {
      const s = this.sheetNow();
      const list = this.ctx.state.sheets.filter((x) => x !== s);
      list.splice(Math.min(at, list.length), 0, s);
      this.ctx.state.sheets = list;
    });
  }

  set tabColor(color: string) {
    this.ctx.op(['tab', color], () => void (this.sheetNow().tabColor = color));
  }

  activate(): void {
    this.ctx.op(['activate'], () => void (this.ctx.state.active = this.sheetNow().name));
  }

  getRange(address?: string): FakeRange {
    const rect = address ? rectOf(address) : { r1: 1, c1: 1, r2: MAX_ROW, c2: MAX_COL };
    return new FakeRange(
      this.ctx,
      () => this.sheetNow(),
      () => rect,
    );
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => this.sheetNow(),
      () => this.sheetNow().cells.usedRect(),
    );
  }
}

/** A chart as the host code holds it: set its title, legend and position, or delete it. */
class FakeChartObject {
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: FakeChart,
    private readonly owner: () => FakeSheet | undefined,
  ) {}
  get title(): { text: string } {
    return new Proxy({} as { text: string }, {
      set: (_t, _p, v) => (this.ctx.op(['chartTitle', v], () => void (this.chart.title = v as string)), true),
    });
  }
  get legend(): Record<string, unknown> {
    return new Proxy({} as Record<string, unknown>, {
      set: (_t, p, v) => (this.ctx.op(['legend', p, v], () => void (this.chart.legend = String(v))), true),
    });
  }
  set name(v: string) {
    this.ctx.op(['chartName', v], () => void (this.chart.name = v));
  }
  setPosition(start: string, end?: string): void {
    this.ctx.op(['chartPosition', start, end], () => void (this.chart.position = end ? `${start}:${end}` : start));
  }
  delete(): void {
    this.ctx.op(['chartDelete'], () => {
      const s = this.owner();
      if (s?.protectedWith) throw new FakeError('AccessDenied', `the sheet ${s.name} is protected (chart)`);
      if (s) s.charts = s.charts.filter((c) => c !== this.chart);
    });
  }
}

class FakeChartCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet | undefined,
    private readonly writeOp: (wire: unknown[], fn: (s: FakeSheet) => void) => void,
  ) {
    super(ctx);
  }
  protected capture(prop: string): unknown {
    if (prop === 'items') return [...(this.sheet()?.charts ?? [])];
    throw new Error(`the fake does not load charts.${prop}`);
  }
  get items(): FakeChartObject[] {
    return this.got<FakeChart[]>('items').map((c) => new FakeChartObject(this.ctx, c, this.sheet));
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChartObject {
    const chart: FakeChart = { type, source: rectAddress(source.rect), seriesBy, title: '', name: '' };
    this.writeOp(['chart', type, chart.source], (s) => void s.charts.push(chart));
    return new FakeChartObject(this.ctx, chart, this.sheet);
  }
}

export class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    /** Resolved when the batch reaches the range: a used range depends on what the batch wrote before it. */
    private readonly where: () => Rect | null,
  ) {
    super(ctx);
  }

  /** The rectangle as given (a used range's is only known once loaded). */
  get rect(): Rect {
    const r = this.where();
    if (!r) throw new Error('the used range of an empty sheet has no rectangle');
    return r;
  }

  private grid<T>(pick: (c: FakeCell | undefined, row: number, column: number) => T): T[][] {
    const s = this.sheet();
    const rect = this.rect;
    const out: T[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: T[] = [];
      for (let k = rect.c1; k <= rect.c2; k++) row.push(pick(s.cells.at(r, k), r, k));
      out.push(row);
    }
    return out;
  }

  protected capture(prop: string): unknown {
    const s = this.sheet();
    if (prop === 'isNullObject') return this.where() === null;
    if (this.where() === null) throw new FakeError('InvalidOperation', 'the range is a null object');
    switch (prop) {
      case 'address':
        return `'${s.name}'!${rectAddress(this.rect)}`;
      case 'values':
        return this.grid((c, r, k) => {
          const v = shown(this.ctx.state, s, c, r, k);
          return v instanceof FakeErrorValue ? v.code : v;
        });
      case 'valueTypes':
        return this.grid((c, r, k) => {
          const v = shown(this.ctx.state, s, c, r, k);
          if (v instanceof FakeErrorValue) return 'Error';
          if (v === '' || v === null || v === undefined) return 'Empty';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      case 'formulas':
        return this.grid((c) => (!c ? '' : c.formula !== null ? `=${c.formula}` : c.value));
      default:
        throw new Error(`the fake does not load range.${prop}`);
    }
  }

  get isNullObject(): boolean {
    return this.got('isNullObject');
  }
  get address(): string {
    return this.got('address');
  }
  get values(): unknown[][] {
    return this.got('values');
  }
  get valueTypes(): string[][] {
    return this.got('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.got('formulas');
  }

  /** Every cell of the range is unlocked: what a protected sheet lets anyone type into. */
  private allUnlocked(s: FakeSheet, rows: number, columns: number): boolean {
    const { r1, c1 } = this.rect;
    for (let r = 0; r < rows; r++)
      for (let k = 0; k < columns; k++) if (s.cells.at(r1 + r, c1 + k)?.locked !== false) return false;
    return true;
  }

  private writeGrid(wire: string, grid: unknown[][], each: (c: FakeCell, v: unknown) => void): void {
    const s = this.sheet;
    this.ctx.op([wire, rectAddress(this.rect), grid], () => {
      const sheet = s();
      const { r1, c1, r2, c2 } = this.rect;
      if (grid.length !== r2 - r1 + 1 || grid.some((row) => row.length !== c2 - c1 + 1))
        throw new FakeError('InvalidArgument', `the ${wire} grid does not match ${rectAddress(this.rect)}`);
      if (sheet.protectedWith && (wire !== 'formulas' || !this.allUnlocked(sheet, grid.length, grid[0]?.length ?? 0)))
        throw new FakeError('AccessDenied', `the sheet ${sheet.name} is protected (${wire})`);
      // As in Excel, null leaves a cell as it is.
      grid.forEach((row, i) => row.forEach((v, k) => v !== null && each(sheet.cell(r1 + i, c1 + k), v)));
    });
  }

  set formulas(grid: unknown[][]) {
    this.writeGrid('formulas', grid, (c, v) => {
      if (typeof v === 'string' && v.startsWith('=') && c.numberFormat !== '@') {
        c.formula = v.slice(1);
        c.value = '';
      } else {
        c.formula = null;
        c.value = v;
      }
    });
  }
  set values(grid: unknown[][]) {
    this.formulas = grid;
  }
  set numberFormat(grid: string[][]) {
    this.writeGrid('numberFormat', grid, (c, f) => void (c.numberFormat = f as string));
  }

  private eachCell(wire: unknown[], fn: (c: FakeCell) => void): void {
    const rect = this.rect;
    this.eachWrite(wire, (s) => {
      for (const c of s.cells.every(rect)) fn(c);
    });
  }

  get format(): Record<string, unknown> {
    const ref = rectAddress(this.rect);
    const styleSetter = (group: string) =>
      new Proxy(
        {},
        {
          set: (_t, p: string, v) => {
            this.eachCell(['format', group, p, v, ref], (c) => void (c.style[`${group}.${p}`] = v));
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
              if (p === 'locked') this.eachCell(['locked', v, ref], (c) => void (c.locked = v as boolean));
              return true;
            },
          },
        ),
        borders: { getItem: (edge: string) => styleSetter(`border.${edge}`) },
      },
      {
        set: (_t, p: string, v) => {
          const rect = this.rect;
          if (p === 'columnWidth')
            this.eachWrite(['columnWidth', v, ref], (s) => {
              for (let k = rect.c1; k <= rect.c2; k++) s.columnWidths.set(k, v as number);
            });
          else if (p === 'rowHeight')
            this.eachWrite(['rowHeight', v, ref], (s) => {
              for (let r = rect.r1; r <= Math.min(rect.r2, rect.r1 + 100000); r++) s.rowHeights.set(r, v as number);
            });
          else this.eachCell(['format', p, v, ref], (c) => void (c.style[p] = v));
          return true;
        },
      },
    );
  }

  private eachWrite(wire: unknown[], fn: (s: FakeSheet) => void): void {
    const s = this.sheet;
    this.ctx.op(wire, () => {
      const sheet = s();
      if (sheet.protectedWith) throw new FakeError('AccessDenied', `the sheet ${sheet.name} is protected`);
      fn(sheet);
    });
  }

  merge(_across?: boolean): void {
    const ref = rectAddress(this.rect);
    this.eachWrite(['merge', ref], (s) => void s.merges.push(ref));
  }
  unmerge(): void {
    const rect = this.rect;
    this.eachWrite(['unmerge'], (s) => void (s.merges = s.merges.filter((m) => !inside(rectOf(m), rect))));
  }
  clear(_applyTo?: string): void {
    const rect = this.rect;
    this.eachWrite(['clear'], (s) => s.cells.delete(rect));
  }
  /** The row `i` rows below the range's first, as wide as the range. */
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => {
      const r = this.where();
      return r && { r1: r.r1 + i, r2: r.r1 + i, c1: r.c1, c2: r.c2 };
    });
  }

  /** The cells of the range holding formulas ("Formulas") or constants ("Constants"), as rectangles. */
  getSpecialCellsOrNullObject(type: 'Formulas' | 'Constants'): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheet, () => this.where(), type);
  }

  select(): void {
    const s = this.sheet;
    this.ctx.op(['select'], () => void (this.ctx.state.selected = `'${s().name}'!${rectAddress(this.rect)}`));
  }

  get dataValidation(): Record<string, unknown> & { clear: () => void } {
    const ref = rectAddress(this.rect);
    const rect = this.rect;
    const cells = (): string[] => {
      const out: string[] = [];
      for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) out.push(a1(r, c));
      return out;
    };
    return new Proxy(
      {
        clear: () =>
          this.eachWrite(['dv.clear', ref], (s) => {
            for (const key of [...s.validations.keys()]) if (inside(rectOf(key), rect)) s.validations.delete(key);
          }),
      },
      {
        set: (_t, p: string, v) => {
          this.eachWrite(['dv', p, v, ref], (s) => {
            for (const key of cells()) s.validations.set(key, { ...(s.validations.get(key) ?? {}), [p]: v });
          });
          return true;
        },
      },
    ) as Record<string, unknown> & { clear: () => void };
  }

  get conditionalFormats(): {
    add: (type: string) => { custom: { rule: { formula: string }; format: Record<string, Record<string, unknown>> } };
    clearAll: () => void;
  } {
    const ref = rectAddress(this.rect);
    return {
      add: (_type) => {
        const entry = { ref, formula: '', format: { fill: {}, font: {} } as Record<string, Record<string, unknown>> };
        this.eachWrite(['cf', ref], (s) => void s.conditionalFormats.push(entry));
        const rule = new Proxy(
          { formula: '' },
          {
            set: (t, p: string, v) => {
              this.ctx.op(['cf.formula', v], () => void (entry.formula = v as string));
              t.formula = v as string;
              return true;
            },
          },
        );
        return { custom: { rule, format: entry.format } };
      },
      clearAll: () => this.eachWrite(['cf.clear'], (s) => void (s.conditionalFormats = [])),
    };
  }
}

/** Rectangles covering the cells `pick` chooses: runs along each row, joined down where they line up. */
function rectanglesOf(cells: Iterable<[number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) (byRow.get(r) ?? byRow.set(r, []).get(r)!).push(c);
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = byRow.get(r)!.sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [c1, c2] of runs) {
      const key = `${c1}:${c2}`;
      seen.add(key);
      const prev = open.get(key);
      if (prev && prev.r2 === r - 1) prev.r2 = r;
      else {
        if (prev) done.push(prev);
        open.set(key, { r1: r, r2: r, c1, c2 });
      }
    }
    for (const [key, rect] of open) {
      if (seen.has(key)) continue;
      done.push(rect);
      open.delete(key);
    }
  }
  return [...done, ...open.values()];
}

/** What getSpecialCells returns: several rectangles, or a null object when no cell qualifies. */
class FakeRangeAreas extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly where: () => Rect | null,
    private readonly type: 'Formulas' | 'Constants',
  ) {
    super(ctx);
  }
  private rects(): Rect[] {
    const rect = this.where();
    if (!rect) return [];
    const chosen: [number, number][] = [];
    for (const [r, c, cell] of this.sheet().cells.within(rect)) {
      const isFormula = cell.formula !== null;
      const isConstant = !isFormula && cell.value !== '' && cell.value !== null;
      if (this.type === 'Formulas' ? isFormula : isConstant) chosen.push([r, c]);
    }
    return rectanglesOf(chosen);
  }
  protected capture(prop: string): unknown {
    if (prop === 'isNullObject') return this.rects().length === 0;
    if (prop === 'address')
      return this.rects()
        .map((r) => `'${this.sheet().name}'!${rectAddress(r)}`)
        .join(',');
    throw new Error(`the fake does not load rangeAreas.${prop}`);
  }
  get isNullObject(): boolean {
    return this.got('isNullObject');
  }
  get address(): string {
    return this.got('address');
  }
}

/** A fresh fake workbook and a context over it, typed as Excel's so the host code is exercised as written. */
export function fakeExcel(state = new FakeWorkbookState()): {
  state: FakeWorkbookState;
  context: Excel.RequestContext;
  fake: FakeContext;
} {
  const fake = new FakeContext(state);
  return { state, fake, context: fake as unknown as Excel.RequestContext };
}

/** `Excel` as the task pane sees it, over one fake workbook: `Excel.run` hands each batch a fresh context. */
export function fakeExcelNamespace(state: FakeWorkbookState): Pick<typeof Excel, 'run'> {
  return {
    run: (async (work: (context: Excel.RequestContext) => Promise<unknown>) =>
      work(fakeExcel(state).context)) as unknown as typeof Excel.run,
  };
}
