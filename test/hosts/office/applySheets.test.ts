import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parsePanel } from '../../../src/core';
import { applySheets, POINTS_PER_CHARACTER } from '../../../src/hosts/office/applySheets';
import { readSheets } from '../../../src/hosts/office/readSheets';
import { loadXlsx, sheetData } from '../../helpers/excelJsReader';
import { bytesOfSpec } from '../../helpers/xlsx';
import { a1, cellsOf } from '../../../src/workbook/address';
import { buildWorkbook } from '../../../src/workbook/build';
import type { WorkbookSpec } from '../../../src/workbook/model';
import { fakeExcel, type FakeSheet } from '../../fakes/fakeExcel';
import { formulaCalculator } from '../../fakes/formulaCalc';
import { makePanel } from '../../helpers/panels';

const small = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../fixtures/panel-small.json'), 'utf8')));
const options = { now: '2026-11-24 09:00:00', user: 't', password: 'pw-123456' };

/** What a sheet holds, in one shape for both hosts. */
interface Held {
  formulas: Record<string, string>;
  constants: Record<string, unknown>;
  unlocked: string[];
  merges: string[];
  validated: string[];
  protected: boolean;
  widths: number[];
}

function fromFake(s: FakeSheet): Held {
  const formulas: Record<string, string> = {};
  const constants: Record<string, unknown> = {};
  const unlocked: string[] = [];
  for (const [k, c] of s.cells) {
    if (c.formula !== null) formulas[k] = c.formula;
    else if (c.value !== '' && c.value !== null) constants[k] = c.value;
    if (!c.locked) unlocked.push(k);
  }
  const widths: number[] = [];
  for (const [col, w] of s.columnWidths) widths[col - 1] = w / POINTS_PER_CHARACTER;
  return {
    formulas,
    constants,
    unlocked: unlocked.sort(),
    merges: [...s.merges].sort(),
    validated: [...s.validations.keys()].sort(),
    protected: s.protectedWith !== null,
    widths,
  };
}

function fromExcelJs(ws: ExcelJS.Worksheet): Held {
  const data = sheetData(ws);
  const formulas: Record<string, string> = {};
  const constants: Record<string, unknown> = {};
  const unlocked: string[] = [];
  data.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = data.formulas[r][c];
      if (f !== null) formulas[a1(r + 1, c + 1)] = f;
      else if (v !== null && v !== '') constants[a1(r + 1, c + 1)] = v;
    }),
  );
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.protection?.locked === false) unlocked.push(cell.address);
    }),
  );
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  const validated = Object.keys(model)
    .filter((k) => model[k])
    .flatMap((ref) => cellsOf(ref).map(({ row, column }) => a1(row, column)));
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).map((k) => {
    const m = (ws as unknown as { _merges: Record<string, { range: string }> })._merges[k];
    return m.range;
  });
  const widths: number[] = [];
  ws.columns.forEach((c, i) => {
    if (c.width !== undefined) widths[i] = c.width;
  });
  return {
    formulas,
    constants,
    unlocked: unlocked.sort(),
    merges: merges.sort(),
    validated: [...new Set(validated)].sort(),
    protected: (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true,
    widths,
  };
}

/** Where two hosts' sheets differ, briefly (a deep diff of whole sheets is unreadable). */
function differences(sheet: string, a: Held, b: Held): string[] {
  const out: string[] = [];
  for (const field of ['formulas', 'constants'] as const) {
    const keys = new Set([...Object.keys(a[field]), ...Object.keys(b[field])]);
    for (const k of keys) {
      if (JSON.stringify(a[field][k]) !== JSON.stringify(b[field][k])) {
        out.push(`${sheet}!${k} ${field}: office ${JSON.stringify(a[field][k])} / xlsx ${JSON.stringify(b[field][k])}`);
      }
    }
  }
  // ExcelJS leaves a column of its default width (9) unwritten; a spreadsheet shows it at that width.
  const n = Math.max(a.widths.length, b.widths.length);
  const widths = (w: number[]): number[] => Array.from({ length: n }, (_x, i) => w[i] ?? 9);
  if (JSON.stringify(widths(a.widths)) !== JSON.stringify(widths(b.widths))) {
    out.push(`${sheet} widths: office ${JSON.stringify(a.widths)} / xlsx ${JSON.stringify(b.widths)}`);
  }
  for (const field of ['unlocked', 'merges', 'validated', 'protected'] as const) {
    if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) {
      out.push(
        `${sheet} ${field}: office ${JSON.stringify(a[field]).slice(0, 120)} / xlsx ${JSON.stringify(b[field]).slice(0, 120)}`,
      );
    }
  }
  return out;
}

