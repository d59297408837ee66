import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePanel } from '../../../src/core';
import { cellsOf, columnLetter, parseA1 } from '../../../src/workbook/address';
import { buildWorkbook } from '../../../src/workbook/build';
import type { SheetSpec, StyleSpec } from '../../../src/workbook/model';
import {
  mergesWithinPages,
  planPrint,
  printedBodyPoints,
  POINTS_PER_WIDTH_UNIT,
  PRINTABLE_HEIGHT,
} from '../../../src/workbook/print/pagePlan';
import { wrappedLines } from '../../../src/workbook/print/textFit';
import { applicationSheet } from '../../../src/workbook/sheets/applicationSheet';
import { lettersSheet } from '../../../src/workbook/sheets/lettersSheet';
import { scoreFormSheet } from '../../../src/workbook/sheets/scoreFormSheet';
import { STYLES } from '../../../src/workbook/styles';

// Every text of every sheet the workbook prints fits its cell as planned: wrapped within a row tall enough, or on
// one line within its width (or spilling into empty cells, as both programs show it). The printed test measures
// the same on LibreOffice's PDF; this one names the cell of any text a builder did not make room for.

const panel = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../../samples/panel-sample.json'), 'utf8')));
const built = buildWorkbook(panel, { now: '2026-11-24 09:00:00', user: 't' });
const c = panel.cases[0]!;
const sheets: SheetSpec[] = [
  ...built.spec.sheets,
  applicationSheet(c, '申报表-C001'),
  scoreFormSheet(panel.rubric, {
    name: '评分表',
    title: panel.title,
    caseId: c.id,
    caseName: c.name,
    applicant: c.applicant,
    roundLabel: '初评',
    expertLabel: '评审专家：王建国（E01）',
    scores: panel.scores[0]!.items,
  }),
  lettersSheet({
    title: panel.title,
    organizer: panel.notice.organizer,
    stage: 'final',
    issueDate: '2027-01-12',
    period: { first: '2026-12-28', last: '2027-01-06' },
    letters: [
      {
        caseId: c.id,
        caseName: c.name,
        applicant: c.applicant,
        score: '93.17',
        grade: '二等',
        changedFrom: '三等',
        certificate: 'CEEAS-2027-2-001',
      },
    ],
  }),
];

const LINE = 1.3;

/** The text a cell shows: numbers as their format shows them (0.00 → two decimals). */
function cellText(v: unknown, format?: string): string {
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') return '';
  const decimals = /0\.(0+)/.exec(format ?? '')?.[1]?.length;
  return decimals === undefined ? String(v) : v.toFixed(decimals);
}

function problems(sheet: SheetSpec): string[] {
  const widths = sheet.columns ?? [];
  const width = (col: number): number => widths[col - 1] ?? 8.43;
  const height = (row: number): number => sheet.rowHeights?.[row] ?? 15;
  const merged = new Map<string, { rows: number[]; cols: number[] }>();
  const covered = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const cells = cellsOf(m);
    const rows = [...new Set(cells.map((x) => x.row))];
    const cols = [...new Set(cells.map((x) => x.column))];
    merged.set(`${rows[0]}:${cols[0]}`, { rows, cols });
    for (const x of cells.slice(1)) covered.add(`${x.row}:${x.column}`);
  }
  const out: string[] = [];
  sheet.rows.forEach((row, i) =>
    row.forEach((cell, k) => {
      const r = i + 1;
      const col = k + 1;
      const style: StyleSpec = (STYLES as Record<string, StyleSpec>)[cell?.style ?? ''] ?? {};
      const text = cellText(cell?.value ?? cell?.result, style.numberFormat);
      if (text === '' || covered.has(`${r}:${col}`)) return;
      const points = style.size ?? 11;
      const area = merged.get(`${r}:${col}`) ?? { rows: [r], cols: [col] };
      const w = area.cols.reduce((a, x) => a + width(x), 0);
      const h = area.rows.reduce((a, x) => a + height(x), 0);
      const lines = wrappedLines(text, w, points);
      const where = `${sheet.name}!${columnLetter(col)}${r}`;
      if (style.wrap) {
        if (lines * points * LINE > h + 1)
          out.push(`${where} needs ${Math.ceil(lines * points * LINE)} pt, has ${h}: ${text.slice(0, 20)}`);
        return;
      }
      if (lines === 1) return;
      // One line wider than its cell: visible only while the cells it spills into are empty and not merged.
      const need = needed(text, points);
      let room = w;
      for (let x = area.cols[area.cols.length - 1]! + 1; room < need; x++) {
        const next = sheet.rows[i]?.[x - 1];
        const taken = next !== null && next !== undefined && cellText(next.value ?? next.result) !== '';
        if (taken || covered.has(`${r}:${x}`) || merged.has(`${r}:${x}`) || x > row.length + 20) {
          out.push(`${where} is cut at its neighbour: ${text.slice(0, 20)}`);
          return;
        }
        room += width(x);
      }
    }),
  );
  return out;
}

