import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHEET, SHEET_FORMAL_REVIEW } from '../../src/workbook/names';
import { ceeas } from '../helpers/cli';
import { expectUnusable } from '../helpers/hostile';
import { describeWithOpenpyxl, python } from '../helpers/openpyxl';
import { makePanel } from '../helpers/panels';
import { readBook } from '../helpers/xlsx';
import { partsOf, text } from '../helpers/zipCraft';

// The secretariat's day with the CLI alone: an evaluation started from nothing, registers that stay whole, the
// formal review before anything is drawn, every field an expert fills collected back, and statuses, logs and
// progress that say what happened.

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'ceeas-day-'));
}

function cellText(data: Awaited<ReturnType<typeof readBook>>, sheet: string, r: number, c: number): unknown {
  return data.sheets.find((s) => s.name === sheet)!.values[r - 1]?.[c - 1] ?? null;
}

const CASES = [
  '案例编号,案例名称,申报单位,产业类别,加分条款',
  'C001,高效光伏组件量产,北方钢铁集团有限公司,A.2,',
  'C002,车规级芯片封装,南方芯片有限公司,集成电路,列入国家产业目录',
].join('\n');

describe('starting an evaluation from the command line', () => {
  it('ceeas init writes an empty evaluation workbook that imports, reviews and tells the next step', async () => {
    const d = dir();
    const book = join(d, 'book.xlsx');
    const init = await ceeas('init', book, '--title', '2027年度评价', '--organizer', '某市评价工作部');
    expect([init.code, init.err]).toEqual([0, '']);
    expect(init.out).toMatch(/已建立 .*book\.xlsx/);
    const status0 = JSON.parse((await ceeas('status', book, '--json')).out);
    expect(status0.cases.registered).toBe(0);
    expect(status0.next).toMatch(/导入案例/);

    writeFileSync(join(d, 'cases.csv'), CASES);
    expect((await ceeas('import', book, '--cases', join(d, 'cases.csv'))).code).toBe(0);
    const data = await readBook(book, false);
    // Imported rows join the register: the table, its validations and the 规范性审核 formula reach them.
    const parts = partsOf(readFileSync(book));
    const table = Object.keys(parts).find(
      (n) => /tables\/table\d+\.xml$/.test(n) && text(parts, n).includes('name="Cases"'),
    )!;
    expect(text(parts, table)).toMatch(/ref="A1:J3"/);
    const casesSheet = data.sheets.find((s) => s.name === SHEET.cases)!;
    expect(casesSheet.formulas[2][5]).toMatch(/^IFERROR\(INDEX\('规范性审核'/);
    expect(cellText(data, SHEET.cases, 3, 4)).toBe('集成电路');
    // Not reviewed yet: no draw, and the status says what to do.
    const status1 = JSON.parse((await ceeas('status', book, '--json')).out);
    expect(status1.cases.unreviewed).toBe(2);
    expect(status1.next).toMatch(/规范性审核/);
    const review = await ceeas('review', book);
    expect(review.out).toMatch(/C001 {2}未审核（清单未填 10 项）/);
    expect(review.out).not.toMatch(/通过/);
  });

  it('refuses a category Appendix A does not have and a bonus clause the rubric does not have, naming the line', async () => {
    const d = dir();
    const book = join(d, 'book.xlsx');
    expect((await ceeas('init', book, '--title', '评价')).code).toBe(0);
    writeFileSync(
      join(d, 'bad.csv'),
      '案例编号,案例名称,申报单位,产业类别,加分条款\nC1,甲,甲公司,A.9,\nC2,乙,乙公司,A.1,国家奖\nC3,丙,丙公司,航空航天,\n',
    );
    const before = readFileSync(book);
    const r = await ceeas('import', book, '--cases', join(d, 'bad.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.csv 第 2 行：产业类别“A.9”不是附录 A 中的类别或细分领域');
    expect(r.err).toContain('bad.csv 第 3 行的加分条款“国家奖”不是评分表中的条款');
    expect(r.err).toContain('bad.csv 第 4 行：产业类别“航空航天”在附录 A 中属于 A.1 和 A.2');
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('prints its version', async () => {
    const r = await ceeas('--version');
    expect(r.out).toMatch(/^ceeas \d+\.\d+\.\d+\n$/);
  });
});

describe('registers and findings that say what happened', () => {
  async function built(change?: (raw: ReturnType<typeof makePanel>) => void): Promise<{ d: string; book: string }> {
    // Expert 1 gives case 1 twenty points more than the others: an outlier.
    const raw = makePanel({
      cases: 4,
      experts: [3, 3, 3],
      total: (_r, e, c) => (e === 0 && c === 0 ? 100 : [80, 84, 76, 60][c]),
    });
    change?.(raw);
    const d = dir();
    writeFileSync(join(d, 'panel.json'), JSON.stringify(raw));
    const book = join(d, 'book.xlsx');
    expect((await ceeas('build', join(d, 'panel.json'), '-o', book)).code).toBeLessThanOrEqual(1);
    return { d, book };
  }

  it('names the cell of an outlier and counts a sub-field under its category', async () => {
    const { book } = await built((raw) => {
      raw.cases[1].category = '集成电路';
    });
    const json = JSON.parse((await ceeas('compute', book, '--json')).out);
    const outliers = json.findings.filter((f: { code: string }) => f.code === 'outlier');
    expect(outliers.length).toBeGreaterThan(0);
    for (const f of outliers) expect(f.cell).toMatch(/^(初评|复评|终评)-E\d+!B\d+$/);
    const data = await readBook(book, false);
    const grades = data.sheets.find((s) => s.name === SHEET.grades)!;
    const labels = grades.values.map((r) => r[0]);
    expect(labels).toContain('A.1');
    expect(labels).not.toContain('集成电路');
  });

  it('says 未晋级（初评） for a case that stopped after 初评, and 限期补正中 and 未审核 for cases not reviewed through', async () => {
    const { book } = await built((raw) => {
      raw.rounds.review.cases = ['C001', 'C002'];
      raw.rounds.final.cases = ['C001', 'C002'];
      raw.scores = raw.scores.filter((s) => s.round === 'initial' || ['C001', 'C002'].includes(s.case as string));
      raw.cases[2].formalReview = 'pending';
    });
    const plain = (await ceeas('compute', book)).out;
    expect(plain).toMatch(/C003 .*限期补正中/);
    expect(plain).toMatch(/C004 .*未晋级（初评）/);
    const en = (await ceeas('compute', book, '--lang', 'en')).out;
    expect(en).toMatch(/^Case +Name/m);
    expect(en).toMatch(/C004 .*not advanced \(Initial\)/);
    expect(en).toMatch(/4 cases, 2 graded/);
  });

  it('advance --majority refuses, naming the round, when no expert marked 推荐 at all', async () => {
    const { book } = await built((raw) => {
      raw.scores = raw.scores.filter((s) => s.round === 'initial');
      raw.rounds.review = { experts: [], cases: [] };
      raw.rounds.final = { experts: [], cases: [] };
    });
    const before = readFileSync(book);
    expectUnusable(await ceeas('advance', book, '--from', 'initial', '--majority'), ['初评', '推荐']);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('a case that has not passed formal review is on no expert sheet, whatever its round column says', async () => {
    const { d, book } = await built((raw) => {
      raw.scores = raw.scores.filter((s) => s.round === 'initial');
      raw.rounds.review = { experts: ['E04', 'E05', 'E06'], cases: ['C001', 'C002'] };
      raw.rounds.final = { experts: [], cases: [] };
      raw.cases[1].formalReview = 'failed';
    });
    void d;
    expect((await ceeas('sheets', book, '--round', 'review')).code).toBe(0);
    const data = await readBook(book, false);
    const sheet = data.sheets.find((s) => s.name === '复评-E04')!;
    const ids = sheet.values.map((r) => r[1]);
    expect(ids).toContain('C001');
    expect(ids).not.toContain('C002');
  });

  it('draw -o writes the draw into another workbook, at most N experts of one organisation, with reserves', async () => {
    const { d, book } = await built((raw) => {
      raw.scores = raw.scores.filter((s) => s.round === 'initial');
      raw.rounds.review = { experts: [], cases: [] };
      raw.rounds.final = { experts: [], cases: ['C001'] };
      raw.experts.push(
        { id: 'E10', name: '甲', organization: '北方钢铁集团' },
        { id: 'E11', name: '乙', organization: '北方钢铁集团有限公司' },
        { id: 'E12', name: '丙', organization: '北方钢铁集团股份有限公司' },
      );
      raw.cases[0].applicant = '北方钢铁集团有限公司';
    });
    const out = join(d, 'drawn.xlsx');
    const before = readFileSync(book);
    const r = await ceeas(
      'draw',
      book,
      '--round',
      'final',
      '--count',
      '4',
      '--seed',
      'S',
      '--max-per-organization',
      '1',
      '--reserves',
      '2',
      '-o',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.reserves).toHaveLength(2);
    const steel = ['E10', 'E11', 'E12'];
    expect([...json.experts, ...json.reserves].filter((e: string) => steel.includes(e)).length).toBeLessThanOrEqual(1);
    // An expert of 北方钢铁集团 recuses from a case of 北方钢铁集团有限公司.
    for (const e of json.experts.filter((x: string) => steel.includes(x)))
      expect(json.recusals).toContainEqual(expect.objectContaining({ expert: e, case: 'C001' }));
    expect(readFileSync(book).equals(before)).toBe(true);
    const log = (await readBook(out, false)).sheets.find((s) => s.name === SHEET.log)!;
    expect(String(log.values.at(-1)![5])).toMatch(/每个单位至多 1 位）.*备选依次为/);
  });
});

describeWithOpenpyxl('what an expert fills in comes back', () => {
  it('collect takes scores, 推荐 and 评审意见, fills only blanks and reports a different 推荐 as a conflict', async () => {
    const d = dir();
    const raw = makePanel({ cases: 2, experts: [3, 3, 3], total: () => 80 });
    raw.scores = raw.scores.filter((s) => !(s.round === 'initial' && s.expert === 'E01'));
    writeFileSync(join(d, 'panel.json'), JSON.stringify(raw));
    const book = join(d, 'book.xlsx');
    expect((await ceeas('build', join(d, 'panel.json'), '-o', book)).code).toBeLessThanOrEqual(1);
    const mine = join(d, 'E01.xlsx');
    expect((await ceeas('export', book, '--round', 'initial', '--expert', 'E01', '-o', mine)).code).toBe(0);
    await python(
      `wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['初评-E01']
hdr = {ws.cell(row=5, column=c).value: c for c in range(1, 40)}
for r in (6, 7):
    for k in range(13):
        ws.cell(row=r, column=5 + k).value = [8, 12, 4, 4, 4, 4, 4, 8, 8, 4, 4, 8, 8][k]
ws.cell(row=6, column=hdr['推荐']).value = '是'
ws.cell(row=7, column=hdr['推荐']).value = '否'
ws.cell(row=6, column=hdr['评审意见']).value = '转化效益数据翔实'
wb.save(sys.argv[1])`,
      mine,
    );
    const collected = JSON.parse((await ceeas('collect', book, mine, '--json')).out);
    expect(collected.filled).toBe(13 * 2 + 3);
    const data = await readBook(book, false);
    const sheet = data.sheets.find((s) => s.name === '初评-E01')!;
    const header = sheet.values[4];
    const col = (h: string): number => header.indexOf(h);
    expect(sheet.values[5][col('推荐')]).toBe('是');
    expect(sheet.values[6][col('推荐')]).toBe('否');
    expect(sheet.values[5][col('评审意见')]).toBe('转化效益数据翔实');
    // The master now says 是 for C001; a second return that says 否 is a conflict, not an overwrite.
    await python(
      `wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['初评-E01']
hdr = {ws.cell(row=5, column=c).value: c for c in range(1, 40)}
ws.cell(row=6, column=hdr['推荐']).value = '否'
wb.save(sys.argv[1])`,
      mine,
    );
    const again = await ceeas('collect', book, mine, '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.out).conflicts).toEqual([
      expect.objectContaining({ item: 'recommend', master: '是', returned: '否' }),
    ]);
    // The formal review sheet and the registers were not touched by collect.
    expect(data.sheets.some((s) => s.name === SHEET_FORMAL_REVIEW)).toBe(true);
  });
});
