/* global Excel */
import { a1, columnLetter, parseA1 } from '../../workbook/address';
import { insertionIndex } from '../../workbook/names';
import { retargetSheets, sheetPrefix } from '../../workbook/formula/sheetRefs';
import type {
  CellSpec,
  CellUpdate,
  ChartSpec,
  RangeValidation,
  SheetSpec,
  StyleSpec,
  TableSpec,
  ValidationSpec,
} from '../../workbook/model';
import { CALL_BYTES, jsonBytes, packSteps, rowRuns, runBatches, step, type Step } from './batches';
import { excelFailure, ExcelRefusedError, type ExcelFailure } from './failure';
import { completeName, repairLeftovers, stagingName } from './staging';

// The Office.js host: the same sheet descriptions as the .xlsx host, written through Excel's API. A command's
// writes are queued as steps and packed into as few batches as Excel on the web's 5 MB allows (batches.ts): one
// sync for a panel of any ordinary size. Sheets are replaced by staging and swapping (staging.ts), so a failure
// at any operation leaves every sheet whole and every protected sheet protected.

/** Office measures column widths in points; one character of the default font is taken as 6 points. */
export const POINTS_PER_CHARACTER = 6;

function fillFor(style: StyleSpec | undefined): string | null {
  return style?.fill ? `#${style.fill}` : null;
}

/** What goes into range.formulas for a cell: a formula, a number, or text (its cell is formatted as text first). */
function formulaCell(c: CellSpec | null, to: ReadonlyMap<string, string>): string | number | boolean | null {
  if (!c) return null;
  if (c.formula !== undefined) return `=${retargetSheets(c.formula, to)}`;
  if (c.value === null || c.value === undefined) return null;
  return c.value;
}

/**
 * Excel parses a string written into a General cell as if it were typed: "001" becomes 1, "2026-01" a date,
 * "TRUE" a boolean (office-js#229, #1559). Every string goes into a cell formatted as text ("@"), the format
 * written before the value; a new sheet is General everywhere, so null (leave as it is) keeps the request small.
 */
function numberFormatCell(c: CellSpec | null, styles: Record<string, StyleSpec>): string | null {
  if (c && typeof c.value === 'string') return '@';
  const style = c?.style ? styles[c.style] : undefined;
  return style?.numberFormat ?? null;
}

function validationRule(rule: ValidationSpec, to: ReadonlyMap<string, string>): Excel.DataValidationRule {
  switch (rule.type) {
    case 'whole':
      return { wholeNumber: { formula1: rule.min ?? 0, formula2: rule.max ?? 0, operator: 'Between' } };
    case 'decimal':
      return { decimal: { formula1: rule.min ?? 0, formula2: rule.max ?? 0, operator: 'Between' } };
    case 'list':
      return { list: { inCellDropDown: true, source: (rule.list ?? []).join(',') } };
    case 'custom':
      return { custom: { formula: `=${retargetSheets(rule.formula ?? 'TRUE', to)}` } };
  }
}

/**
 * Rectangles of equal keys: runs along each row, then runs with the same columns in consecutive rows joined. A
 * result sheet's rows repeat one pattern, so a thousand rows cost a handful of format calls, not a thousand times
 * as many: that keeps a command's request within Excel on the web's 5 MB at a thousand cases.
 */
