import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { SHEET, SHEET_FORMAL_REVIEW } from '../../src/workbook/names';
import { ceeas } from '../helpers/cli';
import { excelJsBook } from '../helpers/excelJsReader';

const small = join(__dirname, '../fixtures/panel-small.json');

async function book(): Promise<{ dir: string; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-csv-'));
  const path = join(dir, 'book.xlsx');
  await ceeas('build', small, '-o', path);
  return { dir, path };
}

async function cases(path: string): Promise<unknown[][]> {
  const wb = await excelJsBook(path);
  const ws = wb.getWorksheet(SHEET.cases)!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 4)));
  return rows;
}

const CSV =
  '案例编号,案例名称,申报单位,产业类别\r\nC101,"氢能储运装置,二期",北方氢能有限公司,A.3\r\n\r\nC102,=HYPERLINK("http://x"),+单位,A.2\r\n';

describe('ceeas import', () => {
  it.each([
    ['UTF-8', Buffer.from(CSV, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]), 'utf-8-bom'],
    ['GBK as Excel on Chinese Windows saves it', iconv.encode(CSV, 'gbk'), 'gb18030'],
  ])(
    'appends cases from %s, quoted fields and blank lines included, formulas kept as text',
    async (_n, bytes, encoding) => {
      const { dir, path } = await book();
      const file = join(dir, 'cases.csv');
      writeFileSync(file, bytes);
      const res = await ceeas('import', path, '--cases', file);
      expect(res.code).toBe(0);
      expect(res.out).toContain(`（${encoding}）`);
      const rows = await cases(path);
      expect(rows.slice(-2)).toEqual([
        ['C101', '氢能储运装置,二期', '北方氢能有限公司'],
        ['C102', '=HYPERLINK("http://x")', '+单位'],
      ]);
      const wb = await excelJsBook(path);
      const cell = wb.getWorksheet(SHEET.cases)!.getCell('B7');
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(wb.getWorksheet(SHEET_FORMAL_REVIEW)!.getCell('A7').value).toBe('C102');
    },
  );

  it('refuses a file with a registered or repeated id, or without the needed columns, and writes nothing', async () => {
    const { dir, path } = await book();
    const dup = join(dir, 'dup.csv');
    writeFileSync(dup, '案例编号,案例名称,申报单位\nC001,重复,某单位\nC200,a,b\nC200,c,d\n');
    const res = await ceeas('import', path, '--cases', dup);
    expect(res.code).toBe(1);
    expect(res.err).toContain('第 2 行的案例编号 C001 已在');
    expect(res.err).toContain('第 4 行的案例编号 C200 与第 3 行重复');
    expect((await cases(path)).length).toBe(5);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '名称,地址\n甲,乙\n');
    expect((await ceeas('import', path, '--experts', bad)).err).toContain('缺少列：专家编号、姓名、工作单位');
  });
});
