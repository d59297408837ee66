import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { ceeas } from '../helpers/cli';
import { excelJsBook } from '../helpers/excelJsReader';

// Random damage to a valid workbook, through every command that reads one: each run ends in results, findings or a
// one-sentence refusal (exit 2) — never a crash, a stack trace, NaN, or a grade for a case an error names.

const small = join(__dirname, '../fixtures/panel-small.json');
const RUNS = Number(process.env.FUZZ_RUNS || 24);

const value = fc.oneof(
  fc.integer({ min: -20, max: 120 }),
  fc.double({ min: -1e308, max: 1e308, noNaN: true }),
  fc.constantFrom('八', '８', ' 7 ', '=1+1', '回避', '', '#N/A', '通过', '是'),
  fc.constant(null),
  fc.constant({ error: '#REF!' }),
  fc.constant({ formula: '1/0' }),
  fc.boolean(),
);

const damage = fc.oneof(
  fc.record({
    kind: fc.constant('cell' as const),
    sheet: fc.nat(),
    row: fc.integer({ min: 1, max: 12 }),
    col: fc.integer({ min: 1, max: 26 }),
    value,
  }),
  fc.record({ kind: fc.constant('delete' as const), sheet: fc.nat() }),
  fc.record({
    kind: fc.constant('rename' as const),
    sheet: fc.nat(),
    name: fc.constantFrom('初评-E99', '汇总2', 'Sheet1', '复评-E01'),
  }),
  fc.record({ kind: fc.constant('insertRow' as const), sheet: fc.nat(), row: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    kind: fc.constant('merge' as const),
    sheet: fc.nat(),
    row: fc.integer({ min: 2, max: 10 }),
    col: fc.integer({ min: 1, max: 20 }),
  }),
);

type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function apply(wb: ExcelJS.Workbook, d: Damage): void {
  const sheets = wb.worksheets;
  if (sheets.length === 0) return;
  const ws = sheets[d.sheet % sheets.length];
  switch (d.kind) {
    case 'cell':
      ws.getCell(d.row, d.col).value = d.value as ExcelJS.CellValue;
      break;
    case 'delete':
      if (sheets.length > 1) wb.removeWorksheet(ws.id);
      break;
    case 'rename':
      if (!wb.getWorksheet(d.name)) ws.name = d.name;
      break;
    case 'insertRow':
      ws.spliceRows(d.row, 0, ['插入的行']);
      break;
    case 'merge':
      try {
        ws.mergeCells(d.row, d.col, d.row + 1, d.col + 1);
      } catch {
        // Overlapping an existing merge: Excel refuses it too.
      }
      break;
  }
}

function checkOutput(res: { code: number; out: string; err: string }, json: boolean): void {
  expect([0, 1, 2]).toContain(res.code);
  expect(res.err).not.toMatch(/\n\s+at /);
  expect(res.out + res.err).not.toMatch(/NaN|undefined|\[object Object\]/);
  if (res.code === 2) {
    expect(res.err.trim().split('\n')).toHaveLength(1);
    return;
  }
  if (!json) return;
  const parsed = JSON.parse(res.out);
  if (!parsed.cases) return;
  const errored = new Set(
    parsed.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { case: string }) => f.case),
  );
  for (const c of parsed.cases) {
    if (c.status === 'graded') {
      expect(c.score).toMatch(/^\d{1,3}\.\d{2}$/);
      expect(errored.has(c.id)).toBe(false);
    } else {
      expect([c.score, c.grade]).toEqual([null, null]);
    }
  }
}

describe('fuzzing damaged workbooks', () => {
  let pristine: Buffer;
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-fuzz-'));

  beforeAll(async () => {
    const path = join(dir, 'book.xlsx');
    await ceeas('build', small, '-o', path);
    pristine = readFileSync(path);
  });

  it('compute, audit and collect end in results, findings or exit 2', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), async (damages) => {
        const wb = await excelJsBook(pristine);
        for (const d of damages) apply(wb, d);
        const path = join(dir, `damaged-${n++}.xlsx`);
        await wb.xlsx.writeFile(path);
        const before = readFileSync(path);
        checkOutput(await ceeas('compute', path, '--json', '--dry-run'), true);
        expect(readFileSync(path).equals(before)).toBe(true);
        checkOutput(await ceeas('audit', path, '--json'), false);
        const copy = join(dir, `master-${n}.xlsx`);
        writeFileSync(copy, pristine);
        checkOutput(await ceeas('collect', copy, path, '--json'), false);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED || 2026) },
    );
  });
});