function runs<K>(spec: SheetSpec, keyOf: (c: CellSpec | null) => K | null): { key: K; ref: string }[] {
  const open = new Map<string, { key: K; r1: number; r2: number; c1: number; c2: number }>();
  const done: { key: K; r1: number; r2: number; c1: number; c2: number }[] = [];
  spec.rows.forEach((row, r) => {
    const here: { key: K; c1: number; c2: number }[] = [];
    let start = -1;
    let current: K | null = null;
    const flush = (end: number): void => {
      if (current !== null) here.push({ key: current, c1: start, c2: end });
    };
    row.forEach((c, k) => {
      const key = keyOf(c);
      if (key !== current) {
        flush(k - 1);
        start = k;
        current = key;
      }
    });
    flush(row.length - 1);
    const seen = new Set<string>();
    for (const run of here) {
      const id = `${String(run.key)}|${run.c1}|${run.c2}`;
      seen.add(id);
      const prev = open.get(id);
      if (prev && prev.r2 === r - 1) prev.r2 = r;
      else {
        if (prev) done.push(prev);
        open.set(id, { key: run.key, r1: r, r2: r, c1: run.c1, c2: run.c2 });
      }
    }
    for (const [id, rect] of open) {
      if (!seen.has(id)) {
        done.push(rect);
        open.delete(id);
      }
    }
  });
  done.push(...open.values());
  return done.map((x) => ({
    key: x.key,
    ref:
      x.r1 === x.r2 && x.c1 === x.c2 ? a1(x.r1 + 1, x.c1 + 1) : `${a1(x.r1 + 1, x.c1 + 1)}:${a1(x.r2 + 1, x.c2 + 1)}`,
  }));
}

/** The steps that write one sheet's grid: its text formats, then its cells, in runs of rows of a bounded size. */
function gridSteps(
  ws: () => Excel.Worksheet,
  spec: SheetSpec,
  styles: Record<string, StyleSpec>,
  to: ReadonlyMap<string, string>,
): Step[] {
  const height = spec.rows.length;
  const width = Math.max(0, ...spec.rows.map((r) => r.length));
  if (height === 0 || width === 0) return [];
  const formats = spec.rows.map((row) =>
    Array.from({ length: width }, (_x, k) => numberFormatCell(row[k] ?? null, styles)),
  );
  const cells = spec.rows.map((row) => Array.from({ length: width }, (_x, k) => formulaCell(row[k] ?? null, to)));
  const bytes = cells.map((row, i) => jsonBytes(row) + jsonBytes(formats[i]));
  return rowRuns(bytes).map(({ from, to: last, bytes: size }) => ({
    bytes: size + 2 * CALL_BYTES,
    queue: () => {
      const range = ws().getRange(`A${from + 1}:${a1(last + 1, width)}`);
      const f = formats.slice(from, last + 1);
      if (f.some((row) => row.some((x) => x !== null))) range.numberFormat = f as string[][];
      range.formulas = cells.slice(from, last + 1) as string[][];
    },
  }));
}

