import { a1, columnNumber, parseA1 } from '../../../workbook/address';
import type { CellUpdate, CellValue } from '../../../workbook/model';
import { shiftFormula } from '../../../workbook/formula/shift';
import { escapeXml, NS, prefixOf, splice, walkXml, withAttribute, type XmlElement } from './xml';

// Single cells written into an existing worksheet part as a careful person would: the cell's own element is
// replaced (keeping its format), a missing cell or row is inserted where the schema's order puts it (rows by
// number, cells by column), and every other character of the part stays as it was. Strings are written as inline
// strings (18.3.1.53), so the shared string table is left untouched.

interface CellAt {
  el: XmlElement;
  end: number;
  row: number;
  column: number;
  /** The shared formula group this cell is the master of (it carries the formula text and the range). */
  masterOf?: string;
  /** The shared formula group this cell belongs to without being its master. */
  followerOf?: string;
  formula?: string;
  fSpan?: { start: number; end: number };
}

interface RowAt {
  el: XmlElement;
  end: number;
  row: number;
  cells: CellAt[];
}

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * The XML of a cell holding `value` (or `formula`, without a cached result: the workbook is recalculated when it
 * is opened), in the part's prefix, with format index `s` when there is one.
 */
export function cellXml(
  prefix: string,
  ref: string,
  value: CellValue,
  s: string | undefined,
  formula?: string,
): string {
  const style = s !== undefined ? ` s="${escapeXml(s)}"` : '';
  const p = prefix;
  if (formula !== undefined) return `<${p}c r="${ref}"${style}><${p}f>${escapeXml(formula)}</${p}f></${p}c>`;
  if (typeof value === 'number' && Number.isFinite(value))
    return `<${p}c r="${ref}"${style}><${p}v>${value}</${p}v></${p}c>`;
  if (typeof value === 'boolean') return `<${p}c r="${ref}"${style} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === 'string' && value !== '')
    return `<${p}c r="${ref}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
  return `<${p}c r="${ref}"${style}/>`;
}

function locateRows(
  text: string,
  part: string,
): { sheetData: { el: XmlElement; end: number } | null; rows: RowAt[]; dimension: XmlElement | null } {
  const rows: RowAt[] = [];
  let sheetData: { el: XmlElement; end: number } | null = null;
  let dimension: XmlElement | null = null;
  let row: RowAt | null = null;
  let cell: CellAt | null = null;
  let lastRow = 0;
  let lastColumn = 0;
  let inF = false;
  let fText = '';
  let fEl: XmlElement | null = null;
  walkXml(text, part, {
    open(el) {
      if (el.uri !== NS.main) return;
      if (el.local === 'dimension' && el.depth === 1) dimension = el;
      else if (el.local === 'row' && el.depth === 2) {
        const r = el.attrs.r;
        lastRow = r !== undefined && /^\d+$/.test(r.trim()) ? Number(r) : lastRow + 1;
        lastColumn = 0;
        row = { el, end: -1, row: lastRow, cells: [] };
      } else if (el.local === 'c' && row && el.depth === 3) {
        const m = el.attrs.r !== undefined ? CELL_REF.exec(el.attrs.r.trim()) : null;
        if (m) {
          lastColumn = columnNumber(m[1]);
          lastRow = Number(m[2]);
        } else lastColumn++;
        cell = { el, end: -1, row: lastRow, column: lastColumn };
      } else if (el.local === 'f' && cell) {
        inF = true;
        fText = '';
        fEl = el;
      }
    },
    text(t) {
      if (inF) fText += t;
    },
    close(el, end) {
      if (el.uri !== NS.main) return;
      if (el.local === 'f' && cell && fEl) {
        inF = false;
        const a = fEl.attrs;
        cell.fSpan = { start: fEl.start, end };
        if (a.t === 'shared' && a.si !== undefined) {
          if (fText !== '' && a.ref) {
            cell.masterOf = a.si;
            cell.formula = fText;
          } else if (fText === '') cell.followerOf = a.si;
          else cell.formula = fText;
        } else cell.formula = fText;
        fEl = null;
      } else if (el.local === 'c' && cell) {
        cell.end = end;
        row!.cells.push(cell);
        cell = null;
      } else if (el.local === 'row' && row) {
        row.end = end;
        rows.push(row);
        row = null;
      } else if (el.local === 'sheetData' && el.depth === 1) sheetData = { el, end };
    },
  });
  return { sheetData, rows, dimension };
}

