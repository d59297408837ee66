/* global Excel */
import { a1, columnLetter, looksLikeFormula } from '../../workbook/address';
import { insertionIndex } from '../../workbook/names';
import type { CellSpec, CellUpdate, ChartSpec, SheetSpec, StyleSpec, ValidationSpec } from '../../workbook/model';

// The Office.js host: the same sheet descriptions as the .xlsx host, written through Excel's API. Every command
// reads in one batch and writes in one batch: two context.sync() calls whatever the number of sheets or cells.

/** Office measures column widths in points; one character of the default font is taken as 6 points. */
export const POINTS_PER_CHARACTER = 6;

function fillFor(style: StyleSpec | undefined): string | null {
  return style?.fill ? `#${style.fill}` : null;
}

/** What goes into range.formulas for a cell: a formula, a number, or text Excel will keep as text. */
function formulaCell(c: CellSpec | null): string | number | boolean {
  if (!c) return '';
  if (c.formula !== undefined) return `=${c.formula}`;
  if (c.value === null || c.value === undefined) return '';
  return c.value;
}

/** A cleared sheet is General everywhere; null leaves a cell as it is, which keeps the request small. */
function numberFormatCell(c: CellSpec | null, styles: Record<string, StyleSpec>): string | null {
  if (c && typeof c.value === 'string' && looksLikeFormula(c.value)) return '@';
  const style = c?.style ? styles[c.style] : undefined;
  return style?.numberFormat ?? null;
}

function validationRule(rule: ValidationSpec): Excel.DataValidationRule {
  switch (rule.type) {
    case 'whole':
      return { wholeNumber: { formula1: rule.min ?? 0, formula2: rule.max ?? 0, operator: 'Between' } };
    case 'decimal':
      return { decimal: { formula1: rule.min ?? 0, formula2: rule.max ?? 0, operator: 'Between' } };
    case 'list':
      return { list: { inCellDropDown: true, source: (rule.list ?? []).join(',') } };
    case 'custom':
      return { custom: { formula: `=${rule.formula ?? 'TRUE'}` } };
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

function writeSheet(ws: Excel.Worksheet, spec: SheetSpec, styles: Record<string, StyleSpec>, password?: string): void {
  const height = spec.rows.length;
  const width = Math.max(0, ...spec.rows.map((r) => r.length));
  if (height > 0 && width > 0) {
    const grid = spec.rows.map((row) => Array.from({ length: width }, (_x, k) => row[k] ?? null));
    const range = ws.getRange(`A1:${a1(height, width)}`);
    range.numberFormat = grid.map((row) => row.map((c) => numberFormatCell(c, styles))) as string[][];
    range.formulas = grid.map((row) => row.map(formulaCell));
  }
  for (const run of runs(spec, (c) => c?.style ?? null)) {
    const style = styles[run.key];
    const f = ws.getRange(run.ref).format;
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
    if (style.border) {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const) {
        f.borders.getItem(edge).style = 'Continuous';
      }
    }
  }
  for (const run of runs(spec, (c) => (c?.locked === false ? true : null)))
    ws.getRange(run.ref).format.protection.locked = false;
  (spec.columns ?? []).forEach((w, i) => {
    ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
  });
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = h;
  for (const m of spec.merges ?? []) ws.getRange(m).merge(false);
  for (const v of spec.validations ?? []) {
    const dv = ws.getRange(v.ref).dataValidation;
    dv.rule = validationRule(v.rule);
    dv.ignoreBlanks = v.rule.allowBlank;
    dv.errorAlert = { showAlert: true, style: 'Stop', title: v.rule.errorTitle, message: v.rule.error };
    if (v.rule.prompt) dv.prompt = { showPrompt: true, title: v.rule.promptTitle ?? '', message: v.rule.prompt };
  }
  for (const cf of spec.conditionalFormats ?? []) {
    const format = ws.getRange(cf.ref).conditionalFormats.add('Custom');
    format.custom.rule.formula = `=${cf.formula}`;
    const style = styles[cf.style] ?? {};
    if (style.fill) format.custom.format.fill.color = `#${style.fill}`;
    if (style.color) format.custom.format.font.color = `#${style.color}`;
  }
  for (const t of spec.tables ?? []) ws.tables.add(`'${spec.name}'!${t.ref}`, true).name = t.name;
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
  for (const chart of spec.charts ?? []) writeChart(ws, chart);
  if (spec.protection) {
    ws.protection.protect(PROTECTION, spec.protection.withPassword && password ? password : undefined);
  }
}

/** What the write batch must know of a sheet that already exists: its protection and its charts. */
export interface ExistingSheet {
  protected: boolean;
  /** Charts to delete when the sheet is rewritten (loaded with their items). */
  charts: { delete(): void }[];
}

/** The sheets of the open workbook by name, as the read batch found them. */
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

/** Which of the named sheets exist, with their protection and charts: one sync. */
export async function existingSheets(context: Excel.RequestContext, names: string[]): Promise<ExistingSheets> {
  const found = names.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load('isNullObject,protection/protected');
    ws.charts.load('items/name');
    return { name, ws };
  });
  await context.sync();
  return new Map(
    found
      .filter(({ ws }) => !ws.isNullObject)
      .map(({ name, ws }) => [name, { protected: ws.protection.protected, charts: ws.charts.items }]),
  );
}