/** Every format of a sheet, its validations, tables, print setup, charts and, last, its protection. */
function layoutSteps(
  ws: () => Excel.Worksheet,
  spec: SheetSpec,
  styles: Record<string, StyleSpec>,
  options: {
    to: ReadonlyMap<string, string>;
    password?: string;
    sheetName: string;
    /** Tables of a sheet being replaced: named at the swap, once the old sheet's tables are gone. */
    nameLater?: (name: string, table: Excel.Table) => void;
  },
): Step[] {
  const out: Step[] = [];
  const to = options.to;
  for (const run of runs(spec, (c) => c?.style ?? null)) {
    const style = styles[run.key];
    out.push(
      step(
        [run.ref, style],
        () => {
          const f = ws().getRange(run.ref).format;
          if (style.bold) f.font.bold = true;
          if (style.italic) f.font.italic = true;
          if (style.size) f.font.size = style.size;
          if (style.color) f.font.color = `#${style.color}`;
          const fill = fillFor(style);
          if (fill) f.fill.color = fill;
          if (style.hAlign)
            f.horizontalAlignment = style.hAlign === 'left' ? 'Left' : style.hAlign === 'center' ? 'Center' : 'Right';
          if (style.vAlign)
            f.verticalAlignment = style.vAlign === 'top' ? 'Top' : style.vAlign === 'middle' ? 'Center' : 'Bottom';
          if (style.wrap) f.wrapText = true;
          // Edge borders draw a block's outline only; the lines between its rows and columns are Inside borders.
          if (style.border) for (const edge of BORDERS) f.borders.getItem(edge).style = 'Continuous';
        },
        styleCalls(style),
      ),
    );
  }
  for (const run of runs(spec, (c) => (c?.locked === false ? true : null)))
    out.push(step(run.ref, () => void (ws().getRange(run.ref).format.protection.locked = false)));
  (spec.columns ?? []).forEach((w, i) => {
    const ref = `${columnLetter(i + 1)}:${columnLetter(i + 1)}`;
    out.push(step(ref, () => void (ws().getRange(ref).format.columnWidth = w * POINTS_PER_CHARACTER)));
  });
  for (const [row, h] of Object.entries(spec.rowHeights ?? {}))
    out.push(step(row, () => void (ws().getRange(`${row}:${row}`).format.rowHeight = h)));
  for (const m of spec.merges ?? []) out.push(step(m, () => ws().getRange(m).merge(false)));
  for (const v of spec.validations ?? []) out.push(validationStep(ws, v, to));
  for (const cf of spec.conditionalFormats ?? [])
    out.push(
      step(
        cf,
        () => {
          const format = ws().getRange(cf.ref).conditionalFormats.add('Custom');
          format.custom.rule.formula = `=${retargetSheets(cf.formula, to)}`;
          const style = styles[cf.style] ?? {};
          if (style.fill) format.custom.format.fill.color = `#${style.fill}`;
          if (style.color) format.custom.format.font.color = `#${style.color}`;
        },
        4,
      ),
    );
  for (const t of spec.tables ?? [])
    out.push(
      step(
        t,
        () => {
          // An address without a sheet would be taken on the active sheet (TableCollection.add), so it names it.
          const table = ws().tables.add(`${sheetPrefix(options.sheetName)}${t.ref}`, true);
          // A table name is unique in the workbook: the table of a sheet being replaced takes its name at the swap.
          if (options.nameLater) options.nameLater(t.name, table);
          else table.name = t.name;
        },
        2,
      ),
    );
  out.push(step([spec.freeze, spec.print, spec.tabColor], () => pageSteps(ws(), spec), 16));
  for (const chart of spec.charts ?? []) out.push(step(chart, () => writeChart(ws(), chart), 5));
  if (spec.protection) {
    const password = spec.protection.withPassword ? options.password : undefined;
    out.push(step(null, () => ws().protection.protect(PROTECTION, password || undefined)));
  }
  return out;
}

/** A range's data validation: its rule, blanks, the stop alert and the prompt. */
function validationStep(ws: () => Excel.Worksheet, v: RangeValidation, to: ReadonlyMap<string, string>): Step {
  return step(
    v,
    () => {
      const dv = ws().getRange(v.ref).dataValidation;
      dv.rule = validationRule(v.rule, to);
      dv.ignoreBlanks = v.rule.allowBlank;
      dv.errorAlert = { showAlert: true, style: 'Stop', title: v.rule.errorTitle, message: v.rule.error };
      if (v.rule.prompt) dv.prompt = { showPrompt: true, title: v.rule.promptTitle ?? '', message: v.rule.prompt };
    },
    4,
  );
}

/**
 * A register grown by imported rows: the 是/否 lists over the new rows, and its table over every record
 * (Table.resize is ExcelApi 1.13; where Excel lacks it the rows stay below the table, as typed rows would).
 */
function growthSteps(context: Excel.RequestContext, growth: WritePlan['growth'], canResize: boolean): Step[] {
  return (growth ?? []).flatMap((g) => {
    const ws = () => context.workbook.worksheets.getItem(g.sheet);
    const steps = g.validations.map((v) => validationStep(ws, v, new Map()));
    if (canResize) steps.push(step(g.table, () => ws().tables.getItem(g.table.name).resize(g.table.ref), 3));
    return steps;
  });
}

/** The calls a style takes: the range and its format, one per property set, two per border edge. */
function styleCalls(style: StyleSpec): number {
  const props = [style.bold, style.italic, style.size, style.color, style.fill, style.hAlign, style.vAlign, style.wrap];
  return 2 + props.filter(Boolean).length + (style.border ? 2 * BORDERS.length : 0);
}

