import { columnLetter, columnNumber } from '../address';
import type { PrintSpec } from '../model';

// How a sheet is laid out on A4 paper. A sheet scaled "to fit one page wide" prints at whatever size its width
// leaves: the expert sheets came out at about 5 pt. Instead every sheet prints at a fixed scale chosen here from its
// column widths, no smaller than what keeps 11 pt body text at 9 pt or more; a sheet too wide for that is split into
// pages side by side, at column boundaries its builder allows, with its key columns repeated on each page. A fixed
// scale also keeps manual page breaks working, which "fit to" scaling lets Excel ignore.

/** Printable width of A4 in points with the 0.5 in side margins every sheet gets. */
export const PRINTABLE_WIDTH = { portrait: 595 - 72, landscape: 842 - 72 } as const;

/** Printable height of A4 in points with the 0.6 in top and bottom margins every sheet gets. */
export const PRINTABLE_HEIGHT = { portrait: 842 - 86, landscape: 595 - 86 } as const;

/**
 * Points one unit of column width takes at 100 %. LibreOffice prints a width of 10 as 70 pt; Excel, measuring by
 * the default font's digit width, prints it narrower (about 56 pt), so a plan that fits LibreOffice fits Excel.
 */
export const POINTS_PER_WIDTH_UNIT = 7;

/** Body text is 11 pt; at 85 % it prints at 9.35 pt. */
export const BODY_POINTS = 11;
export const MIN_SCALE = 85;

export interface PrintHints {
  /** The orientation to use when the sheet fits it at MIN_SCALE or more; landscape is tried next. */
  orientation: 'portrait' | 'landscape';
  titleRows?: string;
  /** Columns (1-based, first..last) repeated at the left of every page after a column break. */
  titleColumns?: [number, number];
  /** Columns before which the sheet may be split across pages; by default anywhere after the title columns. */
  breakable?: number[];
  breaksBefore?: number[];
}

function widthOf(columns: readonly number[], from: number, to: number): number {
  let w = 0;
  for (let c = from; c <= to; c++) w += columns[c - 1] ?? 8.43;
  return w * POINTS_PER_WIDTH_UNIT;
}

function scaleFor(width: number, printable: number): number {
  return Math.min(100, Math.floor((printable / width) * 100));
}

/** The print setup of a sheet with these column widths (1-based columns 1..columns.length). */
export function planPrint(columns: readonly number[], hints: PrintHints): PrintSpec {
  const last = columns.length;
  const total = widthOf(columns, 1, last);
  const base = {
    paper: 'A4' as const,
    ...(hints.titleRows ? { titleRows: hints.titleRows } : {}),
    ...(hints.breaksBefore?.length ? { breaksBefore: hints.breaksBefore } : {}),
  };
  for (const orientation of [hints.orientation, 'landscape'] as const) {
    const scale = scaleFor(total, PRINTABLE_WIDTH[orientation]);
    if (scale >= MIN_SCALE) return { ...base, orientation, scale };
  }
  // Too wide for one landscape page: pages side by side, each as wide as MIN_SCALE allows.
  const printable = PRINTABLE_WIDTH.landscape;
  const capacity = (printable * 100) / MIN_SCALE;
  const [t0, t1] = hints.titleColumns ?? [0, -1];
  const repeated = hints.titleColumns ? widthOf(columns, t0, t1) : 0;
  const allowed = new Set(hints.breakable ?? columns.map((_, i) => i + 1).filter((c) => c > Math.max(1, t1 + 1)));
  const breaks: number[] = [];
  let start = 1;
  let widest = 0;
  let candidate: number | null = null;
  for (let c = 1; c <= last; c++) {
    if (allowed.has(c) && c > start) candidate = c;
    const width = widthOf(columns, start, c) + (start > 1 ? repeated : 0);
    if (width > capacity && candidate !== null) {
      widest = Math.max(widest, widthOf(columns, start, candidate - 1) + (start > 1 ? repeated : 0));
      breaks.push(candidate);
      start = candidate;
      candidate = null;
    }
  }
  widest = Math.max(widest, widthOf(columns, start, last) + (start > 1 ? repeated : 0));
  return {
    ...base,
    orientation: 'landscape',
    scale: Math.max(1, scaleFor(widest, printable)),
    ...(breaks.length > 0 ? { breaksBeforeColumns: breaks, overThenDown: true } : {}),
    ...(breaks.length > 0 && hints.titleColumns ? { titleColumns: hints.titleColumns } : {}),
  };
}

/** The point size body text prints at on a sheet with this setup. */
export function printedBodyPoints(print: PrintSpec): number {
  return (BODY_POINTS * print.scale) / 100;
}

/**
 * Merged ranges cut at the sheet's column breaks: a title merged across the whole sheet would otherwise be split
 * between two pages, half on each. The part that holds the merge's first cell (and its text) is kept.
 */
export function mergesWithinPages(merges: readonly string[], breaks: readonly number[] | undefined): string[] {
  if (!breaks || breaks.length === 0) return [...merges];
  return merges.flatMap((m) => {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
    if (!match) return [m];
    const from = columnNumber(match[1]);
    const to = columnNumber(match[3]);
    const cut = breaks.find((b) => b > from && b <= to);
    if (cut === undefined) return [m];
    if (cut - 1 === from && match[2] === match[4]) return [];
    return [`${match[1]}${match[2]}:${columnLetter(cut - 1)}${match[4]}`];
  });
}
