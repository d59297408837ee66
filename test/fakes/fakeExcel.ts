// A fake Excel host for tests: the subset of the Excel JavaScript API our Office host uses, with Excel's rules as
// the Office.js reference and the OfficeDev/office-js issue tracker document them. test/fakes/README.md lists each
// rule with its source; in short:
//
// - Nothing happens until context.sync(): every call is queued and the queue runs, in order, at the next sync.
// - A property read before load() and sync() throws PropertyNotLoaded; a loaded property is what the workbook held
//   at that point of the batch, and it arrives only if the whole batch succeeds.
// - An operation that fails stops its batch there: the operations before it have happened (no rollback), those
//   after it have not, and sync() rejects with the error's code and the failing call as debugInfo.errorLocation.
// - Requests and responses are measured in UTF-8 bytes of the JSON Excel would receive or send (operation names,
//   sheet names, addresses, values, formats, plus an envelope per operation); Excel on the web refuses either above
//   5 MB (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded).
// - A string written into a cell that is not formatted as text is parsed as en-US Excel parses typed input.
// - Edge borders draw the outline of a range, Inside borders the lines between its cells.
// - Custom functions show #BUSY! until their results arrive and #NAME? before they are registered; they are not
//   called with error inputs (the input's error shows).
// - Protecting a protected sheet throws; unprotecting with a wrong password throws; table names are unique in the
//   workbook; the used range counts formatted cells unless valuesOnly is asked for.
// - state.failAt makes the k-th operation (counted across syncs) fail, to prove what a failure leaves behind.
//
// It runs in Node (jest) and in the browser (the end-to-end task pane page), so it imports nothing from Node.

import { a1, columnNumber, parseA1 } from '../../src/workbook/address';
import { typedValue } from './typedInput';

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

const utf8 = new TextEncoder();
/** The size of a value as Excel's JSON carries it, in UTF-8 bytes (a CJK character is three). */
export function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value ?? null)).length;
}

/** A cell that holds nothing but a format: Excel's used range counts it unless asked for values only. */
const formatted = (c: FakeCell): boolean =>
  c.numberFormat !== 'General' || c.locked === false || Object.keys(c.style).length > 0;

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
  *every(rect: Rect): Generator<[number, number, FakeCell]> {
    const r2 = rect.r2 === MAX_ROW ? Math.max(rect.r1, this.rows.length - 1) : rect.r2;
    for (let r = rect.r1; r <= r2; r++) {
      const c2 = rect.c2 === MAX_COL ? Math.max(rect.c1, (this.rows[r]?.length ?? 1) - 1) : rect.c2;
      for (let c = rect.c1; c <= c2; c++) yield [r, c, this.ensure(r, c)];
    }
  }

  delete(rect: Rect): void {
    for (const [r, c] of [...this.within(rect)]) delete this.rows[r]![c];
  }

  /** The last row that has ever held a cell. */
  rowCount(): number {
    return this.rows.length - 1;
  }

  /**
   * The smallest rectangle holding every cell with a value or a formula (and, unless `valuesOnly`, every cell with
   * a format: Worksheet.getUsedRange's documented rule), or null.
   */
  usedRect(valuesOnly = true): Rect | null {
    let rect: Rect | null = null;
    this.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (!cell) return;
        const used = cell.value !== '' || cell.formula !== null || (!valuesOnly && formatted(cell));
        if (!used) return;
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
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell {
    return this.cells.ensure(row, column);
  }
}

/** An error value such as #VALUE! in a cell (Office.js reads it as the text, with the value type "Error"). */
export class FakeErrorValue {
  constructor(
    readonly code: string,
    /** What Excel shows when the error indicator is hovered (custom functions: #VALUE! and #N/A only). */
    readonly message?: string,
  ) {}
}

/** What a cell shows: its constant, or its formula's calculated value. */
function shown(state: FakeWorkbookState, s: FakeSheet, c: FakeCell | undefined, r: number, k: number): unknown {
  if (!c) return '';
  return c.formula !== null ? state.valueOf(s, r, k) : c.value;
}