const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Frozen panes, the printed page and the tab colour. */
function pageSteps(ws: Excel.Worksheet, spec: SheetSpec): void {
  if (spec.freeze) {
    if (spec.freeze.columns > 0 && spec.freeze.rows > 0)
      ws.freezePanes.freezeAt(ws.getRange(a1(spec.freeze.rows, spec.freeze.columns)));
    else if (spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
    else if (spec.freeze.columns > 0) ws.freezePanes.freezeColumns(spec.freeze.columns);
  }
  if (spec.print) {
    ws.pageLayout.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    ws.pageLayout.paperSize = 'A4';
    // The same page as the .xlsx host writes: 0.5 in side margins and a fixed scale (see print/pagePlan).
    ws.pageLayout.leftMargin = 36;
    ws.pageLayout.rightMargin = 36;
    ws.pageLayout.zoom = { scale: spec.print.scale };
    if (spec.print.overThenDown) ws.pageLayout.printOrder = 'OverThenDown';
    if (spec.print.titleRows) {
      const [from, to = from] = spec.print.titleRows.split(':');
      ws.pageLayout.setPrintTitleRows(`$${from}:$${to}`);
    }
    if (spec.print.titleColumns) {
      const [from, to] = spec.print.titleColumns;
      ws.pageLayout.setPrintTitleColumns(`$${columnLetter(from)}:$${columnLetter(to)}`);
    }
    for (const r of spec.print.breaksBefore ?? []) if (r > 1) ws.horizontalPageBreaks.add(`A${r}`);
    for (const c of spec.print.breaksBeforeColumns ?? []) if (c > 1) ws.verticalPageBreaks.add(`${columnLetter(c)}1`);
  }
  if (spec.tabColor) ws.tabColor = `#${spec.tabColor}`;
}

/** What the write batch must know of a sheet that already exists: its protection. */
export interface ExistingSheet {
  protected: boolean;
}

/** The sheets of the open workbook by name, in the workbook's order, as the read batch found them. */
export type ExistingSheets = Map<string, ExistingSheet>;

/** Thrown when the protected sheets a command must rewrite do not open with the password given. */
export class WorkbookPasswordError extends Error {
  constructor(readonly sheets: string[]) {
    super(
      `工作表“${sheets.slice(0, 3).join('”“')}”${sheets.length > 3 ? '等' : ''}受密码保护，输入的工作簿密码不对或尚未输入：请在任务窗格“设置工作簿”中输入生成工作簿时记下的密码。工作簿未作任何改动。`,
    );
    this.name = 'WorkbookPasswordError';
  }
}

/** Every sheet with its protection: one sync. */
export async function existingSheets(context: Excel.RequestContext): Promise<ExistingSheets> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await context.sync();
  return new Map(sheets.items.map((ws) => [ws.name, { protected: ws.protection.protected }]));
}

/** Protection options of every sheet we protect: columns and rows can be resized, cells selected. */
const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  selectionMode: 'Normal',
};

/** A wrong password: unprotect refuses it with InvalidArgument (WorksheetProtection.unprotect). */
function isWrongPassword(f: ExcelFailure): boolean {
  return /unprotect/i.test(f.location) && /InvalidArgument|BadPassword|InvalidPassword/i.test(f.code);
}

/**
 * The password must open the protected sheets a command replaces, or the new sheets would carry another one.
 * Each is opened and closed again in a batch of its own, before anything else is written. A sheet that a failure
 * left open (unprotect done, protect not) is protected again at once; a wrong password is told apart from Excel
 * refusing the check for another reason.
 */
async function checkPassword(context: Excel.RequestContext, locked: string[], password: string | undefined) {
  if (locked.length === 0) return;
  const proxies = locked.map((name) => context.workbook.worksheets.getItem(name));
  for (const ws of proxies) {
    ws.protection.unprotect(password);
    ws.protection.protect(PROTECTION, password);
  }
  try {
    await context.sync();
  } catch (e) {
    const failure = excelFailure(e);
    const open = await reprotect(context, locked, password);
    if (isWrongPassword(failure)) throw new WorkbookPasswordError(locked);
    throw new ExcelRefusedError(
      failure,
      open.length === 0
        ? '核对工作簿密码时 Excel 出错（不是密码不对），工作簿未作任何改动，可再试一次。'
        : `核对工作簿密码时 Excel 出错，工作表“${open.join('”“')}”未能恢复保护：请在 Excel“审阅→保护工作表”中重新保护。`,
    );
  }
}