/** The part's text with the updates written; each update names a cell of this sheet. */
export function applyCellUpdates(text: string, part: string, updates: CellUpdate[]): string {
  const { sheetData, rows, dimension } = locateRows(text, part);
  if (!sheetData) throw new Error(`${part} has no sheetData`);
  const p = prefixOf(sheetData.el);
  const edits: { start: number; end: number; text: string }[] = [];
  /** New start tags of rows and cells (adding `r`, dropping `spans`), by the element's start offset. */
  const startTags = new Map<number, { el: XmlElement; tag: string }>();
  const startTag = (el: XmlElement): { el: XmlElement; tag: string } => {
    let t = startTags.get(el.start);
    if (!t) {
      t = { el, tag: text.slice(el.start, el.openEnd) };
      startTags.set(el.start, t);
    }
    return t;
  };
  const replaced = new Set<number>();
  const insertions = new Map<number, { order: number; xml: string }[]>();
  const insert = (at: number, order: number, xml: string): void => {
    const list = insertions.get(at) ?? [];
    list.push({ order, xml });
    insertions.set(at, list);
  };
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const unshare = new Set<string>();
  let maxRow = 0;
  let maxColumn = 0;
  let newRows = false;
  // Rows added in this edit, by number, so that two updates of one new row share it.
  const added = new Map<number, Map<number, string>>();

  const styleAt = (address: string | undefined): string | undefined => {
    if (address === undefined) return undefined;
    const { row, column } = parseA1(address);
    return byRow.get(row)?.cells.find((c) => c.row === row && c.column === column)?.el.attrs.s;
  };
  for (const u of updates) {
    const { row, column } = parseA1(u.address);
    const like = styleAt(u.styleLike);
    maxRow = Math.max(maxRow, row);
    maxColumn = Math.max(maxColumn, column);
    const ref = a1(row, column);
    const r = byRow.get(row);
    if (!r) {
      const cells = added.get(row) ?? new Map<number, string>();
      cells.set(column, cellXml(p, ref, u.value, like, u.formula));
      added.set(row, cells);
      newRows = true;
      continue;
    }
    const existing = r.cells.find((c) => c.row === row && c.column === column);
    if (existing) {
      const s = u.styleLike !== undefined ? like : existing.el.attrs.s;
      edits.push({ start: existing.el.start, end: existing.end, text: cellXml(p, ref, u.value, s, u.formula) });
      replaced.add(existing.el.start);
      if (existing.masterOf !== undefined) unshare.add(existing.masterOf);
      continue;
    }
    // A new cell in an existing row: before the first cell to its right, or at the row's end.
    const next = r.cells.find((c) => c.column > column);
    const rowTag = startTag(r.el);
    rowTag.tag = rowTag.tag.replace(/\sspans\s*=\s*(?:"[^"]*"|'[^']*')/, '');
    // Cells written without `r` take their place from the cell before them: give each its own, so the new cell
    // does not move them.
    for (const c of r.cells)
      if (c.el.attrs.r === undefined && !replaced.has(c.el.start)) {
        const t = startTag(c.el);
        t.tag = withAttribute(t.tag, 'r', a1(c.row, c.column));
      }
    if (next) insert(next.el.start, column, cellXml(p, ref, u.value, like, u.formula));
    else if (r.el.selfClosing) {
      rowTag.tag = rowTag.tag.replace(/\s*\/>$/, '>');
      insert(r.el.openEnd, column, cellXml(p, ref, u.value, like, u.formula));
      insert(r.el.openEnd, Number.MAX_SAFE_INTEGER, `</${r.el.qname}>`);
    } else insert(r.end - `</${r.el.qname}>`.length, column, cellXml(p, ref, u.value, like, u.formula));
  }

  // New rows, in order, before the first row below them.
  const rowXml = (row: number, cells: Map<number, string>): string =>
    `<${p}row r="${row}">${[...cells]
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x)
      .join('')}</${p}row>`;
  const newRowList = [...added].sort((a, b) => a[0] - b[0]);
  if (sheetData.el.selfClosing) {
    if (newRowList.length > 0) {
      const open = text.slice(sheetData.el.start, sheetData.el.openEnd).replace(/\s*\/>$/, '>');
      const content = newRowList.map(([row, cells]) => rowXml(row, cells)).join('');
      edits.push({ start: sheetData.el.start, end: sheetData.end, text: `${open}${content}</${sheetData.el.qname}>` });
    }
  } else
    for (const [row, cells] of newRowList) {
      const next = rows.find((r) => r.row > row);
      insert(next ? next.el.start : sheetData.end - `</${sheetData.el.qname}>`.length, row, rowXml(row, cells));
    }
  if (newRows)
    for (const r of rows)
      if (r.el.attrs.r === undefined) {
        const t = startTag(r.el);
        t.tag = withAttribute(t.tag, 'r', String(r.row));
      }

  // A shared formula whose master cell was overwritten: its other cells get their own formula text.
  for (const si of unshare) {
    const master = rows.flatMap((r) => r.cells).find((c) => c.masterOf === si)!;
    for (const r of rows)
      for (const c of r.cells) {
        if (c.followerOf !== si || !c.fSpan || replaced.has(c.el.start)) continue;
        const f = shiftFormula(master.formula!, c.row - master.row, c.column - master.column);
        edits.push({ start: c.fSpan.start, end: c.fSpan.end, text: `<${p}f>${escapeXml(f)}</${p}f>` });
      }
  }

  for (const [start, t] of startTags) {
    if (replaced.has(start)) continue;
    edits.push({ start, end: t.el.openEnd, text: t.tag });
  }
  for (const [at, list] of insertions) {
    edits.push({
      start: at,
      end: at,
      text: list
        .sort((a, b) => a.order - b.order)
        .map((x) => x.xml)
        .join(''),
    });
  }
  // An insertion at the start of a replaced span has the same start and an earlier end, so splice puts it first.
  const out = splice(text, edits);
  return dimension ? withDimension(out, part, maxRow, maxColumn) : out;
}

/** The <dimension> widened to cover the cells written. */
function withDimension(text: string, part: string, maxRow: number, maxColumn: number): string {
  let dim: XmlElement | null = null;
  walkXml(text, part, {
    open(el) {
      if (el.uri === NS.main && el.local === 'dimension' && el.depth === 1) dim = el;
    },
  });
  const d = dim as XmlElement | null;
  if (!d) return text;
  const ref = (d.attrs.ref ?? 'A1').split(':');
  const a = CELL_REF.exec(ref[0]);
  const b = CELL_REF.exec(ref[1] ?? ref[0]);
  if (!a || !b) return text;
  const r2 = Math.max(Number(b[2]), maxRow);
  const c2 = Math.max(columnNumber(b[1]), maxColumn);
  const next = `${a[1].toUpperCase()}${a[2]}:${a1(r2, c2)}`;
  if (next === d.attrs.ref) return text;
  const tag = withAttribute(text.slice(d.start, d.openEnd), 'ref', next);
  return text.slice(0, d.start) + tag + text.slice(d.openEnd);
}

const RANGE = /^(\$?[A-Za-z]{1,3}\$?)(\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?)(\d{1,7}))?$/;