/** Computes a formula cell's value, as Excel's calculation would; without one, formula cells read as blank. */
export type FakeCalculator = (state: FakeWorkbookState, sheet: FakeSheet, row: number, column: number) => unknown;

/** Excel's behaviour the fake models; each can be changed by a test. */
export interface FakeExcelRules {
  /** Excel on the web refuses a request or a response larger than this many bytes of UTF-8 JSON ("5 MB"). */
  payloadLimit: number;
  /** The envelope of one operation in the request (its action, object path and ids), in bytes. */
  operationBytes: number;
  /** Strings written into a cell not formatted as text are parsed as typed input (en-US). */
  parseInput: boolean;
  /** Syncs after a change during which custom-function cells show #BUSY! (0: their results arrive by the next). */
  customFunctionSyncs: number;
  /** Whether the CEEAS functions are registered; before they are, their cells show #NAME?. */
  functionsRegistered: boolean;
  /** application.calculationState reads "Calculating" while custom functions are pending (else "Done" with #BUSY!). */
  reportsCalculating: boolean;
  /** office-js#6784: protect() and unprotect() throw AccessDenied, whatever the sheet's state. */
  protectionRegression: boolean;
  /** A range read is limited to this many cells (RangeExceedsLimit). */
  rangeCellLimit: number;
}

export const EXCEL_RULES: FakeExcelRules = {
  payloadLimit: 5_000_000,
  operationBytes: 64,
  parseInput: true,
  customFunctionSyncs: 0,
  functionsRegistered: true,
  reportsCalculating: true,
  protectionRegression: false,
  rangeCellLimit: 5_000_000,
};

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  syncs = 0;
  /** The size of each sync's request, in UTF-8 bytes. */
  requestBytes: number[] = [];
  /** The size of what each sync's loads sent back (Excel on the web limits responses to 5 MB too). */
  responseBytes: number[] = [];
  active: string | null = null;
  selected: string | null = null;
  calculator: FakeCalculator | null = null;
  /** Changes with every operation that may change the workbook, so calculated values are not reused across it. */
  revision = 0;
  rules: FakeExcelRules = { ...EXCEL_RULES };
  /** Operations run (or failed) so far, across syncs: the index `failAt` counts in. */
  operations = 0;
  /** The operation index that fails next (once), as a real failure inside Excel would; null for none. */
  failAt: number | null = null;
  /** The last sync during which custom functions are still calculating. */
  busyUntil = -1;
  /** Set while a batch runs: what its loads capture is what the API sees (#BUSY! included). */
  inBatch = false;
  /** The year "1/2" typed into a cell falls in. */
  year = new Date().getFullYear();
  private tableNumber = 0;

  /** The value Excel would show in a formula cell. */
  valueOf(sheet: FakeSheet, row: number, column: number): unknown {
    return this.calculator ? this.calculator(this, sheet, row, column) : '';
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Whether the API sees custom functions still calculating (tests looking at cells see the settled result). */
  calculating(): boolean {
    return this.inBatch && this.syncs <= this.busyUntil;
  }

  /** A name for a new table, "Table1" and on, unused in the workbook. */
  newTableName(): string {
    let name: string;
    do name = `Table${++this.tableNumber}`;
    while (this.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())));
    return name;
  }
}

/** An Office.js error: a code from Excel.ErrorCodes, a message, and where it happened. */
export class FakeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation = '',
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

interface Queued {
  /** What travels to Excel, for the request size. */
  wire: unknown[];
  /** The API call, as Office.js names it in debugInfo.errorLocation. */
  location: string;
  run: () => void;
}

/** Sheet names Excel accepts: 1 to 31 characters, none of \ / ? * [ ] :, not starting or ending with '. */
function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new FakeError('InvalidArgument', `“${name}” is not a valid sheet name`, 'Worksheet.name');
}