/** Protects again the named sheets that are open; the names of those that could not be protected. */
async function reprotect(context: Excel.RequestContext, names: string[], password: string | undefined) {
  try {
    const proxies = names.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.load('name,protection/protected');
      return ws;
    });
    await context.sync();
    const open = proxies.filter((ws) => !ws.protection.protected);
    if (open.length === 0) return [];
    for (const ws of open) ws.protection.protect(PROTECTION, password);
    await context.sync();
    return [];
  } catch {
    return names;
  }
}

function writeChart(ws: Excel.Worksheet, chart: ChartSpec): void {
  const type: Record<ChartSpec['type'], 'ColumnClustered' | 'ColumnStacked' | 'BarClustered' | 'Pie'> = {
    columnClustered: 'ColumnClustered',
    columnStacked: 'ColumnStacked',
    barClustered: 'BarClustered',
    pie: 'Pie',
  };
  const c = ws.charts.add(type[chart.type], ws.getRange(chart.source), chart.seriesBy === 'rows' ? 'Rows' : 'Columns');
  c.title.text = chart.title;
  c.legend.position = 'Bottom';
  c.setPosition(chart.from, chart.to);
}

/**
 * Cells written into sheets that stay (scores collected, marks in a register): per sheet, the rectangle they
 * span in runs of rows, null wherever nothing is written (Range.values leaves a null cell as it is). Text is
 * written as text: its cells are formatted "@" first where the sheet lets formats change; a protected sheet's
 * input columns are formatted as text when the sheet is made.
 */
function updateSteps(context: Excel.RequestContext, updates: CellUpdate[], existing: ExistingSheets): Step[] {
  const bySheet = new Map<string, { r: number; c: number; u: CellUpdate }[]>();
  for (const u of updates) {
    const at = parseA1(u.address);
    const list = bySheet.get(u.sheet) ?? [];
    list.push({ r: at.row, c: at.column, u });
    bySheet.set(u.sheet, list);
  }
  const out: Step[] = [];
  for (const [sheet, cells] of bySheet) {
    const r1 = Math.min(...cells.map((x) => x.r));
    const r2 = Math.max(...cells.map((x) => x.r));
    const c1 = Math.min(...cells.map((x) => x.c));
    const c2 = Math.max(...cells.map((x) => x.c));
    const width = c2 - c1 + 1;
    const values: (string | number | boolean | null)[][] = Array.from({ length: r2 - r1 + 1 }, () =>
      Array.from({ length: width }, () => null),
    );
    const formats: (string | null)[][] = values.map((row) => row.map(() => null));
    const formatsAllowed = !existing.get(sheet)?.protected;
    for (const { r, c, u } of cells) {
      values[r - r1][c - c1] = u.formula !== undefined ? `=${u.formula}` : (u.value ?? '');
      if (formatsAllowed && typeof u.value === 'string' && u.formula === undefined) formats[r - r1][c - c1] = '@';
    }
    // A new register row looks like the first: its formats are copied over before its text formats and values.
    for (const copy of formatCopies(cells))
      out.push(
        step(
          copy,
          () => {
            const ws = context.workbook.worksheets.getItem(sheet);
            ws.getRange(copy.to).copyFrom(ws.getRange(copy.from), 'Formats');
          },
          3,
        ),
      );
    const bytes = values.map((row, i) => jsonBytes(row) + jsonBytes(formats[i]));
    for (const run of rowRuns(bytes))
      out.push({
        bytes: run.bytes + 3 * CALL_BYTES,
        queue: () => {
          const range = context.workbook.worksheets
            .getItem(sheet)
            .getRange(`${a1(r1 + run.from, c1)}:${a1(r1 + run.to, c2)}`);
          const f = formats.slice(run.from, run.to + 1);
          if (f.some((row) => row.some((x) => x !== null))) range.numberFormat = f as string[][];
          range.formulas = values.slice(run.from, run.to + 1) as string[][];
        },
      });
  }
  return out;
}

