import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPENDIX_B } from '../../src/core';
import { SCORES_INTERNAL } from '../../src/workbook/export/scoresArchive';
import { SHEET_AGREEMENT, expertSheetName } from '../../src/workbook/names';
import { expertLayout } from '../../src/workbook/sheets/expertLayout';
import { ceeas } from '../helpers/cli';
import { excelJsBook } from '../helpers/excelJsReader';
import { tmp } from '../helpers/hostile';
import { describeWithOpenpyxl, python } from '../helpers/openpyxl';
import { readBook } from '../helpers/xlsx';

// The archive of every score (ceeas scores), double entry of paper forms (collect --second-entry), and the
// agreement sheet compute writes.

const small = join(__dirname, '../fixtures/panel-small.json');
const sample = join(__dirname, '../../samples/panel-sample.json');
const L = expertLayout(APPENDIX_B);
const dir = tmp('ceeas-archive-');

describe('ceeas scores', () => {
  let book: string;
  beforeAll(async () => {
    book = join(dir, 'sample.xlsx');
    expect((await ceeas('build', sample, '-o', book)).code).toBe(0);
  });

  it('exports every entry to CSV and to a workbook, saying it is internal', async () => {
    const csv = join(dir, 'scores.csv');
    const r = await ceeas('scores', book, '-o', csv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已导出 \d+ 条评分记录到 .*scores\.csv。\n$/);
    expect(r.err).toContain('内部资料');
    const lines = readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toMatch(/^轮次,专家编号,专家姓名,案例编号,案例名称,创新必要性,.*,总分,回避,推荐,单元格$/);
    const entries = Number(/(\d+) 条/.exec(r.out)![1]);
    expect(lines.filter((l) => l !== '')).toHaveLength(entries + 1);

    const xlsx = join(dir, 'scores.xlsx');
    expect((await ceeas('scores', book, '-o', xlsx)).code).toBe(0);
    const data = await readBook(xlsx, false);
    expect(data.sheets[0]!.values).toHaveLength(entries + 1);
    expect((await ceeas('scores', book, '-o', xlsx)).code).toBe(2);
    expect((await ceeas('scores', book, '-o', join(dir, 'gbk.csv'), '--encoding', 'gbk')).code).toBe(0);
  });

  it.each([
    [['-o', 'x.txt'], '应以 .csv 或 .xlsx 结尾'],
    [['-o', 'x.csv', '--encoding', 'latin1'], '--encoding 应为 utf-8 或 gbk'],
  ])('refuses %j in one sentence', async (args, sentence) => {
    const r = await ceeas('scores', book, ...args.map((a) => (a.startsWith('x.') ? join(dir, a) : a)));
    expect(r.code).toBe(2);
    expect(r.err).toContain(sentence);
  });

  describeWithOpenpyxl('read by openpyxl', () => {
    it('opens the exported workbook with its note on the header', async () => {
      const xlsx = join(dir, 'for-openpyxl.xlsx');
      expect((await ceeas('scores', book, '-o', xlsx)).code).toBe(0);
      const out = await python(
        "wb = openpyxl.load_workbook(sys.argv[1])\nws = wb.active\nprint(ws['A1'].value, ws.max_row)\nprint(ws['A1'].comment.text)",
        xlsx,
      );
      expect(out).toContain('轮次');
      expect(out).toContain(SCORES_INTERNAL);
    });
  });
});