/** A formula's references to sheet `from` pointed at `to`, or turned into #REF! when the sheet is deleted. */
export function renameReferences(formula: string, from: string, to: string | null): string {
  // Most formulas do not name the sheet at all: those are left as they are without parsing them.
  if (!formula.includes('!') || !formula.toLowerCase().includes(from.toLowerCase().replace(/'/g, "''"))) return formula;
  return formula.replace(
    /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|([^\s'!(),:{};+\-*/&=<>"^%#]+)!/g,
    (all, quoted: string | undefined, bare: string | undefined) => {
      const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
      if (name === undefined || name.toLowerCase() !== from.toLowerCase()) return all;
      return to === null ? '#REF!' : `'${to.replace(/'/g, "''")}'!`;
    },
  );
}

/** Operations that change nothing in the workbook, so start no recalculation. */
const UNCHANGING = new Set(['load', 'getItem', 'select', 'activate']);

export class FakeContext {
  private queue: Queued[] = [];
  /** What the loads of the running batch captured, delivered only when the batch succeeds. */
  private pending: (() => void)[] = [];
  /** The response size of the running batch, in UTF-8 bytes. */
  loadedBytes = 0;
  readonly workbook: { worksheets: FakeWorksheets; tables: FakeTables; application: FakeApplication };

  constructor(readonly state: FakeWorkbookState) {
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      tables: new FakeTables(this),
      application: new FakeApplication(this),
    };
  }

  /** Queues an operation for the next sync. */
  op(wire: unknown[], run: () => void = () => undefined, location = String(wire[0])): void {
    this.queue.push({ wire, run, location });
  }

  /** A loaded value, counted in the response and handed over once the batch has succeeded. */
  deliver(bytes: number, commit: () => void): void {
    this.loadedBytes += bytes;
    this.pending.push(commit);
  }

  async sync(): Promise<void> {
    const state = this.state;
    state.syncs++;
    const queue = this.queue;
    this.queue = [];
    const request = queue.reduce((n, q) => n + jsonBytes(q.wire) + state.rules.operationBytes, 0);
    state.requestBytes.push(request);
    this.pending = [];
    this.loadedBytes = 0;
    if (request > state.rules.payloadLimit) {
      state.responseBytes.push(0);
      throw new FakeError(
        'RequestPayloadSizeLimitExceeded',
        `the request payload size has exceeded the limit (${request} bytes)`,
      );
    }
    state.inBatch = true;
    try {
      for (const q of queue) {
        const index = state.operations++;
        if (state.failAt === index) {
          state.failAt = null;
          throw new FakeError(
            'GeneralException',
            `a failure injected at operation ${index} (${q.location})`,
            q.location,
          );
        }
        if (!UNCHANGING.has(String(q.wire[0]))) {
          state.revision++;
          // A change starts a recalculation; custom functions answer asynchronously.
          state.busyUntil = state.syncs + state.rules.customFunctionSyncs;
        }
        try {
          q.run(); // the first failure ends the batch, as in Excel
        } catch (e) {
          if (e instanceof FakeError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = q.location;
          throw e;
        }
      }
      if (this.loadedBytes > state.rules.payloadLimit)
        throw new FakeError(
          'ResponsePayloadSizeLimitExceeded',
          `the response payload size has exceeded the limit (${this.loadedBytes} bytes)`,
        );
      for (const commit of this.pending) commit();
    } finally {
      state.inBatch = false;
      state.responseBytes.push(this.loadedBytes);
      this.pending = [];
    }
  }
}

/** Office.js's error for a property read before load() and sync(), with its code as OfficeExtension.Error has it. */
class PropertyNotLoaded extends Error {
  readonly code = 'PropertyNotLoaded';
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

abstract class Loadable {
  private loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeContext,
    /** How the request names this object (its sheet and address), for the request size. */
    protected readonly label: string,
  ) {}

  /** Queues the load; each property is captured when the batch reaches it. */
  load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim().split('/')[0]);
    this.ctx.op(['load', this.label, list], () => {
      for (const p of list) {
        const value = this.capture(p);
        this.ctx.deliver(jsonBytes(p) + this.bytesOf(p, value), () => this.loaded.set(p, value));
      }
    });
    return this;
  }

  protected abstract capture(prop: string): unknown;

  /** What a loaded property adds to the response. */
  protected bytesOf(_prop: string, value: unknown): number {
    return jsonBytes(value);
  }

  protected got<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** For objects Excel hands back already loaded (the items of a loaded collection). */
  preload(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
}

type ItemProps = Record<string, unknown>;

class FakeWorksheets extends Loadable {
  /** What each item carries when the collection is loaded ("items/name,items/protection/protected"). */
  private itemProps: string[] = [];
  constructor(ctx: FakeContext) {
    super(ctx, 'worksheets');
  }
  override load(props: string | string[]): this {
    const list = Array.isArray(props) ? props : props.split(',');
    this.itemProps = list
      .map((p) => p.trim().split('/'))
      .filter((p) => p[0] === 'items' && p[1])
      .map((p) => p[1]);
    return super.load(list);
  }
  private propsOf(s: FakeSheet): ItemProps {
    return Object.fromEntries(
      this.itemProps.map((p) => [
        p,
        p === 'protection' ? { protected: s.protectedWith !== null } : p === 'visibility' ? s.visibility : s.name,
      ]),
    );
  }
  protected capture(prop: string): unknown {
    if (prop === 'items') return this.ctx.state.sheets.map((s) => ({ sheet: s, props: this.propsOf(s) }));
    throw new Error(`the fake does not load worksheets.${prop}`);
  }
  protected override bytesOf(prop: string, value: unknown): number {
    return prop === 'items' ? jsonBytes((value as { props: ItemProps }[]).map((x) => x.props)) : jsonBytes(value);
  }
  get items(): FakeWorksheet[] {
    return this.got<{ sheet: FakeSheet; props: ItemProps }[]>('items').map(({ sheet, props }) => {
      const ws = new FakeWorksheet(this.ctx, () => sheet, sheet.name);
      for (const [p, v] of Object.entries(props)) ws.preload(p, v);
      return ws;
    });
  }
  /** The sheet of that name when the batch reaches the call; later calls on it follow the sheet, not the name. */
  getItem(name: string): FakeWorksheet {
    let bound: FakeSheet | undefined;
    const ws = new FakeWorksheet(this.ctx, () => bound ?? this.ctx.state.sheet(name), name);
    this.ctx.op(
      ['getItem', name],
      () => {
        bound = this.ctx.state.sheet(name);
        if (!bound) throw new FakeError('ItemNotFound', `the worksheet ${name} does not exist`);
      },
      'WorksheetCollection.getItem',
    );
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(name), name);
  }
  /** A new sheet at the end of the workbook, as WorksheetCollection.add documents. */
  add(name: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    this.ctx.op(
      ['addSheet', name],
      () => {
        checkSheetName(name);
        if (this.ctx.state.sheet(name)) throw new FakeError('ItemAlreadyExists', `a sheet named ${name} exists`);
        made = new FakeSheet(name);
        this.ctx.state.sheets.push(made);
      },
      'WorksheetCollection.add',
    );
    return new FakeWorksheet(this.ctx, () => made, name);
  }
}

/** The workbook's tables (Workbook.tables): names are unique across every sheet. */
class FakeTables extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx, 'tables');
  }
  protected capture(prop: string): unknown {
    if (prop === 'items')
      return this.ctx.state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name })));
    throw new Error(`the fake does not load tables.${prop}`);
  }
  get items(): { name: string; worksheet: { name: string } }[] {
    return this.got<{ name: string; sheet: string }[]>('items').map((t) => ({
      name: t.name,
      worksheet: { name: t.sheet },
    }));
  }
}

