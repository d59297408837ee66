import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { APPENDIX_B } from '../../src/core';
import { loadXlsx, workbookData, excelJsBook } from '../helpers/excelJsReader';
import { a1 } from '../../src/workbook/address';
import type { WorkbookData } from '../../src/workbook/model';
import { expertSheetName, SHEET } from '../../src/workbook/names';
import { expertLayout } from '../../src/workbook/sheets/expertLayout';
import { ceeas } from '../helpers/cli';
import { bytesOf, expectUnusable, tmp } from '../helpers/hostile';

// Returned expert workbooks that are not what they should be, through `ceeas collect`. Each ends in a refusal or
// conflict naming the sheet or cell, or is taken correctly where matching by sheet name, case id and item header is
// the right thing; a non-empty cell of the master is never overwritten.

const small = join(__dirname, '../fixtures/panel-small.json');
const sample = join(__dirname, '../../samples/panel-sample.json');
const L = expertLayout(APPENDIX_B);
const SHEET_E01 = expertSheetName('initial', 'E01');
const ROW_C003 = L.firstRow + 2;
const ITEM_COLUMNS = Object.values(L.itemColumns);

const dir = tmp('ceeas-collect-');
let master: Buffer;
let exported: Buffer;
let n = 0;

// E01 scores the initial round and also sits in the review round; the master lacks E01's initial scores for C003
// and all of E01's review scores, so a returned sheet has empty master cells to fill.
beforeAll(async () => {
  const raw = JSON.parse(readFileSync(small, 'utf8'));
  raw.rounds.review.experts.push('E01');
  raw.scores = raw.scores.filter((s: { expert: string; case: string }) => !(s.expert === 'E01' && s.case === 'C003'));
  const panel = join(dir, 'panel.json');
  writeFileSync(panel, JSON.stringify(raw));
  const book = join(dir, 'master.xlsx');
  expect((await ceeas('build', panel, '-o', book)).code).toBe(0);
  master = readFileSync(book);
  const mine = join(dir, 'E01.xlsx');
  expect((await ceeas('export', book, '--round', 'initial', '--expert', 'E01', '-o', mine)).code).toBe(0);
  exported = readFileSync(mine);
});