describe('collect --second-entry: two clerks type the same paper forms', () => {
  let master: string;
  let exported: string;
  beforeAll(async () => {
    const raw = JSON.parse(readFileSync(small, 'utf8'));
    // E01's initial scores come on paper: none of them is in the workbook yet.
    raw.scores = raw.scores.filter(
      (s: { expert: string; round: string }) => !(s.expert === 'E01' && s.round === 'initial'),
    );
    writeFileSync(join(dir, 'panel.json'), JSON.stringify(raw));
    master = join(dir, 'master.xlsx');
    expect((await ceeas('build', join(dir, 'panel.json'), '-o', master)).code).toBe(0);
    exported = join(dir, 'E01.xlsx');
    expect((await ceeas('export', master, '--round', 'initial', '--expert', 'E01', '-o', exported)).code).toBe(0);
  });

  /** A clerk's entry of E01's forms: every item of the first two cases scored, one cell changed where asked. */
  async function entry(name: string, mistype?: { row: number; col: number; value: number }): Promise<string> {
    const wb = await excelJsBook(exported);
    const ws = wb.getWorksheet(expertSheetName('initial', 'E01'))!;
    for (const row of [L.firstRow, L.firstRow + 1])
      for (const col of Object.values(L.itemColumns)) ws.getCell(row, col).value = 3;
    if (mistype) ws.getCell(mistype.row, mistype.col).value = mistype.value;
    const path = join(dir, name);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('lists a single mistyped cell and takes nothing until the entries agree', async () => {
    const first = await entry('first.xlsx');
    const col = L.itemColumns[APPENDIX_B.items[4]!.id]!;
    const second = await entry('second.xlsx', { row: L.firstRow + 1, col, value: 8 });
    const before = readFileSync(master);
    const r = await ceeas('collect', master, first, '--second-entry', second);
    expect(r.code).toBe(1);
    const cell = `${expertSheetName('initial', 'E01')}!${String.fromCharCode(64 + col)}${L.firstRow + 1}`;
    expect(r.out).toContain(`录入不一致：${cell}`);
    expect(r.out).toContain('第一次录入 3，第二次录入 8');
    expect(r.out.match(/录入不一致/g)).toHaveLength(1);
    expect(r.out).toContain('未收回任何分数');
    expect(readFileSync(master).equals(before)).toBe(true);

    const json = JSON.parse((await ceeas('collect', master, first, '--second-entry', second, '--json')).out);
    expect(json).toMatchObject({ filled: 0, written: false, differences: [{ cell, first: '3', second: '8' }] });

    const corrected = await entry('second-corrected.xlsx');
    const ok = await ceeas('collect', master, first, '--second-entry', corrected);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`共填入 ${2 * 13} 格`);
  });

  it('refuses a first entry without its second', async () => {
    const first = await entry('lonely.xlsx');
    const other = join(dir, 'other.xlsx');
    const wb = await excelJsBook(exported);
    wb.getWorksheet(expertSheetName('initial', 'E01'))!.name = '备注';
    await wb.xlsx.writeFile(other);
    const r = await ceeas('collect', master, first, '--second-entry', other);
    expect(r.code).toBe(1);
    expect(r.out).toContain('没有第二次录入');
  });
});

describe('一致性分析', () => {
  it('shows each round’s W and each expert’s leniency as the engine computes them, and the cases to discuss', async () => {
    const book = join(dir, 'agreement.xlsx');
    expect((await ceeas('build', sample, '-o', book)).code).toBe(0);
    const json = JSON.parse((await ceeas('compute', book, '--json')).out);
    const data = await readBook(book, false);
    const sheet = data.sheets.find((s) => s.name === SHEET_AGREEMENT)!;
    const rows = sheet.values.map((r) => r.map((v) => (v === null ? '' : String(v))));
    for (const [rid, name] of [
      ['initial', '初评'],
      ['review', '复评'],
      ['final', '终评'],
    ] as const) {
      const row = rows.find((r) => r[0] === name && /^\d+$/.test(r[1]!))!;
      expect(row[3]).toBe(json.agreement.rounds[rid].kendallW ?? '—');
    }
    for (const e of json.agreement.experts as { expert: string; leniency: string | null }[])
      expect(rows.some((r) => r[1] === e.expert && r[3] === (e.leniency ?? '—'))).toBe(true);
    expect(rows.flat().join('')).toContain('不影响任何得分和等级');
  });
});