/** Application.calculationState (ExcelApi 1.9): "Calculating" while custom functions are pending. */
class FakeApplication extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx, 'application');
  }
  protected capture(prop: string): unknown {
    if (prop === 'calculationState')
      return this.ctx.state.calculating() && this.ctx.state.rules.reportsCalculating ? 'Calculating' : 'Done';
    throw new Error(`the fake does not load application.${prop}`);
  }
  get calculationState(): string {
    return this.got('calculationState');
  }
}

export class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    /** The sheet this proxy stands for, resolved when the batch runs (it may be added earlier in the batch). */
    private readonly resolve: () => FakeSheet | undefined,
    name: string,
  ) {
    super(ctx, name);
  }

  /** The sheet, or a failure of the operation that needed it. */
  private sheetNow(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeError('ItemNotFound', 'the worksheet does not exist');
    return s;
  }

  /** Runs `fn` on the sheet when the batch reaches it, as a write that protection refuses. */
  private writeOp(wire: unknown[], fn: (s: FakeSheet) => void, location = String(wire[0])): void {
    this.ctx.op(
      [wire[0], this.label, ...wire.slice(1)],
      () => {
        const s = this.sheetNow();
        if (s.protectedWith)
          throw new FakeError('AccessDenied', `the sheet ${s.name} is protected (${String(wire[0])})`);
        fn(s);
      },
      location,
    );
  }

  protected capture(prop: string): unknown {
    const s = this.resolve();
    if (prop === 'isNullObject') return !s;
    if (!s) return undefined; // a null object's other properties are empty, not an error
    if (prop === 'name') return s.name;
    if (prop === 'protection') return { protected: s.protectedWith !== null };
    if (prop === 'visibility') return s.visibility;
    throw new Error(`the fake does not load worksheet.${prop}`);
  }

  get isNullObject(): boolean {
    return this.got('isNullObject');
  }
  get name(): string {
    return this.got('name');
  }
  /** Renaming a sheet keeps every formula that points at it pointing at it, under its new name. */
  set name(to: string) {
    this.ctx.op(
      ['rename', this.label, to],
      () => {
        const s = this.sheetNow();
        checkSheetName(to);
        const other = this.ctx.state.sheet(to);
        if (other && other !== s) throw new FakeError('ItemAlreadyExists', `a sheet named ${to} exists`);
        for (const sheet of this.ctx.state.sheets)
          for (const [, c] of sheet.cells) if (c.formula !== null) c.formula = renameReferences(c.formula, s.name, to);
        if (this.ctx.state.active === s.name) this.ctx.state.active = to;
        s.name = to;
      },
      'Worksheet.name',
    );
  }
  get visibility(): string {
    return this.got('visibility');
  }
  /** A workbook keeps at least one visible sheet. */
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.ctx.op(
      ['visibility', this.label, v],
      () => {
        const s = this.sheetNow();
        if (v !== 'Visible' && !this.ctx.state.sheets.some((x) => x !== s && x.visibility === 'Visible'))
          throw new FakeError('InvalidOperation', 'a workbook must keep at least one visible sheet');
        s.visibility = v;
      },
      'Worksheet.visibility',
    );
  }

  /**
   * Deletes the sheet; formulas elsewhere that pointed at it become #REF!. Sheet protection does not prevent it
   * (only workbook structure protection would); the last visible sheet cannot go, nor can a "VeryHidden" one
   * ("the delete operation will fail with an InvalidOperation exception", Worksheet.delete; office-js#365).
   */
  delete(): void {
    this.ctx.op(
      ['deleteSheet', this.label],
      () => {
        const s = this.sheetNow();
        const state = this.ctx.state;
        if (s.visibility === 'VeryHidden')
          throw new FakeError(
            'InvalidOperation',
            `the sheet ${s.name} is very hidden: make it visible or hidden first`,
          );
        if (s.visibility === 'Visible' && !state.sheets.some((x) => x !== s && x.visibility === 'Visible'))
          throw new FakeError('InvalidOperation', 'a workbook must keep at least one visible sheet');
        state.sheets = state.sheets.filter((x) => x !== s);
        for (const sheet of state.sheets)
          for (const [, c] of sheet.cells)
            if (c.formula !== null) c.formula = renameReferences(c.formula, s.name, null);
        if (state.active === s.name) state.active = state.sheets.find((x) => x.visibility === 'Visible')?.name ?? null;
      },
      'Worksheet.delete',
    );
  }

  get protection() {
    const got = () => this.got<{ protected: boolean } | undefined>('protection');
    const rules = () => this.ctx.state.rules;
    return {
      /** "Fails if the worksheet has already been protected" (WorksheetProtection.protect). */
      protect: (options?: unknown, password?: string): void =>
        this.ctx.op(
          ['protect', this.label, options, password === undefined ? null : '•'],
          () => {
            const s = this.sheetNow();
            if (rules().protectionRegression)
              throw new FakeError('AccessDenied', `protect() refused on ${s.name} (office-js#6784)`);
            if (s.protectedWith) throw new FakeError('InvalidOperation', `the sheet ${s.name} is already protected`);
            s.protectedWith = { password, options };
          },
          'WorksheetProtection.protect',
        ),
      unprotect: (password?: string): void =>
        this.ctx.op(
          ['unprotect', this.label, password === undefined ? null : '•'],
          () => {
            const s = this.sheetNow();
            if (rules().protectionRegression)
              throw new FakeError('AccessDenied', `unprotect() refused on ${s.name} (office-js#6784)`);
            if (s.protectedWith?.password && s.protectedWith.password !== password)
              throw new FakeError('InvalidArgument', `wrong password for ${s.name}`);
            s.protectedWith = null;
          },
          'WorksheetProtection.unprotect',
        ),
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

  /**
   * TableCollection.add gives the table a default name ("Table1"); naming it as another table of the workbook is
   * named, on any sheet, throws InvalidArgument (office-js#551; table names are unique in the workbook).
   */
  get tables() {
    return {
      /** Table.resize (ExcelApi 1.13): the table's range becomes `address`, its header row staying where it is. */
      getItem: (name: string) => ({
        resize: (address: string) =>
          this.writeOp(
            ['tableResize', name, address],
            (s) => {
              const t = s.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
              if (!t) throw new FakeError('ItemNotFound', `no table named ${name} on ${s.name}`);
              const ref = address.slice(address.lastIndexOf('!') + 1);
              if (ref.split(':')[0] !== t.ref.split(':')[0])
                throw new FakeError('InvalidArgument', 'the header row of a table cannot move (Table.resize)');
              t.ref = ref;
            },
            'Table.resize',
          ),
      }),
      add: (address: string, _headers: boolean) => {
        const t = { name: '', ref: address.slice(address.lastIndexOf('!') + 1) };
        this.writeOp(
          ['table', address],
          (s) => {
            t.name = this.ctx.state.newTableName();
            s.tables.push(t);
          },
          'TableCollection.add',
        );
        return new Proxy(t, {
          set: (target, p: string, v) => {
            this.ctx.op(
              ['tableName', this.label, v],
              () => {
                if (p === 'name') {
                  const taken = this.ctx.state.sheets.some((s) =>
                    s.tables.some((x) => x !== target && x.name.toLowerCase() === String(v).toLowerCase()),
                  );
                  if (taken)
                    throw new FakeError(
                      'InvalidArgument',
                      `the argument is invalid or missing or has an incorrect format (a table named ${String(v)} exists)`,
                    );
                }
                (target as Record<string, unknown>)[p] = v;
              },
              'Table.name',
            );
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
      this.label,
    ));
  }

  /** Moves the sheet to a zero-based position among the sheets, as Excel does. */
  set position(at: number) {
    this.ctx.op(['position', this.label, at], () => {
      const s = this.sheetNow();
      const list = this.ctx.state.sheets.filter((x) => x !== s);
      list.splice(Math.min(at, list.length), 0, s);
      this.ctx.state.sheets = list;
    });
  }

  set tabColor(color: string) {
    this.ctx.op(['tab', this.label, color], () => void (this.sheetNow().tabColor = color));
  }

  activate(): void {
    this.ctx.op(['activate', this.label], () => void (this.ctx.state.active = this.sheetNow().name));
  }

  getRange(address?: string): FakeRange {
    const rect = address ? rectOf(address) : { r1: 1, c1: 1, r2: MAX_ROW, c2: MAX_COL };
    return new FakeRange(
      this.ctx,
      () => this.sheetNow(),
      () => rect,
      `${this.label}!${address ?? ''}`,
    );
  }

  /** The used range: cells with a value or formula, and with `valuesOnly` false also cells with only a format. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => this.sheetNow(),
      () => this.sheetNow().cells.usedRect(valuesOnly),
      `${this.label}!usedRange`,
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
    label: string,
  ) {
    super(ctx, `${label}!charts`);
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

/** The sides of a cell a border of `edge` over `rect` draws (Excel.BorderIndex). */
function sidesOf(edge: string, rect: Rect, r: number, c: number): string[] {
  switch (edge) {
    case 'EdgeTop':
      return r === rect.r1 ? ['top'] : [];
    case 'EdgeBottom':
      return r === rect.r2 ? ['bottom'] : [];
    case 'EdgeLeft':
      return c === rect.c1 ? ['left'] : [];
    case 'EdgeRight':
      return c === rect.c2 ? ['right'] : [];
    case 'InsideVertical':
      return [...(c > rect.c1 ? ['left'] : []), ...(c < rect.c2 ? ['right'] : [])];
    case 'InsideHorizontal':
      return [...(r > rect.r1 ? ['top'] : []), ...(r < rect.r2 ? ['bottom'] : [])];
    default:
      return [edge];
  }
}

/** The sides of a cell that carry a line, as the fake's borders drew them. */
export function bordersOf(cell: FakeCell | undefined): string[] {
  if (!cell) return [];
  return ['top', 'bottom', 'left', 'right'].filter((side) => {
    const style = cell.style[`border.${side}.style`];
    return style !== undefined && style !== 'None';
  });
}

export class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    /** Resolved when the batch reaches the range: a used range depends on what the batch wrote before it. */
    private readonly where: () => Rect | null,
    label: string,
  ) {
    super(ctx, label);
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
    const cells = (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
    if (cells > this.ctx.state.rules.rangeCellLimit)
      throw new FakeError('RangeExceedsLimit', `the range has ${cells} cells, more than a read may return`);
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
      case 'rowCount':
        return this.rect.r2 - this.rect.r1 + 1;
      case 'columnCount':
        return this.rect.c2 - this.rect.c1 + 1;
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
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
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
  get numberFormat(): string[][] {
    return this.got('numberFormat');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
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
    const where = this.where;
    const ref = rectAddress(this.rect);
    this.ctx.op(
      [wire, this.label, ref, grid],
      () => {
        const sheet = s();
        const { r1, c1, r2, c2 } = where()!;
        if (grid.length !== r2 - r1 + 1 || grid.some((row) => row.length !== c2 - c1 + 1))
          throw new FakeError('InvalidArgument', `the ${wire} grid does not match ${ref}`);
        // Null cells of the grid are left as they are; a protected sheet takes values only into unlocked cells.
        const targets = grid.some((row) => row.some((v) => v !== null));
        if (sheet.protectedWith && targets) {
          const typing = wire !== 'numberFormat';
          if (!typing || !this.allUnlocked(sheet, grid.length, grid[0]?.length ?? 0))
            throw new FakeError('AccessDenied', `the sheet ${sheet.name} is protected (${wire})`);
        }
        grid.forEach((row, i) => row.forEach((v, k) => v !== null && each(sheet.cell(r1 + i, c1 + k), v)));
      },
      `Range.${wire}`,
    );
  }

  /** A value written into a cell, as Excel takes it (see typedInput.ts and the README's table). */
  private put(c: FakeCell, v: unknown): void {
    c.formula = null;
    if (typeof v !== 'string' || c.numberFormat === '@') {
      c.value = v;
      return;
    }
    if (v.startsWith('=') && v.length > 1) {
      c.formula = v.slice(1);
      c.value = '';
      return;
    }
    const typed = v !== '' && this.ctx.state.rules.parseInput ? typedValue(v, this.ctx.state.year) : null;
    if (typed) {
      c.value = typed.value;
      if (typed.format && c.numberFormat === 'General') c.numberFormat = typed.format;
    } else if (this.ctx.state.rules.parseInput && /^[+-]./.test(v)) {
      // "A value that starts with a plus or minus sign is interpreted as a formula" (Range.values).
      c.formula = v;
      c.value = '';
    } else c.value = v;
  }

  set formulas(grid: unknown[][]) {
    this.writeGrid('formulas', grid, (c, v) => this.put(c, v));
  }
  set values(grid: unknown[][]) {
    this.writeGrid('values', grid, (c, v) => this.put(c, v));
  }
  /** An empty string resets a cell's format to General ("Blank and null values in Excel add-ins"). */
  set numberFormat(grid: string[][]) {
    this.writeGrid('numberFormat', grid, (c, f) => void (c.numberFormat = f === '' ? 'General' : (f as string)));
  }

  private eachCell(wire: unknown[], fn: (c: FakeCell, r: number, k: number) => void): void {
    const rect = this.rect;
    this.eachWrite(wire, (s) => {
      for (const [r, k, c] of s.cells.every(rect)) fn(c, r, k);
    });
  }

  get format(): Record<string, unknown> {
    const ref = rectAddress(this.rect);
    const rect = this.rect;
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
    const border = (edge: string) =>
      new Proxy(
        {},
        {
          set: (_t, p: string, v) => {
            this.eachCell(['border', edge, p, v, ref], (c, r, k) => {
              for (const side of sidesOf(edge, rect, r, k)) c.style[`border.${side}.${p}`] = v;
            });
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
        borders: { getItem: (edge: string) => border(edge) },
      },
      {
        set: (_t, p: string, v) => {
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
    this.ctx.op([wire[0], this.label, ...wire.slice(1)], () => {
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
    return new FakeRange(
      this.ctx,
      this.sheet,
      () => {
        const r = this.where();
        return r && { r1: r.r1 + i, r2: r.r1 + i, c1: r.c1, c2: r.c2 };
      },
      `${this.label}.row(${i})`,
    );
  }

  /** The cells of the range holding formulas ("Formulas") or constants ("Constants"), as rectangles. */
  getSpecialCellsOrNullObject(type: 'Formulas' | 'Constants'): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheet, () => this.where(), type, `${this.label}.special(${type})`);
  }

  /**
   * Range.copyFrom (ExcelApi 1.9) with copyType "Formats": the source's number formats, fonts, fills, borders,
   * alignment and cell protection, tiled over the destination as Excel's paste does; data validation is not a
   * format ("Paste Special → Validation" is separate) and is not copied.
   */
  copyFrom(source: FakeRange, copyType: string): void {
    if (copyType !== 'Formats') throw new Error(`the fake copies only formats, not ${copyType}`);
    const to = this.rect;
    this.eachWrite(['copyFrom', rectAddress(to), copyType], (sheet) => {
      const from = source.rect;
      const h = from.r2 - from.r1 + 1;
      const w = from.c2 - from.c1 + 1;
      const src = source.sheet();
      for (const [r, c, cell] of sheet.cells.every(to)) {
        const like = src.cells.at(from.r1 + ((r - to.r1) % h), from.c1 + ((c - to.c1) % w));
        cell.numberFormat = like?.numberFormat ?? 'General';
        cell.style = { ...(like?.style ?? {}) };
        cell.locked = like?.locked ?? true;
      }
    });
  }

  select(): void {
    const s = this.sheet;
    this.ctx.op(['select', this.label], () => {
      this.ctx.state.selected = `'${s().name}'!${rectAddress(this.rect)}`;
    });
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
    label: string,
  ) {
    super(ctx, label);
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

/** A copy of a workbook's state, to run the same command from the same starting point many times. */
export function cloneState(from: FakeWorkbookState): FakeWorkbookState {
  const to = new FakeWorkbookState();
  to.sheets = from.sheets.map((s) => {
    const c = new FakeSheet(s.name);
    for (const [address, cell] of s.cells) {
      const { row, column } = parseA1(address);
      Object.assign(c.cell(row, column), { ...cell, style: { ...cell.style } });
    }
    c.merges = [...s.merges];
    c.validations = new Map([...s.validations].map(([k, v]) => [k, { ...v }]));
    c.conditionalFormats = s.conditionalFormats.map((x) => ({ ...x }));
    c.tables = s.tables.map((t) => ({ ...t }));
    c.charts = s.charts.map((x) => ({ ...x }));
    c.protectedWith = s.protectedWith && { ...s.protectedWith };
    c.columnWidths = new Map(s.columnWidths);
    c.rowHeights = new Map(s.rowHeights);
    c.pageLayout = JSON.parse(JSON.stringify(s.pageLayout));
    c.freeze = s.freeze;
    c.tabColor = s.tabColor;
    c.visibility = s.visibility;
    return c;
  });
  to.rules = { ...from.rules };
  to.calculator = from.calculator; // a calculator keeps its cache per workbook state, so it can be shared
  to.year = from.year;
  return to;
}
