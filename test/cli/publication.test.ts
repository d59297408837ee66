import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ceeas } from '../helpers/cli';
import { SHEET, SHEET_RELEASE } from '../../src/workbook/names';
import { OBJECTION_COLUMNS } from '../../src/workbook/sheets/objectionsSheet';
import { excelJsBook } from '../helpers/excelJsReader';

const sample = join(__dirname, '../../samples/panel-sample.json');

type Row = Partial<Record<(typeof OBJECTION_COLUMNS)[number], string>>;

async function bookWith(objections: Row[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-pub-'));
  const book = join(dir, 'book.xlsx');
  await ceeas('build', sample, '-o', book);
  const wb = await excelJsBook(book);
  const ws = wb.getWorksheet(SHEET.objections)!;
  objections.forEach((o, i) => {
    for (const [k, v] of Object.entries(o)) ws.getCell(i + 2, OBJECTION_COLUMNS.indexOf(k as never) + 1).value = v;
  });
  await wb.xlsx.writeFile(book);
  return book;
}

const cell = async (book: string, sheet: string, address: string): Promise<unknown> => {
  const wb = await excelJsBook(readFileSync(book));
  return wb.getWorksheet(sheet)!.getCell(address).value;
};

// The sample's notice runs 2026-12-28 … 2027-01-06.
const base = { 联系方式: '010-1', 异议内容: '对评价等级有异议，附证明材料' };

describe('objections and release', () => {
  it('refuses anonymous, oral and late objections with the reason, accepts real-name written ones', async () => {
    const book = await bookWith([
      {
        ...base,
        异议编号: 'Y1',
        收到日期: '2027-01-05',
        '异议人（实名）': '张三',
        提出形式: '书面',
        所涉案例编号: 'C005',
      },
      {
        ...base,
        异议编号: 'Y2',
        收到日期: '2027-01-02',
        '异议人（实名）': '匿名',
        提出形式: '书面',
        所涉案例编号: 'C001',
      },
      {
        ...base,
        异议编号: 'Y3',
        收到日期: '2027-01-02',
        '异议人（实名）': '李四',
        提出形式: '口头',
        所涉案例编号: 'C001',
      },
      {
        ...base,
        异议编号: 'Y4',
        收到日期: '2027-01-08',
        '异议人（实名）': '王五',
        提出形式: '书面',
        所涉案例编号: 'C001',
      },
    ]);
    const res = await ceeas('objections', book, '--json');
    expect(res.code).toBe(0);
    const col = (name: (typeof OBJECTION_COLUMNS)[number]): string =>
      String.fromCharCode(65 + OBJECTION_COLUMNS.indexOf(name));
    expect(await cell(book, SHEET.objections, `${col('是否受理')}2`)).toBe('受理');
    for (const r of [3, 4, 5]) expect(await cell(book, SHEET.objections, `${col('是否受理')}${r}`)).toBe('不予受理');
    expect(await cell(book, SHEET.objections, `${col('不予受理原因')}3`)).toContain('匿名');
    expect(await cell(book, SHEET.objections, `${col('不予受理原因')}4`)).toContain('书面');
    expect(await cell(book, SHEET.objections, `${col('不予受理原因')}5`)).toContain('超过公示期');
    expect(JSON.parse(res.out).open).toEqual(['Y1']);
  });

  it('a grade change leaves before, after, reason and date in the released results; release waits for the period and open objections', async () => {
    const book = await bookWith([
      {
        ...base,
        异议编号: 'Y1',
        收到日期: '2027-01-05',
        '异议人（实名）': '张三',
        提出形式: '书面',
        所涉案例编号: 'C005',
        是否受理: '受理',
        处理结果: '调整等级',
        调整后等级: '一等',
        处理说明: '重新评议后确认终评专家漏计获奖材料',
        处理日期: '2027-01-10',
      },
      {
        ...base,
        异议编号: 'Y2',
        收到日期: '2027-01-04',
        '异议人（实名）': '赵六',
        提出形式: '书面',
        所涉案例编号: 'C002',
      },
    ]);
    const early = await ceeas('release', book, '--date', '2027-01-05', '--json');
    expect(early.code).toBe(1);
    expect(JSON.parse(early.out).blockers.join()).toContain('公示期至 2027-01-06');
    const open = await ceeas('release', book, '--date', '2027-01-12', '--json');
    expect(open.code).toBe(1);
    expect(JSON.parse(open.out).blockers.join()).toContain('Y2');

    const wb = await excelJsBook(book);
    const ws = wb.getWorksheet(SHEET.objections)!;
    const at = (name: (typeof OBJECTION_COLUMNS)[number]): number => OBJECTION_COLUMNS.indexOf(name) + 1;
    ws.getCell(3, at('处理结果')).value = '驳回';
    ws.getCell(3, at('处理说明')).value = '异议理由与事实不符';
    ws.getCell(3, at('处理日期')).value = '2027-01-09';
    await wb.xlsx.writeFile(book);

    const done = await ceeas('release', book, '--date', '2027-01-12', '--json');
    expect(done.code).toBe(0);
    const results = JSON.parse(done.out).results as { case: string; final: string; certificate: string }[];
    expect(results.find((r) => r.case === 'C005')!.final).toBe('一等');
    expect(results.find((r) => r.case === 'C009')!.certificate).toBe('');
    expect(results.filter((r) => r.certificate !== '')).toHaveLength(10);
    const after = await excelJsBook(book);
    const release = after.getWorksheet(SHEET_RELEASE)!;
    const row = release.getRows(4, 11)!.find((r) => r.getCell(2).value === 'C005')!;
    expect([row.getCell(6).value, row.getCell(7).value]).toEqual(['二等', '一等']);
    expect(String(row.getCell(8).value)).toContain('二等→一等，重新评议后确认终评专家漏计获奖材料（2027-01-10）');
    const log = after.getWorksheet(SHEET.log)!;
    // The log records when the release ran, and the release date it was given beside it.
    const last = log.getRow(log.actualRowCount);
    expect(last.getCell(4).value).toBe('发布最终结果');
    expect(last.getCell(3).value).toBe('2027-01-12');
    expect(String(last.getCell(2).value)).not.toMatch(/^2027-01-12/);
  });
});