describe('the fake Excel host', () => {
  it('enforces load and sync like Excel and counts syncs', async () => {
    const { context, state } = fakeExcel();
    const sheets = context.workbook.worksheets;
    expect(() => sheets.items).toThrow('PropertyNotLoaded');
    sheets.add('一');
    sheets.load('items/name');
    expect(() => sheets.items).toThrow('PropertyNotLoaded');
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['一']);
    const ws = sheets.getItemOrNullObject('二');
    expect(() => ws.isNullObject).toThrow('PropertyNotLoaded');
    sheets.getItem('三');
    await expect(context.sync()).rejects.toThrow('ItemNotFound');
    expect(state.syncs).toBe(2);
  });

  it('runs a batch in order and stops it at the first failure, as Excel does', async () => {
    const { context, state } = fakeExcel();
    const ws = context.workbook.worksheets.add('表');
    ws.getRange('A1').formulas = [[1]];
    expect(state.sheets).toHaveLength(0); // nothing happens before sync
    ws.protection.protect({}, 'pw');
    ws.getRange('A2').formulas = [[2]]; // refused: the sheet is protected by then
    ws.getRange('A3').formulas = [[3]]; // never reached
    await expect(context.sync()).rejects.toThrow('AccessDenied');
    const sheet = state.sheets[0];
    expect([sheet.cells.get('A1')?.value, sheet.cells.get('A2'), sheet.cells.get('A3')]).toEqual([
      1,
      undefined,
      undefined,
    ]);
    ws.protection.unprotect('wrong');
    await expect(context.sync()).rejects.toThrow('wrong password');
    expect(sheet.protectedWith).not.toBeNull();
  });

  it('calculates the sheets as Excel would: 复核, recomputed from the expert sheets, agrees with 汇总', async () => {
    const spec = buildWorkbook(small, options).spec;
    const { context, state } = fakeExcel();
    state.calculator = formulaCalculator();
    await applySheets(context, spec.sheets, spec.styles, spec.password);
    const data = await readSheets(context, ['复核', '初评-E01']);
    const check = data.sheets.find((s) => s.name === '复核')!;
    const rows = check.values.filter((r) => typeof r[0] === 'string' && /^C\d+$/.test(r[0]));
    expect(rows.length).toBe(small.cases.length);
    for (const r of rows) expect(r.at(-1)).toBe('一致');
    expect(rows[0].slice(11, 14)).toEqual([70.12, 70.12, '三等']);
    const expert = data.sheets.find((s) => s.name === '初评-E01')!;
    expect(expert.values[5].slice(21, 23)).toEqual([66, '✓']); // the total and the check column
  });
});

describe('the Office.js host', () => {
  it('holds the same cells, formulas, merges, validation and protection as the .xlsx host from one description', async () => {
    const spec: WorkbookSpec = buildWorkbook(small, options).spec;
    const { context, state } = fakeExcel();
    await applySheets(context, spec.sheets, spec.styles, spec.password);
    const wb = await loadXlsx(await bytesOfSpec(spec));
    expect(state.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
    const diffs: string[] = [];
    for (const ws of wb.worksheets) {
      const fake = fromFake(state.sheets.find((s) => s.name === ws.name)!);
      const xlsx = fromExcelJs(ws);
      diffs.push(...differences(ws.name, fake, xlsx));
    }
    expect(diffs.slice(0, 20)).toEqual([]);
  });

  it('keeps text that looks like a formula as text', async () => {
    const raw = makePanel({ cases: 1, experts: [1, 1, 1] });
    raw.cases[0].name = '=HYPERLINK("http://x")';
    raw.cases[0].applicant = '+单位';
    const spec = buildWorkbook(parsePanel(raw), options).spec;
    const { context, state } = fakeExcel();
    await applySheets(context, spec.sheets, spec.styles);
    const cases = state.sheets.find((s) => s.name === '案例登记')!;
    expect(cases.cells.get('B2')).toMatchObject({ value: '=HYPERLINK("http://x")', formula: null, numberFormat: '@' });
    expect(cases.cells.get('C2')).toMatchObject({ value: '+单位', formula: null });
  });

  it('writes and reads in a constant number of syncs, one more only per 5,000,000 bytes of payload', async () => {
    const counts: number[][] = [];
    const payloads: number[][] = [];
    const largest: number[] = [];
    for (const n of [5, Number(process.env.OFFICE_CASES || 500)]) {
      const spec = buildWorkbook(parsePanel(makePanel({ cases: n, experts: [3, 3, 3] })), options).spec;
      const { context, state } = fakeExcel();
      const phase = async (run: () => Promise<unknown>): Promise<[number, number]> => {
        const [syncs, at] = [state.syncs, state.requestBytes.length];
        await run();
        const bytes = [...state.requestBytes.slice(at), ...state.responseBytes.slice(at)].reduce((a, b) => a + b, 0);
        return [state.syncs - syncs, bytes];
      };
      const write = await phase(() => applySheets(context, spec.sheets, spec.styles, spec.password));
      // Replacing existing sheets: staged, swapped in, the protected ones' password checked first.
      const replace = await phase(() => applySheets(context, spec.sheets.slice(5, 8), spec.styles, spec.password));
      let data: Awaited<ReturnType<typeof readSheets>> | undefined;
      const read = await phase(async () => (data = await readSheets(context)));
      counts.push([write[0], replace[0], read[0]]);
      payloads.push([write[1], replace[1], read[1]]);
      largest.push(Math.max(...state.requestBytes, ...state.responseBytes));
      expect(data!.sheets).toHaveLength(spec.sheets.length);
      expect(state.sheets.map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
    }
    // Write: the sheet list, one batch. Replace: the list, the password, one batch. Read: the sheet list, the
    // used ranges, a sample of rows, the cells.
    expect(counts[0]).toEqual([2, 3, 4]);
    counts[1].forEach((syncs, i) =>
      expect(syncs).toBeLessThanOrEqual(counts[0][i] + Math.ceil(payloads[1][i] / 5_000_000)),
    );
    expect(largest[1]).toBeLessThan(5_000_000);
    expect(largest[1]).toBeGreaterThan(largest[0]);
  });

  it('reads back what it wrote, from A1, errors as error values', async () => {
    const spec = buildWorkbook(small, options).spec;
    const { context } = fakeExcel();
    await applySheets(context, spec.sheets, spec.styles);
    const data = await readSheets(context, ['案例登记']);
    expect(data.sheets[0].values[0].slice(0, 3)).toEqual(['案例编号', '案例名称', '申报单位']);
    expect(data.sheets[0].values[1][0]).toBe('C001');
    expect(data.sheets[0].formulas[1][5]).toContain('INDEX(');
  });
});