/** A sqref (space-separated ranges) with every range that ends on `lastRow` (and starts below the header) extended. */
export function grownSqref(sqref: string, lastRow: number, newLastRow: number): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => {
      const m = RANGE.exec(r);
      if (!m) return r;
      const end = Number(m[4] ?? m[2]);
      if (end !== lastRow || Number(m[2]) > lastRow) return r;
      return `${m[1]}${m[2]}:${m[3] ?? m[1]}${newLastRow}`;
    })
    .join(' ');
}

/**
 * A sheet whose register grew from `lastRow` to `newLastRow`: data validations and conditional formats that reach
 * the old last row now reach the new one, as Excel extends them when a row is added to a table.
 */
export function growValidations(text: string, part: string, lastRow: number, newLastRow: number): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walkXml(text, part, {
    open(el) {
      if (el.uri !== NS.main || (el.local !== 'dataValidation' && el.local !== 'conditionalFormatting')) return;
      const sqref = el.attrs.sqref;
      if (sqref === undefined) return;
      const grown = grownSqref(sqref, lastRow, newLastRow);
      if (grown !== sqref)
        edits.push({
          start: el.start,
          end: el.openEnd,
          text: withAttribute(text.slice(el.start, el.openEnd), 'sqref', grown),
        });
    },
  });
  return splice(text, edits);
}