/**
 * The format copies of cells written `styleLike` another: runs of a row whose model cells lie in one row, the same
 * columns, as one call each (a register's new row copies its first row in one call).
 */
function formatCopies(cells: { r: number; c: number; u: CellUpdate }[]): { to: string; from: string }[] {
  const out: { to: string; from: string }[] = [];
  const like = cells
    .filter((x) => x.u.styleLike !== undefined)
    .map((x) => ({ ...x, m: parseA1(x.u.styleLike!) }))
    .sort((a, b) => a.r - b.r || a.c - b.c);
  let run: { r: number; c1: number; c2: number; mr: number } | null = null;
  const flush = () => {
    if (run)
      out.push({
        to: `${a1(run.r, run.c1)}:${a1(run.r, run.c2)}`,
        from: `${a1(run.mr, run.c1)}:${a1(run.mr, run.c2)}`,
      });
  };
  for (const x of like) {
    if (x.m.column !== x.c) {
      flush();
      run = null;
      out.push({ to: a1(x.r, x.c), from: x.u.styleLike! });
      continue;
    }
    if (run && run.r === x.r && run.mr === x.m.row && run.c2 === x.c - 1) run.c2 = x.c;
    else {
      flush();
      run = { r: x.r, c1: x.c, c2: x.c, mr: x.m.row };
    }
  }
  flush();
  return out;
}

export interface WritePlan {
  /** Sheets written whole: replaced when they exist, added otherwise. */
  sheets: SheetSpec[];
  /** Single cells written into sheets that stay as they are (scores collected, marks in a register). */
  updates?: CellUpdate[];
  styles: Record<string, StyleSpec>;
  password?: string;
  /** What the read batch learnt of the sheets; without it one more sync finds out. */
  existing?: ExistingSheets;
  /** Registers grown by imported rows: their table and lists extended over the new rows. */
  growth?: { sheet: string; table: TableSpec; validations: RangeValidation[] }[];
}

/**
 * The order while the new sheets wait, complete, for their names: each beside the sheet it replaces, a new one
 * where a secretariat looks for it (insertionIndex). Once the old sheets are deleted, every sheet is in its place.
 */
function waitingOrder(existing: ExistingSheets, sheets: SheetSpec[]): string[] {
  const final = [...existing.keys()];
  for (const spec of sheets) if (!existing.has(spec.name)) final.splice(insertionIndex(final, spec.name), 0, spec.name);
  const written = new Set(sheets.map((s) => s.name));
  return final.flatMap((n) => (!written.has(n) ? [n] : existing.has(n) ? [n, completeName(n)] : [completeName(n)]));
}

/**
 * The end of the last batch. Every new sheet is complete: each is marked so, shown and placed; then the old
 * sheets are deleted and the new ones take their names (Excel carries the references between them, written to
 * staging names, over with each rename); last, tables of replaced sheets take their names.
 */
function swapStep(
  context: Excel.RequestContext,
  sheets: SheetSpec[],
  staged: Map<string, Excel.Worksheet>,
  existing: ExistingSheets,
  tables: Map<string, Excel.Table>,
): Step {
  const replaced = sheets.filter((s) => existing.has(s.name));
  const order = waitingOrder(existing, sheets);
  return step(
    sheets.map((s) => s.name),
    () => {
      const placed = sheets.map((s) => ({ s, at: order.indexOf(completeName(s.name)) })).sort((a, b) => a.at - b.at);
      for (const { s, at } of placed) {
        const ws = staged.get(s.name)!;
        ws.name = completeName(s.name);
        ws.visibility = 'Visible';
        ws.position = at;
      }
      for (const s of replaced) context.workbook.worksheets.getItem(s.name).delete();
      for (const s of sheets) staged.get(s.name)!.name = s.name;
      for (const [name, table] of tables) table.name = name;
    },
    sheets.length * 4 + replaced.length * 2,
  );
}