/** Width units a one-line text needs. */
function needed(text: string, points: number): number {
  let units = 1;
  while (wrappedLines(text, units, points) > 1) units++;
  return units;
}

describe('every printed text has room', () => {
  it.each(sheets.map((s) => [s.name, s] as const))('%s', (_name, sheet) => {
    expect(problems(sheet)).toEqual([]);
  });

  it('keeps the Appendix C form on one A4 page at full size', () => {
    const form = sheets.find((s) => s.name === '申报表-C001')!;
    const rows = form.rows.map((_, i) => form.rowHeights?.[i + 1] ?? 15);
    expect(form.print!.scale).toBe(100);
    expect(rows.reduce((a, b) => a + b)).toBeLessThanOrEqual(PRINTABLE_HEIGHT.portrait - 12);
  });

  it('prints every sheet at a scale that keeps 11 pt text at 9 pt or more', () => {
    for (const s of sheets) expect([s.name, printedBodyPoints(s.print!) >= 9]).toEqual([s.name, true]);
  });
});

describe('the page plan', () => {
  it('fits a narrow sheet on portrait at full size, a wider one at a smaller scale, then landscape', () => {
    expect(planPrint([20, 20, 20], { orientation: 'portrait' })).toMatchObject({ orientation: 'portrait', scale: 100 });
    expect(planPrint([40, 40], { orientation: 'portrait' })).toMatchObject({ orientation: 'portrait', scale: 93 });
    expect(planPrint([50, 50], { orientation: 'portrait' })).toMatchObject({ orientation: 'landscape', scale: 100 });
  });

  it('splits a sheet too wide for one landscape page at the columns allowed, repeating the title columns', () => {
    const columns = [10, 20, ...Array.from({ length: 20 }, () => 8)];
    const plan = planPrint(columns, { orientation: 'landscape', titleColumns: [1, 2], breakable: [8, 13, 18] });
    expect(plan.breaksBeforeColumns).toEqual([13]);
    expect(plan.titleColumns).toEqual([1, 2]);
    expect(plan.overThenDown).toBe(true);
    const pageWidth = (from: number, to: number, repeated: number): number =>
      (columns.slice(from - 1, to).reduce((a, b) => a + b, 0) + repeated) * POINTS_PER_WIDTH_UNIT * (plan.scale / 100);
    expect(pageWidth(1, 12, 0)).toBeLessThanOrEqual(770);
    expect(pageWidth(13, 22, 30)).toBeLessThanOrEqual(770);
    expect(plan.scale).toBeGreaterThanOrEqual(85);
  });

  it('cuts merges at column breaks, keeping the part with the text', () => {
    expect(mergesWithinPages(['A1:T1', 'A2:B2', 'M3:N5', 'L4:L6'], [12])).toEqual(['A1:K1', 'A2:B2', 'M3:N5', 'L4:L6']);
    expect(mergesWithinPages(['K1:M1'], [12])).toEqual([]);
    expect(parseA1('K1').column).toBe(11);
  });
});
