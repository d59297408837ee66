import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ceeas } from '../helpers/cli';
import { SHEET_FORMAL_REVIEW } from '../../src/workbook/names';
import { FORMAL_CHECKS, FORMAL_REVIEW_COLUMNS } from '../../src/workbook/sheets/formalReviewSheet';
import { excelJsBook } from '../helpers/excelJsReader';

const sample = join(__dirname, '../../samples/panel-sample.json');

const col = (name: string): number => FORMAL_REVIEW_COLUMNS.indexOf(name) + 1;

describe('ceeas review (规范性审核)', () => {
  it('derives 通过/未通过 from the checklist, demands reasons and a deadline for 限期补正, and excludes cases that did not pass', async () => {
    const book = join(mkdtempSync(join(tmpdir(), 'ceeas-fr-')), 'book.xlsx');
    await ceeas('build', sample, '-o', book);
    const wb = await excelJsBook(book);
    const ws = wb.getWorksheet(SHEET_FORMAL_REVIEW)!;
    // Rows 2.. are C001..; answer C001 all 是, C002 with one 否, and mark C003 限期补正 without a deadline.
    for (const r of [2, 3]) {
      FORMAL_CHECKS.forEach((c) => (ws.getCell(r, col(c.label)).value = '是'));
      ws.getCell(r, col('审核结果')).value = null;
    }
    ws.getCell(3, col(FORMAL_CHECKS[3].label)).value = '否';
    ws.getCell(4, col('审核结果')).value = '限期补正';
    ws.getCell(4, col('审核说明')).value = '缺少应用证明';
    await wb.xlsx.writeFile(book);

    const res = await ceeas('review', book, '--json');
    expect(res.code).toBe(1);
    const outcome = JSON.parse(res.out);
    const byCase = Object.fromEntries(outcome.rows.map((r: { case: string; result: string }) => [r.case, r.result]));
    expect([byCase.C001, byCase.C002, byCase.C003]).toEqual(['通过', '未通过', '限期补正']);
    expect(outcome.problems.map((p: { message: string }) => p.message).join()).toContain('补正期限');

    const computed = JSON.parse((await ceeas('compute', book, '--json')).out);
    const status = Object.fromEntries(computed.cases.map((c: { id: string; status: string }) => [c.id, c.status]));
    expect([status.C001, status.C002, status.C003]).toEqual(['graded', 'excluded', 'excluded']);

    const after = await excelJsBook(book);
    expect(String(after.getWorksheet(SHEET_FORMAL_REVIEW)!.getCell(3, col('审核说明')).value)).toContain('6.3a');
  });

  it('adds the Appendix C application form for a case once, never over an existing one', async () => {
    const book = join(mkdtempSync(join(tmpdir(), 'ceeas-fr-')), 'book.xlsx');
    await ceeas('build', sample, '-o', book);
    expect((await ceeas('application', book, '--case', 'C001')).code).toBe(0);
    const wb = await excelJsBook(book);
    const ws = wb.getWorksheet('申报表-C001')!;
    expect(ws.getCell('A1').value).toBe('企业科技创新成果转化报告推荐申报表');
    expect(ws.getCell('B3').value).toBe('高效异质结光伏组件智能产线改造');
    expect(String(ws.getCell('B23').value)).toContain('其他');
    expect((await ceeas('application', book, '--case', 'C001')).code).toBe(2);
    expect((await ceeas('application', book, '--case', 'C999')).code).toBe(2);
  });
});