/** Protection options of every sheet we protect: columns and rows can be resized, cells selected. */
const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  selectionMode: 'Normal',
};

/**
 * Opens and closes again every protected sheet that is about to be rewritten, in a batch of its own: a wrong
 * password fails here, before anything changed, and the commands say so in one sentence.
 */
async function checkPassword(
  context: Excel.RequestContext,
  names: string[],
  existing: ExistingSheets,
  password: string | undefined,
): Promise<void> {
  const locked = names.filter((n) => existing.get(n)?.protected);
  if (locked.length === 0) return;
  for (const name of locked) {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.unprotect(password);
    ws.protection.protect(PROTECTION, password);
  }
  try {
    await context.sync();
  } catch {
    throw new WorkbookPasswordError(locked);
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

/** Text that a spreadsheet would take for a formula is written as text: "@" first, then the value. */
function writeUpdate(ws: Excel.Worksheet, update: CellUpdate): void {
  const range = ws.getRange(update.address);
  if (typeof update.value === 'string' && looksLikeFormula(update.value)) range.numberFormat = [['@']];
  range.formulas = [[update.value ?? '']];
}

export interface WritePlan {
  /** Sheets written whole: replaced when they exist (keeping the sheet object), added otherwise. */
  sheets: SheetSpec[];
  /** Single cells written into sheets that stay as they are (scores collected, marks in a register). */
  updates?: CellUpdate[];
  styles: Record<string, StyleSpec>;
  password?: string;
  /** What the read batch learnt of the sheets; without it one more sync finds out. */
  existing?: ExistingSheets;
}

/**
 * Writes a command's result: one sync checks the password of the protected sheets it rewrites (only when there
 * are such sheets), one more writes everything. Formulas elsewhere that point at a rewritten sheet stay valid.
 */
export async function writeWorkbook(context: Excel.RequestContext, plan: WritePlan): Promise<void> {
  const names = plan.sheets.map((s) => s.name);
  const existing = plan.existing ?? (await existingSheets(context, names));
  await checkPassword(context, names, existing, plan.password);
  // New sheets are all added in the first batch, whichever batch fills them, each placed where a secretariat
  // looks for it (insertionIndex), not simply at the end.
  const order = [...existing.keys()];
  const added = new Map<string, Excel.Worksheet>();
  for (const spec of plan.sheets.filter((s) => !existing.has(s.name))) {
    const ws = context.workbook.worksheets.add(spec.name);
    const at = insertionIndex(order, spec.name);
    if (at < order.length) ws.position = at;
    order.splice(at, 0, spec.name);
    added.set(spec.name, ws);
  }
  for (const [i, batch] of writeBatches(plan.sheets).entries()) {
    for (const spec of batch) {
      const known = existing.get(spec.name);
      let ws: Excel.Worksheet;
      if (!known) {
        ws = added.get(spec.name)!;
      } else {
        ws = context.workbook.worksheets.getItem(spec.name);
        if (known.protected) ws.protection.unprotect(plan.password);
        for (const chart of known.charts) chart.delete();
        const all = ws.getRange();
        all.unmerge();
        all.dataValidation.clear();
        all.conditionalFormats.clearAll();
        all.clear('All');
      }
      writeSheet(ws, spec, plan.styles, plan.password);
    }
    if (i === 0) for (const u of plan.updates ?? []) writeUpdate(context.workbook.worksheets.getItem(u.sheet), u);
    await context.sync();
  }
}

/**
 * Excel on the web takes at most 5 MB per request. The sheets of a command are written in (at most) this many
 * batches, balanced by size, so a thousand cases' results fit while the number of syncs stays the same for any
 * panel: it depends on how many sheets a command writes, never on how many cases, experts or rounds they hold.
 */
export const WRITE_BATCHES = 2;

/** A sheet's share of a request: its cell texts plus a little for every cell and format call. */
function weight(spec: SheetSpec): number {
  let n = 0;
  for (const row of spec.rows)
    for (const c of row) n += 8 + (c?.formula?.length ?? (typeof c?.value === 'string' ? c.value.length : 4));
  return n;
}

/** The sheets split into WRITE_BATCHES groups of similar weight (largest first, each to the lighter group). */
function writeBatches(sheets: SheetSpec[]): SheetSpec[][] {
  const groups = Array.from({ length: WRITE_BATCHES }, () => ({ weight: 0, sheets: [] as SheetSpec[] }));
  const order = sheets.map((s, i) => ({ s, i, w: weight(s) })).sort((a, b) => b.w - a.w);
  for (const x of order) {
    const lightest = groups.reduce((a, g) => (g.weight < a.weight ? g : a));
    lightest.weight += x.w;
    lightest.sheets.push(x.s);
  }
  // Sheets keep their order within a batch, so new ones are added in the order the command gave them.
  const position = new Map(sheets.map((s, i) => [s, i]));
  const out = groups.map((g) => g.sheets.sort((a, b) => position.get(a)! - position.get(b)!)).filter((g) => g.length);
  return out.length > 0 ? out : [[]];
}

/** Replaces (or adds) each described sheet: two syncs whatever the number of sheets or cells. */
export async function applySheets(
  context: Excel.RequestContext,
  sheets: SheetSpec[],
  styles: Record<string, StyleSpec>,
  password?: string,
): Promise<void> {
  await writeWorkbook(context, { sheets, styles, password });
}