/**
 * Writes a command's result: sheets staged and swapped in, cells written into sheets that stay. One sync opens
 * and closes the protected sheets the command replaces (only when there are such sheets, to check the password);
 * the rest takes one sync per 4.5 MB of request, one for any ordinary panel. A failure repairs what it left and
 * says so in one sentence.
 */
export async function writeWorkbook(context: Excel.RequestContext, plan: WritePlan): Promise<void> {
  const existing = plan.existing ?? (await existingSheets(context));
  const locked = plan.sheets.filter((s) => existing.get(s.name)?.protected).map((s) => s.name);
  await checkPassword(context, locked, plan.password);
  const to = new Map(plan.sheets.map((s) => [s.name.toLowerCase(), stagingName(s.name)]));
  const staged = new Map<string, Excel.Worksheet>();
  const tables = new Map<string, Excel.Table>();
  const steps: Step[] = [];
  // Every staging sheet is added first, so formulas written into one find the others. It is hidden while it is
  // written, unless the workbook has no other sheet to show (a workbook keeps one visible sheet).
  const hide = existing.size > 0;
  for (const spec of plan.sheets)
    steps.push(
      step(
        spec.name,
        () => {
          const ws = context.workbook.worksheets.add(stagingName(spec.name));
          if (hide) ws.visibility = 'Hidden';
          staged.set(spec.name, ws);
        },
        2,
      ),
    );
  for (const spec of plan.sheets) {
    const ws = () => staged.get(spec.name)!;
    const replacing = existing.has(spec.name);
    steps.push(...gridSteps(ws, spec, plan.styles, to));
    steps.push(
      ...layoutSteps(ws, spec, plan.styles, {
        to,
        password: plan.password,
        sheetName: stagingName(spec.name),
        ...(replacing ? { nameLater: (name: string, table: Excel.Table) => void tables.set(name, table) } : {}),
      }),
    );
  }
  steps.push(...updateSteps(context, plan.updates ?? [], existing));
  steps.push(...growthSteps(context, plan.growth, excelApi('1.13')));
  if (plan.sheets.length > 0) steps.push(swapStep(context, plan.sheets, staged, existing, tables));
  try {
    await runBatches(context, packSteps(steps));
  } catch (e) {
    // Once every new sheet was complete the write is finished rather than undone: the command has succeeded.
    const refused = await afterFailure(context, excelFailure(e), (plan.updates?.length ?? 0) > 0);
    if (refused) throw refused;
  }
}

/**
 * Puts right what a failed batch left: rolled back (staging sheets deleted) when a new sheet was incomplete, or
 * finished when all were complete, in which case the command has done its work and there is nothing to report.
 */
async function afterFailure(
  context: Excel.RequestContext,
  failure: ExcelFailure,
  updates: boolean,
): Promise<ExcelRefusedError | null> {
  try {
    const names = context.workbook.worksheets;
    names.load('items/name');
    await context.sync();
    const direction = await repairLeftovers(
      context,
      names.items.map((ws) => ws.name),
    );
    if (direction === 'forward') return null;
    return new ExcelRefusedError(
      failure,
      `未写完的工作表已删除，原有工作表均保持原样${updates ? '（已填入的单元格保留，再运行一次会补齐其余）' : ''}：请再运行一次。`,
    );
  } catch {
    return new ExcelRefusedError(
      failure,
      '未能清理未写完的临时工作表（名称以“~新~”或“~完~”开头）：下次运行任一命令时会自动处理。',
    );
  }
}

/**
 * Whether the host has an ExcelApi requirement set. Without an Office object (the fake host of the tests, which
 * implements what it implements) every set is taken as there.
 */
function excelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported?.('ExcelApi', version) ?? true;
}

/** Replaces (or adds) each described sheet. */
export async function applySheets(
  context: Excel.RequestContext,
  sheets: SheetSpec[],
  styles: Record<string, StyleSpec>,
  password?: string,
): Promise<void> {
  await writeWorkbook(context, { sheets, styles, password });
}