/** E01's exported workbook with C003 scored 3 on every item, then changed as a hostile return would be. */
async function returned(
  change: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void,
  from: Buffer = exported,
): Promise<string> {
  const wb = await excelJsBook(from);
  const ws = wb.worksheets.find((w) => /^(初评|复评|终评)-/.test(w.name))!;
  if (from === exported) for (const c of ITEM_COLUMNS) ws.getCell(ROW_C003, c).value = 3;
  change(wb, ws);
  const path = join(dir, `returned-${n++}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

interface Report {
  filled: number;
  conflicts: { cell: string; message: string }[];
  refused: string[];
  taken: { sheet: string; filled: number; same: number }[];
}

/** Collects into a fresh copy of the master; checks that no non-empty master cell changed. */
async function collect(file: string): Promise<{ code: number; report: Report; book: string; after: WorkbookData }> {
  const book = join(dir, `master-${n++}.xlsx`);
  writeFileSync(book, master);
  const res = await ceeas('collect', book, file, '--json');
  expect(res.err).not.toMatch(/\n\s+at |Error:/);
  const report = JSON.parse(res.out) as Report;
  const text = JSON.stringify(report);
  expect(text).not.toMatch(/NaN|undefined|\[object/);
  if (report.filled === 0) expect(bytesOf(book)!.equals(master)).toBe(true);
  const before = workbookData(await loadXlsx(master));
  const after = workbookData(await loadXlsx(readFileSync(book)));
  for (const s of before.sheets) {
    const t = after.sheets.find((x) => x.name === s.name)!;
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') expect([s.name, r + 1, c + 1, t.values[r][c]]).toEqual([s.name, r + 1, c + 1, v]);
      }),
    );
  }
  return { code: res.code, report, book, after };
}

const valueIn = (data: WorkbookData, sheet: string, row: number, col: number): unknown =>
  data.sheets.find((s) => s.name === sheet)!.values[row - 1]?.[col - 1] ?? null;

describe('collect refuses returned workbooks that are not the expert sheet they claim to be', () => {
  it('the wrong workbook (only the rubric): refused, naming the sheets it holds', async () => {
    const res = await collect(await returned((wb, ws) => wb.removeWorksheet(ws.id)));
    expect(res.code).toBe(1);
    expect(res.report.filled).toBe(0);
    expect(res.report.refused).toEqual([expect.stringContaining('没有专家评分表')]);
    expect(res.report.refused[0]).toContain(`“${SHEET.rubric}”`);
  });

  it("the wrong workbook (another evaluation's sheet of the same name): refused, naming both titles", async () => {
    const other = join(dir, 'other.xlsx');
    await ceeas('build', sample, '-o', other);
    const theirs = join(dir, 'other-E01.xlsx');
    expect((await ceeas('export', other, '--round', 'initial', '--expert', 'E01', '-o', theirs)).code).toBe(0);
    const res = await collect(await returned(() => undefined, readFileSync(theirs)));
    expect(res.code).toBe(1);
    expect(res.report.filled).toBe(0);
    expect(res.report.refused).toEqual([
      expect.stringContaining(`“${SHEET_E01}”标题为“2026年度企业科技创新成果转化评价　`),
    ]);
    expect(res.report.refused[0]).toContain('其他评价');
  });

  it('a renamed sheet (Sheet1): not guessed at, refused naming the sheet and the name to restore', async () => {
    const res = await collect(await returned((_wb, ws) => (ws.name = 'Sheet1')));
    expect(res.code).toBe(1);
    expect(res.report.filled).toBe(0);
    expect(res.report.refused).toEqual([expect.stringContaining('工作表“Sheet1”像是初评专家 E01 的评分表')]);
    expect(res.report.refused[0]).toContain('“初评-E01”');
  });

  it("a sheet renamed to another expert's: refused, naming the expert id cell", async () => {
    const res = await collect(await returned((_wb, ws) => (ws.name = '初评-E02')));
    expect(res.code).toBe(1);
    expect(res.report.filled).toBe(0);
    expect(res.report.refused).toEqual([expect.stringContaining('“初评-E02”表内专家编号为 E01（初评-E02!D2）')]);
  });

  it("an expert's sheet from another round renamed to this one: refused, naming the round cell", async () => {
    // E01 also sits in the review round, whose sheet in the master is still empty: taking it would fill the review
    // round with the initial round's scores.
    const res = await collect(await returned((_wb, ws) => (ws.name = expertSheetName('review', 'E01'))));
    expect(res.code).toBe(1);
    expect(res.report.filled).toBe(0);
    expect(res.report.refused).toEqual([
      expect.stringContaining('表内轮次为初评（复评-E01!D2），与主工作簿的复评不符'),
    ]);
  });

  it('a sheet of a round the expert is not in: refused, naming the sheet', async () => {
    const res = await collect(await returned((_wb, ws) => (ws.name = expertSheetName('final', 'E01'))));
    expect(res.code).toBe(1);
    expect(res.report.refused).toEqual([expect.stringContaining('评分表“终评-E01”在主工作簿中不存在')]);
  });

  it('a row whose case name differs from the master (a different case under the same id): refused, naming the cell', async () => {
    const res = await collect(await returned((_wb, ws) => (ws.getCell(ROW_C003, L.colName).value = '别的项目')));
    expect(res.code).toBe(1);
    expect(res.report.filled).toBe(0);
    expect(res.report.refused).toEqual([
      expect.stringContaining(`${SHEET_E01}!${a1(ROW_C003, L.colName)} 案例 C003 的名称为“别的项目”`),
    ]);
  });
});

describe('collect takes what can be placed exactly, and names each cell it cannot take', () => {
  it('reordered sheets are taken correctly: sheets are matched by name, not position', async () => {
    const file = await returned((wb, ws) => {
      // ExcelJS orders sheets by this field, which its typings leave out.
      const rubric = wb.getWorksheet(SHEET.rubric)! as unknown as { orderNo: number };
      const mine = ws as unknown as { orderNo: number };
      [rubric.orderNo, mine.orderNo] = [mine.orderNo, rubric.orderNo];
    });
    const reordered = await excelJsBook(file);
    expect(reordered.worksheets.map((w) => w.name)).toEqual([SHEET.rubric, SHEET_E01]);
    const res = await collect(file);
    expect(res.code).toBe(0);
    expect(res.report.taken).toEqual([{ sheet: SHEET_E01, filled: 13, same: 39 }]);
    for (const c of ITEM_COLUMNS) expect(valueIn(res.after, SHEET_E01, ROW_C003, c)).toBe(3);
  });

  it('rows inserted above and inside the table are taken correctly: rows are matched by case id', async () => {
    const res = await collect(
      await returned((_wb, ws) => {
        ws.spliceRows(L.firstRow + 1, 0, ['插入的行', '说明']);
        ws.spliceRows(1, 0, ['顶部插入']);
      }),
    );
    expect(res.code).toBe(0);
    expect(res.report.taken).toEqual([{ sheet: SHEET_E01, filled: 13, same: 39 }]);
    for (const c of ITEM_COLUMNS) expect(valueIn(res.after, SHEET_E01, ROW_C003, c)).toBe(3);
    const computed = JSON.parse((await ceeas('compute', res.book, '--json')).out);
    const c3 = computed.cases.find((c: { id: string }) => c.id === 'C003');
    expect(c3.rounds.initial.n).toBe(3);
  });

  it('cells merged over score cells: the top-left value is taken, the hidden cells stay empty and compute names them', async () => {
    const from = a1(ROW_C003, L.colFirstItem);
    const to = a1(ROW_C003 + 1, L.colFirstItem + 1);
    const res = await collect(await returned((_wb, ws) => ws.mergeCells(`${from}:${to}`)));
    // A spreadsheet shows the cells under a merge empty: the expert's scores there are gone, so nothing is copied
    // from them, and the master's scores for C004 (the row below) stay as they were.
    expect(res.report.filled).toBe(12);
    expect(res.report.conflicts).toEqual([]);
    expect(valueIn(res.after, SHEET_E01, ROW_C003, L.colFirstItem)).toBe(3);
    expect(valueIn(res.after, SHEET_E01, ROW_C003, L.colFirstItem + 1)).toBeNull();
    const computed = await ceeas('compute', res.book, '--json');
    expect(computed.code).toBe(1);
    const json = JSON.parse(computed.out);
    expect(json.findings).toContainEqual(
      expect.objectContaining({ code: 'missing-item', case: 'C003', expert: 'E01', item: 'innovation.breakthrough' }),
    );
    expect(json.cases.find((c: { id: string }) => c.id === 'C003')).toMatchObject({ score: null, grade: null });
  });

  it.each([
    ['a formula typed into a score cell', { formula: '5+3', result: 8 }, '填的是公式而不是分数'],
    ['a number stored as text ("8"): only numbers are scores, as in compute', '8', '填的是文字“8”而不是数字'],
    ['full-width digits ("８")', '８', '（含全角字符，请用半角数字）'],
    ['a boolean', true, '填的是文字“true”而不是数字'],
    ['an error value', { error: '#VALUE!' }, '是错误值 #VALUE!'],
  ])('%s: refused naming the cell, the rest of the row taken', async (_name, value, says) => {
    const res = await collect(
      await returned((_wb, ws) => (ws.getCell(ROW_C003, L.colFirstItem).value = value as ExcelJS.CellValue)),
    );
    expect(res.code).toBe(1);
    expect(res.report.filled).toBe(12);
    expect(res.report.refused).toEqual([expect.stringContaining(`${SHEET_E01}!${a1(ROW_C003, L.colFirstItem)}`)]);
    expect(res.report.refused[0]).toContain(says);
    expect(valueIn(res.after, SHEET_E01, ROW_C003, L.colFirstItem)).toBeNull();
  });

  it('a different value where the master has a score is a conflict naming the cell, and text there too', async () => {
    const res = await collect(
      await returned((_wb, ws) => {
        ws.getCell(L.firstRow, L.colFirstItem).value = 9; // the master has 7
      }),
    );
    expect(res.code).toBe(1);
    expect(res.report.conflicts.map((c) => c.cell)).toEqual([`${SHEET_E01}!${a1(L.firstRow, L.colFirstItem)}`]);
    expect(res.report.conflicts[0].message).toContain('主工作簿已有 7，返回的工作簿为 9');
    expect(valueIn(res.after, SHEET_E01, L.firstRow, L.colFirstItem)).toBe(7);
  });

  it('a returned file that is not a workbook: exit 2 in one sentence, the master byte for byte', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
    const book = join(dir, 'master-bad.xlsx');
    writeFileSync(book, master);
    expectUnusable(await ceeas('collect', book, bad), ['bad.xlsx']);
    expect(bytesOf(book)!.equals(master)).toBe(true);
  });
});
